// The children's clocks (decision 14): every clock rule (a task type's `clock`, the coming-of-age workflow's), what
// a child's clocks show on a given day, and the daily sweep that opens what they call for, once per child and rule
// (the clock item's key, services/state/clocks.ts), and discharges a young person whose placement is done.
import type { ClockEventView } from '../../contracts/api/clocks.ts';
import type { Child } from '../../contracts/case.ts';
import { comingOfAgeClock } from '../../contracts/coming-of-age-terms.ts';
import { hubMachine } from '../auth/who.ts';
import { chinaDate } from '../calendar/china-time.ts';
import { addMonths } from '../calendar/days.ts';
import { sendTasks } from '../dispatch/send.ts';
import { clock } from '../lib/clock.ts';
import { ValidationError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { getChildCase, type ChildCase } from '../state/children.ts';
import { newClockItem } from '../state/clocks.ts';
import { newComingOfAgeItem } from '../state/coming-of-age.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { childrenOfInstitution } from '../state/queries.ts';
import { putAllNew, type TaskItem } from '../state/tasks.ts';
import { seededInstitutions } from '../seed/institutions.ts';
import { findTaskType, taskTypes } from '../topology/task-types.ts';
import { childClocks, type ClockEntry } from './clock-events.ts';
import { dischargeIfPlaced } from './coming-of-age/discharge.ts';
import { effectiveChild } from './facts.ts';
import { getInstitution } from './institutions.ts';
import { buildTaskItems } from './open-tasks.ts';

const BY = hubMachine('clock');
export const COMING_OF_AGE = 'coming-of-age';

/** Every clock rule: each task type's (its newest major: new tasks open with it), then the workflows'. */
export function clockEntries(): ClockEntry[] {
  const newest = taskTypes.filter((t) => findTaskType(t.contract.type) === t);
  return [
    ...newest.flatMap(({ contract }) => (contract.clock ? [{ id: contract.type, opens: 'task' as const, rule: contract.clock }] : [])),
    { id: COMING_OF_AGE, opens: 'workflow', rule: comingOfAgeClock },
  ];
}

/** The child's clock events on `today`, from its facts as they stand. */
export function clocksOf(found: ChildCase, today: string): ClockEventView[] {
  const child = effectiveChild(found.child, found.tasks);
  const kind = getInstitution(child.institutionId).kind;
  return childClocks({ child, kind, leftCareOn: found.child.leftCare?.on }, clockEntries(), found.clocks, today);
}

const conflict = (err: unknown) => ['TransactionCanceledException', 'ConditionalCheckFailedException'].includes((err as Error).name);

/** Writes what a clock opened with its clock item; false when another sweep wrote it first. */
async function writeOnce(items: object[]): Promise<boolean> {
  try {
    await putAllNew(items);
    return true;
  } catch (err) {
    if (conflict(err)) return false;
    throw err;
  }
}

function inputFromFacts(input: Record<string, string> | undefined, child: Child) {
  const facts = child as Record<string, unknown>;
  return Object.fromEntries(Object.entries(input ?? {}).flatMap(([field, fact]) => (facts[fact] === undefined ? [] : [[field, facts[fact]]])));
}

type Fired = { task?: TaskItem; covered?: boolean; workflow?: boolean };

async function fire(found: ChildCase, entry: ClockEntry, due: ClockEventView, now: Date): Promise<Fired | undefined> {
  const { childId } = found.child;
  const at = now.toISOString();
  const record = { rule: entry.id, event: due.event, eventOn: due.eventOn, openedOn: chinaDate(now), at };
  if (entry.opens === 'workflow') {
    const opened = { at, step: 'opened' as const, ...BY, note: `the ${due.event} clock: assessment due before ${due.eventOn}` };
    const item = newComingOfAgeItem(childId, record.openedOn, due.eventOn, opened);
    return (await writeOnce([newClockItem(childId, record), item])) ? { workflow: true } : undefined;
  }
  // Opened already this time round (by the admission, or by hand, under way or done in the year before the event):
  // the clock leaves it at that. A kindergarten placement at 4 is not the primary-school one at 6.
  const yearBefore = addMonths(due.eventOn, -12);
  const under = found.tasks.find(
    (t) => t.type === entry.id && (!isTerminal(t.status) || (t.status === 'completed' && chinaDate(new Date(t.createdAt)) >= yearBefore)),
  );
  if (under) {
    return (await writeOnce([newClockItem(childId, { ...record, taskId: under.taskId, covered: true })])) ? { covered: true } : undefined;
  }
  const child = effectiveChild(found.child, found.tasks);
  const institution = getInstitution(child.institutionId);
  const spec = { type: entry.id, input: inputFromFacts(entry.rule.input as Record<string, string> | undefined, child) };
  let task: TaskItem;
  try {
    [task] = buildTaskItems({ institution, child }, [spec], BY, now) as [TaskItem];
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    // The case lacks what the task needs: it stays due (the child's page says so) until staff record it.
    logger.warn('clock due but its task cannot be built', { childId, rule: entry.id, fields: err.issues?.map((i) => i.path) });
    return undefined;
  }
  task.history[0] = { ...task.history[0]!, reason: `opened by the ${due.event} clock (${due.eventOn}, ${due.policy})` };
  return (await writeOnce([newClockItem(childId, { ...record, taskId: task.taskId }), task])) ? { task } : undefined;
}

export interface ClockSweep {
  opened: TaskItem[];
  covered: number;
  comingOfAge: number;
  discharged: number;
}

/** Runs every child's clocks in the institutions clock rules apply to; what it opened. Idempotent. */
export async function sweepClocks(now = clock.now(), institutions = seededInstitutions): Promise<ClockSweep> {
  const today = chinaDate(now);
  const entries = clockEntries();
  const kinds = new Set(entries.flatMap((e) => e.rule.at ?? ['city-welfare']));
  const out: ClockSweep = { opened: [], covered: 0, comingOfAge: 0, discharged: 0 };
  for (const institution of institutions.filter((i) => kinds.has(i.kind))) {
    for (const { childId } of await childrenOfInstitution(institution.institutionId)) {
      const found = await getChildCase(childId);
      if (!found || found.child.leftCare) continue;
      for (const due of clocksOf(found, today).filter((c) => c.state === 'due')) {
        const fired = await fire(found, entries.find((e) => e.id === due.rule)!, due, now);
        if (fired?.task) out.opened.push(fired.task);
        if (fired?.covered) out.covered++;
        if (fired?.workflow) out.comingOfAge++;
      }
      if (found.comingOfAge?.status === 'placing' && (await dischargeIfPlaced(found, now))) out.discharged++;
    }
  }
  if (out.opened.length) await sendTasks(out.opened, now);
  if (out.opened.length || out.covered || out.comingOfAge || out.discharged) {
    logger.info('clocks swept', { opened: out.opened.length, covered: out.covered, comingOfAge: out.comingOfAge, discharged: out.discharged });
  }
  return out;
}
