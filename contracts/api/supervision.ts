// What a supervisor watches across a city: the overview of its tasks, the overdue list and the escalations it
// received (docs/decisions/0018-supervision-reports.md). All computed from live state; nothing here is a copy.
import * as z from 'zod/mini';
import { ChildId, DepartmentCode, DivisionCode, EscalationId, InstitutionId, IsoDateTime, Reason, TaskId } from '../common.ts';
import { Person, TaskStatus } from './views.ts';

const Count = z.int().check(z.gte(0));

export const CityOverview = z.object({
  cityCode: DivisionCode,
  asOf: IsoDateTime,
  children: Count.check(z.describe('Children in the care of the city\'s institutions')),
  byDepartment: z.array(z.object({ department: DepartmentCode, open: Count, overdue: Count, total: Count })),
  byType: z.array(z.object({ type: z.string(), department: DepartmentCode, byStatus: z.partialRecord(TaskStatus, Count), overdue: Count })),
  overdue: Count.check(z.describe('Open tasks past their deadline')),
  escalations: z.object({ open: Count, acknowledged: Count }).check(z.describe('Escalations the city\'s supervisor received')),
});
export type CityOverview = z.infer<typeof CityOverview>;

export const OverdueQuery = z.strictObject({
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))).check(z.describe('At most this many tasks (default 50)')),
  nextToken: z.optional(z.string().check(z.maxLength(400))).check(z.describe('The `nextToken` of the previous page')),
});

export const OverdueTask = z.object({
  taskId: TaskId,
  type: z.string(),
  department: DepartmentCode,
  subjectId: z.union([ChildId, InstitutionId]),
  institutionId: InstitutionId,
  status: TaskStatus,
  deadline: IsoDateTime,
  workingDaysLate: Count,
  waitingOn: z
    .enum(['department', 'institution']).check(z.describe('Whose move it is: the department, or the institution while the task waits on an information request')),
  escalated: z.optional(z.enum(['city', 'region'])).check(z.describe('The highest level it was escalated to')),
});
export type OverdueTask = z.infer<typeof OverdueTask>;

export const OverduePage = z.object({
  items: z.array(OverdueTask).check(z.describe('Oldest deadline first')),
  total: Count,
  nextToken: z.optional(z.string()).check(z.describe('Opaque, for this caller and city only; absent on the last page')),
});
export type OverduePage = z.infer<typeof OverduePage>;

export const Escalation = z.object({
  escalationId: EscalationId,
  taskId: TaskId,
  type: z.string(),
  department: DepartmentCode,
  institutionId: InstitutionId,
  cityCode: DivisionCode,
  level: z.enum(['city', 'region']),
  to: z.string().check(z.describe('The supervisor it went to: supervisor:<city> or supervisor:450000')),
  workingDaysLate: Count.check(z.describe('When it was escalated')),
  escalatedAt: IsoDateTime,
  status: z.enum(['open', 'acknowledged']),
  acknowledged: z.optional(z.object({ at: IsoDateTime, by: z.string(), person: z.optional(Person), note: z.string() })),
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalationsQuery = z.strictObject({ status: z.optional(z.enum(['open', 'acknowledged'])) });
export const EscalationList = z.object({ items: z.array(Escalation).check(z.describe('Newest first')) });
export type EscalationList = z.infer<typeof EscalationList>;
export const AcknowledgeEscalationRequest = z.strictObject({ note: Reason.check(z.describe('What the supervisor did about it')) });
