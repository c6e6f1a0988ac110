// What the hub's read APIs return. The stored items extend these; no hand-written duplicates.
import * as z from 'zod/mini';
import { ChildId, DepartmentCode, InstitutionId, IsoDateTime, TaskId } from '../common.ts';
import { Child } from '../case.ts';
import { ClockEventView, ComingOfAgeView, LeftCare } from './clocks.ts';
import { Person, RecordedBy } from './recorded-by.ts';
import { taskStatuses } from './task-statuses.ts';

export { Person, RecordedBy, taskStatuses };

export const TaskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const HistoryEntry = z.object({
  at: IsoDateTime,
  from: z.nullable(TaskStatus),
  to: TaskStatus,
  /** The organisation acted for, a principal: staff:<institutionId>, department:<code>[@<city>], system:<component>. */
  by: z.string(),
  /** The person who acted for it; absent when a machine did (the hub, a department's system). */
  person: z.optional(Person),
  reason: z.optional(z.string()),
  /** The chain link: SHA-256 over the previous entry's link and this entry (docs/security.md, tamper-evident history). */
  h: z.optional(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const TaskView = z.object({
  taskId: TaskId,
  type: z.string(),
  contractVersion: z.number().check(z.int()),
  department: DepartmentCode,
  subjectId: z.union([ChildId, InstitutionId]),
  institutionId: InstitutionId,
  cityCode: z.string(),
  /**
   * The division the task belongs to: the city of the child's institution, or for a task about where a child was
   * found, that county. A city bureau acts on the tasks whose jurisdiction lies in its city. Absent on older tasks
   * (their city, then).
   */
  jurisdiction: z.optional(z.string()),
  status: TaskStatus,
  /** Why the task is in its status: a rejection reason, a delivery failure. */
  statusReason: z.optional(z.string()),
  deadline: IsoDateTime,
  overdue: z.boolean(),
  /** What the task was opened with (kept to rebuild the request after a correction). */
  input: z.optional(z.record(z.string(), z.unknown())),
  /** Input fields read from the child's facts when the task goes out (input field → fact). */
  inputFacts: z.optional(z.record(z.string(), z.string())),
  request: z.unknown(),
  /** Bumped when staff correct the request; the department sees a new delivery (a new idempotency key). */
  requestVersion: z.optional(z.number().check(z.int())),
  result: z.optional(z.unknown()),
  /** Tasks that must complete before this one is dispatched. */
  waitingFor: z.optional(z.array(TaskId)),
  /** While information-needed: what the department asked for. */
  missing: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  /** While information-needed: since when the task waits on the institution's staff. */
  heldSince: z.optional(IsoDateTime),
  /** Time the task has spent waiting on the institution's staff, in total (not counted against the department). */
  heldSeconds: z.optional(z.number()),
  history: z.array(HistoryEntry),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TaskView = z.infer<typeof TaskView>;

export const ChildView = z.object({
  child: z.extend(Child, {
    cityCode: z.string(),
    createdAt: IsoDateTime,
    admittedBy: z.optional(RecordedBy),
    leftCare: z.optional(LeftCare),
    firstAdmittedOn: z.optional(z.iso.date()).check(z.describe('The first admission, when a transfer\'s receipt made admittedOn its own date')),
  }),
  tasks: z.array(TaskView),
  clocks: z.array(ClockEventView).check(z.describe('What the child’s clocks open and when (school age, 16, 18): upcoming, due, opened')),
  comingOfAge: z.optional(ComingOfAgeView).check(z.describe('The coming-of-age placement, once the age-18 clock opened it')),
});
export type ChildView = z.infer<typeof ChildView>;

/**
 * What a department sees of its task, in every answer it gets (its inbox, acknowledge, complete, reject,
 * request-information): what the push carries (id, type and version, subject, department, deadline, request)
 * and the state its own calls produce (status, the result it returned, what it asked for). Never the history
 * (staff principals and notes), the staff's input, another party's reason or the institution's bookkeeping.
 * Answers are built from this list in code (services/state/views.ts), whatever an index projects.
 */
export const DepartmentTaskView = z.pick(TaskView, {
  taskId: true,
  type: true,
  contractVersion: true,
  department: true,
  subjectId: true,
  status: true,
  deadline: true,
  overdue: true,
  request: true,
  requestVersion: true,
  result: true,
  missing: true,
  updatedAt: true,
});
export type DepartmentTaskView = z.infer<typeof DepartmentTaskView>;

export const InboxPage = z.object({
  items: z.array(DepartmentTaskView),
  nextToken: z.optional(z.string()).check(z.describe('Opaque; valid only for the same department and status filter. Absent on the last page.')),
});
export type InboxPage = z.infer<typeof InboxPage>;
