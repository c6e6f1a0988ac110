// Stored items to API views: keys, revisions and bookkeeping stay inside.
import type { TransferView } from '../../contracts/api/transfers.ts';
import { DepartmentTaskView, type ChildView, type TaskView } from '../../contracts/api/views.ts';
import { chinaDate } from '../calendar/china-time.ts';
import type { ChildItem } from './children.ts';
import type { ComingOfAgeView } from '../../contracts/api/clocks.ts';
import type { ComingOfAgeItem } from './coming-of-age.ts';
import type { TaskItem } from './tasks.ts';
import type { TransferItem } from './transfers.ts';
import { clock } from '../lib/clock.ts';

const internal = new Set(['pk', 'sk', 'entity', 'rev', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'dispatchedAt', 'heldRemainingMs', 'escalation', 'lastWrite']);

export function strip(item: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k)));
}

export const taskView = (t: TaskItem) => strip(t) as TaskView;
export const childView = (c: ChildItem) => strip(c) as ChildView['child'];
export const comingOfAgeView = (c: ComingOfAgeItem) => {
  const { childId: _, ...view } = strip(c);
  return view as ComingOfAgeView;
};

const departmentFields = Object.keys(DepartmentTaskView.shape) as (keyof DepartmentTaskView)[];

/** A department's view of its task: only the fields its contract view lists, from whatever item was read. */
export function departmentView(t: Partial<TaskView>): DepartmentTaskView {
  return Object.fromEntries(departmentFields.flatMap((k) => (t[k] === undefined ? [] : [[k, t[k]]]))) as DepartmentTaskView;
}

/** What neither side may leave unseen: children not sent, sent but not received, visits due. */
export function outstanding(t: Omit<TransferView, 'outstanding'>, now = clock.now()): TransferView['outstanding'] {
  const today = chinaDate(now);
  const visitsDue = t.entrustedCare
    ? t.children
        .filter((c) => c.state !== 'received')
        .map((c) => {
          const last = t.entrustedCare!.visits.filter((v) => v.childId === c.childId).map((v) => v.visitedOn).sort().at(-1);
          const from = new Date(`${last ?? t.entrustedCare!.signedOn}T00:00:00Z`);
          from.setUTCDate(from.getUTCDate() + t.entrustedCare!.visitEveryDays);
          const dueOn = from.toISOString().slice(0, 10);
          return { childId: c.childId, dueOn, overdue: dueOn < today };
        })
    : [];
  return {
    notSent: t.children.filter((c) => c.state === 'pending').map((c) => c.childId),
    sentNotReceived: t.children.filter((c) => c.state === 'sent').map((c) => c.childId),
    visitsDue,
  };
}

export function transferView(t: TransferItem, now = clock.now()): TransferView {
  const view = strip(t) as Omit<TransferView, 'outstanding'>;
  return { ...view, outstanding: outstanding(view, now) };
}
