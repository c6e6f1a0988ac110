// The task lifecycle, modelled on FHIR Task. Transitions are a table; anything not in it is refused (409).
import type { TaskStatus } from '../../contracts/api/views.ts';
import { taskStatuses } from '../../contracts/api/task-statuses.ts';

export type { TaskStatus } from '../../contracts/api/views.ts';
export { taskStatuses } from '../../contracts/api/task-statuses.ts';

export const terminalStatuses: readonly TaskStatus[] = ['completed', 'rejected', 'cancelled'];
/**
 * In the status enum of the published API, but no route leads there: a department completes, rejects or asks for
 * information straight from acknowledged. Kept so that a "start" route can come without changing the contract.
 */
export const reservedStatuses: readonly TaskStatus[] = ['in-progress'];

/** Who may move a task: the hub itself (adapters, schedules), the owning department, or the case's staff. */
export type Actor = 'system' | 'department' | 'staff';

export type Action =
  | 'dispatch'
  | 'deliver'
  | 'fail'
  | 'acknowledge'
  | 'complete'
  | 'reject'
  | 'cancel'
  | 'resume'
  | 'request-information'
  | 'supply-information'
  | 'hold';

interface Transition {
  action: Action;
  from: readonly TaskStatus[];
  to: TaskStatus;
  by: readonly Actor[];
}

/** Statuses a task can still leave (not terminal), in the lifecycle's order. */
export const openStatuses: readonly TaskStatus[] = taskStatuses.filter((s) => !terminalStatuses.includes(s));

export const transitions: readonly Transition[] = [
  { action: 'dispatch', from: ['requested'], to: 'dispatched', by: ['system'] },
  { action: 'deliver', from: ['dispatched'], to: 'delivered', by: ['system'] },
  // A delivery that ends in the dead-letter queue, or a department's 4xx answer to the push.
  { action: 'fail', from: ['dispatched'], to: 'failed', by: ['system'] },
  // A department may answer before the adapter has recorded the delivery (it evidently has the task), or after the
  // adapter gave up on a push that reached it but whose answer came too late (a timeout): refusing it then would
  // leave the department holding a task the hub believes undelivered, and a resumed push is a duplicate to it.
  { action: 'acknowledge', from: ['dispatched', 'delivered', 'failed'], to: 'acknowledged', by: ['department'] },
  { action: 'complete', from: ['acknowledged', 'in-progress'], to: 'completed', by: ['department'] },
  {
    action: 'reject',
    from: ['dispatched', 'delivered', 'acknowledged', 'in-progress'],
    to: 'rejected',
    by: ['department'],
  },
  // No route cancels: the hub does, when a prerequisite was rejected or cancelled (services/cases/dependencies.ts).
  { action: 'cancel', from: openStatuses, to: 'cancelled', by: ['system'] },
  // The department cannot go on without more information: the task waits on the institution's staff...
  {
    action: 'request-information',
    from: ['dispatched', 'delivered', 'acknowledged', 'in-progress'],
    to: 'information-needed',
    by: ['department'],
  },
  // A waiting task released without the facts its request needs: it waits on staff before it goes out.
  { action: 'hold', from: ['requested'], to: 'information-needed', by: ['system'] },
  // ...who supply or correct it; the task goes back to the department's queue, not opened anew.
  { action: 'supply-information', from: ['information-needed'], to: 'dispatched', by: ['staff'] },
  // A failed delivery is resumed (redriven) by staff or the redrive tool; it goes back to the queue.
  { action: 'resume', from: ['failed'], to: 'dispatched', by: ['staff', 'system'] },
];

export type TransitionCheck =
  | { ok: true; to: TaskStatus }
  | { ok: false; reason: 'not-allowed' | 'wrong-actor'; message: string };

/** Pure: may `actor` perform `action` on a task in status `from`? */
export function checkTransition(from: TaskStatus, action: Action, actor: Actor): TransitionCheck {
  const t = transitions.find((x) => x.action === action);
  if (!t) return { ok: false, reason: 'not-allowed', message: `unknown action ${action}` };
  if (!t.by.includes(actor))
    return { ok: false, reason: 'wrong-actor', message: `${action} is not for ${actor === 'staff' ? 'staff' : `a ${actor}`}` };
  if (!t.from.includes(from))
    return { ok: false, reason: 'not-allowed', message: `cannot ${action} a task that is ${from}: ${instead(from, action, actor)}` };
  return { ok: true, to: t.to };
}

const who = (a: Actor) => (a === 'system' ? 'the hub' : a === 'staff' ? 'staff' : `a ${a}`);

/** What to do instead of a refused action, from the table: so a 409 says "acknowledge first", not only "no". */
function instead(from: TaskStatus, action: Action, actor: Actor): string {
  if (isTerminal(from)) return `the task is closed (${from}); nothing more can be done on it`;
  const next = transitions.filter((t) => t.from.includes(from) && t.by.includes(actor));
  // One step the same actor can take makes the action possible: name that step.
  const wanted = transitions.find((t) => t.action === action)!;
  const first = next.find((t) => wanted.from.includes(t.to));
  if (first) return `${first.action} first`;
  if (next.length) return `${who(actor)} may now ${next.map((t) => t.action).join(', ')}`;
  const others = new Set(transitions.filter((t) => t.from.includes(from)).flatMap((t) => t.by));
  return `it waits on ${[...others].map(who).join(' or ')}, not on ${who(actor)}`;
}

export const isTerminal = (s: TaskStatus) => terminalStatuses.includes(s);
