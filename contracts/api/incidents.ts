// The incident view (GET /v1/incidents): tasks whose delivery failed, the department's refusal and those parked in
// its dead-letter queue alike (both leave the task `failed` with the reason), for staff and supervisors to resume.
import * as z from 'zod/mini';
import { DepartmentCode, DivisionCode, InstitutionId, IsoDateTime } from '../common.ts';
import { TaskView } from './views.ts';

export const IncidentsQuery = z.strictObject({
  institutionId: z.optional(InstitutionId).check(z.describe('Only this institution\'s tasks (staff: their own, the default)')),
  cityCode: z.optional(DivisionCode).check(z.describe('A supervisor: only this city\'s tasks (default: the supervisor\'s city, the region\'s every city)')),
  department: z.optional(DepartmentCode.check(z.maxLength(64))).check(z.describe('Only this department\'s tasks')),
});
export type IncidentsQuery = z.infer<typeof IncidentsQuery>;

export const Incident = z.extend(z.pick(TaskView, {
  taskId: true,
  type: true,
  department: true,
  subjectId: true,
  institutionId: true,
  cityCode: true,
  deadline: true,
  overdue: true,
}), {
  reason: z.string().check(z.describe('Why the delivery failed, as the hub recorded it')),
  failedAt: IsoDateTime.check(z.describe('When the task was recorded failed')),
  parked: z.boolean().check(z.describe('Every attempt failed and the message sits in the dead-letter queue; false: the department refused it')),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentsPage = z.object({
  items: z.array(Incident).check(z.describe('Latest failure first')),
  truncated: z.boolean().check(z.describe('More failed tasks than one answer holds (the oldest left out): resume some, then read again')),
});
export type IncidentsPage = z.infer<typeof IncidentsPage>;
