// Escalation of overdue tasks (docs/decisions/0018-supervision-reports.md): an open task late by its type's threshold
// in working days (services/topology.ts `escalateAfter`) goes to its city's supervisor, later to the region's. Run
// with the overdue sweep; it finds late tasks the same way (the inbox index's open tasks, by deadline), so it reads
// only what is late. Each escalation is written once (services/state/escalations.ts).
import { clock } from '../lib/clock.ts';
import { chinaDate, chinaIso } from '../calendar/china-time.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { logger } from '../lib/logger.ts';
import { recordEscalation } from '../state/escalations.ts';
import { allInbox } from '../state/queries.ts';
import { getTask, jurisdictionCity, type TaskItem } from '../state/tasks.ts';
import { departments } from '../topology/departments.ts';
import { defaultEscalation, findTaskType } from '../topology/task-types.ts';

/** How many working days a task is late at `now` (0 before or on its deadline's day). */
export const workingDaysLate = (deadline: string, now: Date) => Math.max(0, workingDaysBetween(chinaDate(new Date(deadline)), chinaDate(now)));

/** The level a task late by `late` working days has reached, if any. */
export function levelFor(type: string, late: number): 'city' | 'region' | undefined {
  const t = findTaskType(type)?.escalateAfter ?? defaultEscalation;
  if (late >= t.region) return 'region';
  return late >= t.city ? 'city' : undefined;
}

async function escalate(found: TaskItem, now: Date): Promise<number> {
  const late = workingDaysLate(found.deadline, now);
  const level = levelFor(found.type, late);
  if (!level) return 0;
  const task = await getTask(found.taskId);
  if (!task || task.escalation === 'region' || task.escalation === level) return 0;
  const cityCode = jurisdictionCity(task);
  let written = 0;
  // A task found late enough for the region at once (the sweep was down) is escalated to the city first, then on.
  for (const step of task.escalation === 'city' ? (['region'] as const) : level === 'region' ? (['city', 'region'] as const) : (['city'] as const)) {
    const current = written ? await getTask(task.taskId) : task;
    if (!current) break;
    const ok = await recordEscalation(current, {
      escalationId: `${task.taskId}.E${step === 'city' ? 1 : 2}`,
      taskId: task.taskId,
      type: task.type,
      department: task.department,
      institutionId: task.institutionId,
      cityCode,
      level: step,
      to: `supervisor:${step === 'city' ? cityCode : '450000'}`,
      workingDaysLate: late,
      escalatedAt: now.toISOString(),
      status: 'open',
    });
    if (!ok) break;
    written++;
  }
  return written;
}

/** Escalates every open task past its threshold; returns how many escalations were written. */
export async function escalateOverdue(now = clock.now()): Promise<number> {
  const nowChina = chinaIso(now);
  let written = 0;
  for (const d of departments) {
    for (const t of await allInbox(d.code, 'open', nowChina)) written += await escalate(t, now);
  }
  if (written) logger.info('escalated overdue tasks', { count: written });
  return written;
}
