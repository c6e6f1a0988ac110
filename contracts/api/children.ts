// An institution's children with a summary of their tasks (GET /v1/institutions/{institutionId}/children): what
// staff search and filter. Read from the institution index and each child's own partition, never a Scan.
import * as z from 'zod/mini';
import { DepartmentCode } from '../common.ts';
import { Child } from '../case.ts';
import { TaskStatus, TaskView } from './views.ts';

export const ChildrenQuery = z.strictObject({
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))).check(z.describe('Part of the child\'s name, or the child id')),
  status: z.optional(TaskStatus).check(z.describe('Only children with a task in this status')),
  department: z.optional(DepartmentCode.check(z.maxLength(64))).check(z.describe('Only children with a task of this department')),
  overdue: z.optional(z.enum(['true'])).check(z.describe('Only children with an open task past its deadline')),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))).check(z.describe('At most this many children (default 20)')),
  nextToken: z.optional(z.string().check(z.maxLength(200))).check(z.describe('The `nextToken` of the previous page')),
});
export type ChildrenQuery = z.infer<typeof ChildrenQuery>;

export const ChildTaskSummary = z.pick(TaskView, {
  taskId: true,
  type: true,
  department: true,
  status: true,
  deadline: true,
  overdue: true,
  updatedAt: true,
});

export const ChildSummary = z.extend(z.pick(Child, { childId: true, name: true, gender: true, birthDate: true, admittedOn: true }), {
  tasks: z.array(ChildTaskSummary),
});
export type ChildSummary = z.infer<typeof ChildSummary>;

export const ChildrenPage = z.object({
  items: z.array(ChildSummary).check(z.describe('Newest admission first; a task filter matches when one task meets all of it')),
  nextToken: z.optional(z.string()).check(z.describe('Absent when every child has been looked at')),
  examined: z.int().check(z.describe('Children looked at for this page, matching or not')),
});
export type ChildrenPage = z.infer<typeof ChildrenPage>;
