// What a child's page shows of its clocks and of its coming of age (GET /v1/children/{childId}): the dates that follow
// from its birth date and what each opens (decision 14), and the coming-of-age placement (二(六)) step by step.
import * as z from 'zod/mini';
import { CapabilityAssessment, PlacementCategory, PlacementPlace } from '../coming-of-age.ts';
import { IsoDate, IsoDateTime, TaskId } from '../common.ts';
import { clockEventNames } from '../task-roles.ts';
import { RecordedBy } from './recorded-by.ts';

export const ClockEventView = z.object({
  rule: z.string().check(z.describe('The task type the clock opens, or the workflow (coming-of-age) whose first step it opens')),
  opens: z.enum(['task', 'workflow']),
  event: z.enum(clockEventNames).check(z.describe('school-age (1 September of the year the child turns 6), age-16, age-18')),
  eventOn: IsoDate.check(z.describe('When the clock strikes')),
  opensOn: IsoDate.check(z.describe('From when the daily clock sweep opens what it calls for (its lead before the event)')),
  closesOn: z.optional(IsoDate).check(z.describe('After this day it is no longer opened (a child admitted later is the admission’s)')),
  policy: z.string(),
  state: z
    .enum(['upcoming', 'due', 'opened', 'covered']).check(z.describe('upcoming; due (the next sweep opens it); opened; covered (a task of the type was already under way)')),
  openedOn: z.optional(IsoDate),
  taskId: z.optional(TaskId).check(z.describe('The task the clock opened')),
});
export type ClockEventView = z.infer<typeof ClockEventView>;

export const comingOfAgeSteps = ['opened', 'assessed', 'discharged'] as const;

export const ComingOfAgeView = z.object({
  status: z
    .enum(['assessment-due', 'placing', 'discharged']).check(z.describe('assessment-due (staff record the capability assessment); placing (the plan’s tasks are under way); discharged')),
  openedOn: IsoDate.check(z.describe('When the clock opened it, six months before the 18th birthday')),
  comesOfAgeOn: IsoDate.check(z.describe('The 18th birthday: no discharge before it')),
  assessment: z.optional(CapabilityAssessment),
  plan: z.optional(z.object({ taskIds: z.array(TaskId).check(z.describe('The tasks the placement rules opened from the assessment')) })),
  dischargedOn: z.optional(IsoDate),
  history: z.array(
    z.extend(RecordedBy, { at: IsoDateTime, step: z.enum(comingOfAgeSteps), note: z.optional(z.string()) }),
  ),
});
export type ComingOfAgeView = z.infer<typeof ComingOfAgeView>;

/** On the child once discharged: where the young person was placed. */
export const LeftCare = z.object({
  on: IsoDate,
  reason: z.literal('coming-of-age').check(z.describe('Placed on coming of age (孤儿成年后安置, 二(六))')),
  category: PlacementCategory,
  place: PlacementPlace,
});
export type LeftCare = z.infer<typeof LeftCare>;
