// Tasks that wait for others (hukou registration after the foundling report): released when every
// prerequisite completes, with a request rebuilt from the facts the prerequisites established; cancelled,
// with the reason, when a prerequisite is rejected or cancelled.
import { hubMachine } from '../auth/who.ts';
import { deadlineFor } from '../calendar/working-days.ts';
import { sendTasks } from '../dispatch/send.ts';
import { ConflictError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { getChildCase } from '../state/children.ts';
import type { TaskItem } from '../state/tasks.ts';
import { transitionTask } from '../state/transition.ts';
import { informationDeadlineWorkingDays } from '../topology/departments.ts';
import { findTaskType } from '../topology/task-types.ts';
import { taskInput } from './open-tasks.ts';
import { effectiveChild } from './facts.ts';
import { getInstitution } from './institutions.ts';
import { clock } from '../lib/clock.ts';

const BY = hubMachine('dependencies');

export async function releaseDependents(prerequisite: TaskItem, now = clock.now()): Promise<TaskItem[]> {
  if (!['completed', 'rejected', 'cancelled'].includes(prerequisite.status)) return [];
  if (!prerequisite.subjectId.startsWith('CH')) return [];
  const found = await getChildCase(prerequisite.subjectId);
  if (!found) return [];
  const waiting = found.tasks.filter((t) => t.status === 'requested' && t.waitingFor?.includes(prerequisite.taskId));
  const moved: TaskItem[] = [];
  for (const task of waiting) {
    try {
      if (prerequisite.status !== 'completed') {
        const why = prerequisite.statusReason ? `: ${prerequisite.statusReason}` : '';
        moved.push(await transitionTask(task.taskId, {
          action: 'cancel',
          actor: 'system',
          who: BY,
          reason: `prerequisite ${prerequisite.type} (${prerequisite.taskId}) was ${prerequisite.status}${why}`,
        }, now));
        continue;
      }
      const pending = (task.waitingFor ?? []).filter((id) => found.tasks.find((t) => t.taskId === id)?.status !== 'completed' && id !== prerequisite.taskId);
      if (pending.length) continue;
      const entry = findTaskType(task.type, task.contractVersion)!;
      // The facts as they stand now include what the prerequisite established (its result).
      const tasks = found.tasks.map((t) => (t.taskId === prerequisite.taskId ? prerequisite : t));
      const child = effectiveChild(found.child, tasks);
      const input = entry.contract.input.safeParse(taskInput(task.input, task.inputFacts, child));
      const built = input.success
        ? entry.contract.request.safeParse(entry.contract.buildRequest({ institution: getInstitution(child.institutionId), child }, input.data))
        : input;
      if (!built.success) {
        // Released, but the case lacks what the department needs: staff supply it (supply-information).
        const missing = built.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
        const deadline = deadlineFor(now, entry.deadlineWorkingDays);
        moved.push(await transitionTask(task.taskId, {
          action: 'hold',
          actor: 'system',
          who: BY,
          reason: `prerequisite ${prerequisite.type} completed; information needed: ${missing.map((m) => m.field).join(', ')}`,
          deadline: deadlineFor(now, informationDeadlineWorkingDays),
          extra: { missing, heldSince: now.toISOString(), heldRemainingMs: Date.parse(deadline) - now.getTime() },
        }, now));
        continue;
      }
      const request = built.data;
      moved.push(await transitionTask(task.taskId, {
        action: 'dispatch',
        actor: 'system',
        who: BY,
        reason: `prerequisite ${prerequisite.type} completed`,
        request,
        // The department's time starts when it receives the task.
        deadline: deadlineFor(now, entry.deadlineWorkingDays),
      }, now));
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  const released = moved.filter((t) => t.status === 'dispatched');
  if (released.length) await sendTasks(released, now);
  if (moved.length) logger.info('dependents moved', { taskId: prerequisite.taskId, moved: moved.map((t) => `${t.taskId}:${t.status}`) });
  return moved;
}
