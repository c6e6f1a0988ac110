// The end of a coming-of-age case (二(六)): once every task of the placement plan has ended (completed, rejected or
// cancelled) and the young person is 18, the hub discharges them from the institution with the placement recorded.
// Checked at the moment the plan's last task ends (a department completing or rejecting it through the partner API),
// when staff record an assessment whose plan needs no task, and by the daily clock sweep. The sweep is the safety net:
// the birthday may come last, and a follow-on discharge that failed (the department's answer already stood) is done
// by the next sweep, since it reads every placing case and the discharge is one conditional transaction.
import type { TaskView } from '../../../contracts/api/views.ts';
import { hubMachine } from '../../auth/who.ts';
import { chinaDate } from '../../calendar/china-time.ts';
import { clock } from '../../lib/clock.ts';
import { ConflictError } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { getChildCase, type ChildCase } from '../../state/children.ts';
import { dischargeWrites } from '../../state/coming-of-age.ts';
import { isTerminal } from '../../state/lifecycle.ts';
import { transact } from '../../state/table.ts';
import { findTaskType } from '../../topology/task-types.ts';

/** Discharges the young person when the plan is done and they are of age; true when this call did. */
export async function dischargeIfPlaced(found: ChildCase, now = clock.now()): Promise<boolean> {
  const c = found.comingOfAge;
  if (!c || c.status !== 'placing' || !c.assessment || found.child.leftCare) return false;
  const today = chinaDate(now);
  if (today < c.comesOfAgeOn) return false;
  const planned = c.plan?.taskIds ?? [];
  const tasks = planned.map((id) => found.tasks.find((t) => t.taskId === id));
  if (tasks.some((t) => !t || !isTerminal(t.status))) return false;
  const leftCare = { on: today, reason: 'coming-of-age' as const, category: c.assessment.category, place: c.assessment.place };
  const note = tasks.map((t) => `${t!.type}: ${t!.status}`).join('; ') || 'no task was needed';
  const step = { at: now.toISOString(), step: 'discharged' as const, ...hubMachine('coming-of-age'), note };
  try {
    await transact(dischargeWrites(found.child, c, leftCare, step), 'the child or its coming-of-age case changed meanwhile');
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
  logger.info('discharged on coming of age', { childId: found.child.childId, category: leftCare.category, tasks: tasks.length });
  return true;
}

/** A task of a type no placement plan opens cannot end a plan: no read for it. */
function mayBeInPlan(task: Pick<TaskView, 'type' | 'contractVersion'>): boolean {
  const contract = findTaskType(task.type, task.contractVersion)?.contract;
  return Boolean(contract?.placement || contract?.workflow?.name === 'coming-of-age');
}

/**
 * After a task ended: the discharge, if it was the plan's last one and the young person is of age. Reads the child's
 * case only for a task a plan may hold, and writes only when it discharges. The caller's transition stands whatever
 * this does: a failure here leaves the discharge to the clock sweep.
 */
export async function afterTaskEnded(
  task: Pick<TaskView, 'taskId' | 'type' | 'contractVersion' | 'subjectId' | 'status'>,
  now = clock.now(),
): Promise<boolean> {
  if (!isTerminal(task.status) || !task.subjectId.startsWith('CH') || !mayBeInPlan(task)) return false;
  const found = await getChildCase(task.subjectId);
  if (!found?.comingOfAge?.plan?.taskIds.includes(task.taskId)) return false;
  return dischargeIfPlaced(found, now);
}
