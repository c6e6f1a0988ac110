// An institution's children with a summary of their tasks (GET /v1/institutions/{institutionId}/children): what
// staff search and filter. Read from the institution index and each child's own partition, never a Scan.
import * as z from 'zod';
import { DepartmentCode } from '../common.ts';
import { Child } from '../case.ts';
import { TaskStatus, TaskView } from './views.ts';

export const ChildrenQuery = z.strictObject({
  q: z.string().trim().min(1).max(50).optional().describe('Part of the child\'s name, or the child id'),
  status: TaskStatus.optional().describe('Only children with a task in this status'),
  department: DepartmentCode.max(64).optional().describe('Only children with a task of this department'),
  overdue: z.enum(['true']).optional().describe('Only children with an open task past its deadline'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('At most this many children (default 20)'),
  nextToken: z.string().max(200).optional().describe('The `nextToken` of the previous page'),
});
export type ChildrenQuery = z.infer<typeof ChildrenQuery>;

export const ChildTaskSummary = TaskView.pick({
  taskId: true,
  type: true,
  department: true,
  status: true,
  deadline: true,
  overdue: true,
  updatedAt: true,
});

export const ChildSummary = Child.pick({ childId: true, name: true, gender: true, birthDate: true, admittedOn: true }).extend({
  tasks: z.array(ChildTaskSummary),
});
export type ChildSummary = z.infer<typeof ChildSummary>;

export const ChildrenPage = z.object({
  items: z.array(ChildSummary).describe('Newest admission first; a task filter matches when one task meets all of it'),
  nextToken: z.string().optional().describe('Absent when every child has been looked at'),
  examined: z.int().describe('Children looked at for this page, matching or not'),
});
export type ChildrenPage = z.infer<typeof ChildrenPage>;
