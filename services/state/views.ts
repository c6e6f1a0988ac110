// Stored items to API views: keys, revisions and bookkeeping stay inside.
import { DepartmentTaskView, type TaskView } from '../../contracts/api/views.ts';
import type { TaskItem } from './tasks.ts';

const internal = new Set(['pk', 'sk', 'entity', 'rev', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'dispatchedAt', 'heldRemainingMs']);

export function strip<T extends Record<string, unknown>>(item: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k)));
}

export const taskView = (t: TaskItem) => strip(t as unknown as Record<string, unknown>) as unknown as TaskView;

const departmentFields = Object.keys(DepartmentTaskView.shape) as (keyof DepartmentTaskView)[];

/** A department's view of its task: only the fields its contract view lists, from whatever item was read. */
export function departmentView(t: Partial<TaskView>): DepartmentTaskView {
  return Object.fromEntries(departmentFields.flatMap((k) => (t[k] === undefined ? [] : [[k, t[k]]]))) as DepartmentTaskView;
}
