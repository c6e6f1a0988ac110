// The scheduled sweeps, as functions the Lambda schedules and the local runtime's timers both call.
import { chinaIso } from '../calendar/china-time.ts';
import { sendTasks } from '../dispatch/send.ts';
import { logger } from '../lib/logger.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { getChildCase } from '../state/children.ts';
import { releaseDependents } from '../cases/dependencies.ts';
import { allInbox } from '../state/queries.ts';
import { markOverdue, recordRedispatch, type TaskItem } from '../state/tasks.ts';
import { departments } from '../topology/departments.ts';
import { clock } from '../lib/clock.ts';

/**
 * Sends again every task that has been dispatched for longer than `olderThanSeconds` without being
 * delivered: its message was lost (a crash between write and send, an in-memory queue that restarted).
 */
export async function redispatchStuck(olderThanSeconds: number, now = clock.now()): Promise<{ resent: number; released: number }> {
  const cutoff = new Date(now.getTime() - olderThanSeconds * 1000).toISOString();
  let resent = 0;
  let released = 0;
  for (const d of departments) {
    const stuck = (await allInbox(d.code, 'dispatched')).filter((t) => (t.dispatchedAt ?? t.updatedAt) <= cutoff);
    const touched: TaskItem[] = [];
    for (const t of stuck) {
      if (await recordRedispatch(t, now.toISOString(), `re-dispatched: not delivered within ${olderThanSeconds}s`)) touched.push(t);
    }
    if (touched.length) {
      await sendTasks(touched, now);
      resent += touched.length;
      logger.info('re-dispatched stuck tasks', { department: d.code, count: touched.length });
    }
    // A task whose prerequisite ended while the release step was interrupted is released (or cancelled) now.
    for (const waiting of await allInbox(d.code, 'requested')) released += await reconcileWaiting(waiting, now);
  }
  return { resent, released };
}

async function reconcileWaiting(task: TaskItem, now: Date): Promise<number> {
  const found = await getChildCase(task.subjectId);
  const full = found?.tasks.find((t) => t.taskId === task.taskId);
  if (!found || !full?.waitingFor?.length) return 0;
  let moved = 0;
  for (const id of full.waitingFor) {
    const prerequisite = found.tasks.find((t) => t.taskId === id);
    if (prerequisite && isTerminal(prerequisite.status)) moved += (await releaseDependents(prerequisite, now)).length;
  }
  return moved;
}


/** Flags open tasks past their deadline. Returns how many are overdue now, and how many were newly flagged. */
export async function flagOverdue(now = clock.now()): Promise<{ overdue: number; flagged: number }> {
  let overdue = 0;
  let flagged = 0;
  // Deadlines are stored as China time (…+08:00); the index compares strings, so compare like with like.
  const nowChina = chinaIso(now);
  for (const d of departments) {
    const late = await allInbox(d.code, 'open', nowChina);
    overdue += late.length;
    for (const t of late) if (!t.overdue && (await markOverdue(t, now))) flagged++;
  }
  return { overdue, flagged };
}
