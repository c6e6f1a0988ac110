// Recurring institution duties (periodic fire-safety inspections): a schedule item in the institution's
// partition says what to open and when; the daily sweep opens what is due.
import { hubMachine } from '../auth/who.ts';
import { chinaDate } from '../calendar/china-time.ts';
import { addMonths } from '../calendar/days.ts';
import { sendTasks } from '../dispatch/send.ts';
import { logger } from '../lib/logger.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { queryOwner } from '../state/queries.ts';
import { claimSchedule, newScheduleItem, putSchedule } from '../state/schedules.ts';
import { putAllNew, type TaskItem } from '../state/tasks.ts';
import { seededInstitutions } from '../seed/institutions.ts';
import { buildTaskItems } from './open-tasks.ts';
import { getInstitution } from './institutions.ts';
import { clock } from '../lib/clock.ts';

/** Opens a schedule for an institution duty: the next task is due `everyMonths` from today. */
export async function scheduleDuty(institutionId: string, type: string, input: Record<string, unknown>, everyMonths: number, now: Date) {
  const item = newScheduleItem({ institutionId, type, input, everyMonths, nextDueOn: addMonths(chinaDate(now), everyMonths) });
  await putSchedule(item);
  return item;
}

/** Opens every recurring duty that is due and not already open; returns the tasks opened. */
export async function openRecurring(now = clock.now(), institutions = seededInstitutions.map((i) => i.institutionId)): Promise<TaskItem[]> {
  const today = chinaDate(now);
  const opened: TaskItem[] = [];
  for (const institutionId of institutions) {
    const items = await queryOwner(institutionId);
    const due = items.filter((i) => i.entity === 'schedule').filter((s) => s.nextDueOn <= today);
    for (const s of due) {
      const claimed = await claimSchedule(s, addMonths(today, s.everyMonths));
      if (!claimed) continue; // another sweep took it
      const stillOpen = items.some((i) => i.entity === 'task' && i.type === s.type && !isTerminal(i.status));
      if (stillOpen) continue;
      const [task] = buildTaskItems({ institution: getInstitution(institutionId) }, [{ type: s.type, input: s.input }], hubMachine('schedule'), now);
      await putAllNew([task!]);
      opened.push(task!);
    }
  }
  if (opened.length) {
    await sendTasks(opened, now);
    logger.info('recurring duties opened', { count: opened.length });
  }
  return opened;
}
