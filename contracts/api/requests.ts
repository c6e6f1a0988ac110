// Bodies the HTTP API accepts. Strict: an unknown field is an error that names the field.
import * as z from 'zod/mini';
import { Reason } from '../common.ts';
import { ChildFacts } from '../case.ts';
import { TaskStatus } from './views.ts';

// A child cannot be admitted before it is born; ISO dates compare as strings.
export const AdmissionRequest = z.strictObject(ChildFacts.shape).check(z.refine((f) => f.birthDate <= f.admittedOn, {
  message: 'the birth date cannot be after the admission date',
  path: ['birthDate'],
}));
export type AdmissionRequest = z.infer<typeof AdmissionRequest>;

export const OpenTaskRequest = z.strictObject({
  type: z.string().check(z.minLength(1)),
  input: z.optional(z.record(z.string(), z.unknown())),
});

/** An institution duty (rehab-point certification, fire-safety inspection), optionally recurring. */
export const OpenInstitutionTaskRequest = z.extend(OpenTaskRequest, {
  recurEveryMonths: z.optional(z.int().check(z.gte(1), z.lte(24))).check(z.describe('Open the same task again every N months')),
});

export const AcknowledgeRequest = z.strictObject({ note: z.optional(z.string().check(z.maxLength(1000))) });
export const CompleteRequest = z.strictObject({ result: z.record(z.string(), z.unknown()) });
export const RejectRequest = z.strictObject({ reason: Reason });

export const InboxQuery = z.strictObject({
  status: z.optional(TaskStatus),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  nextToken: z.optional(z.string().check(z.maxLength(2048))),
});

export const MissingItem = z.strictObject({
  field: z.string().check(z.minLength(1), z.maxLength(100), z.describe('The fact or input field that is missing or wrong, e.g. idNumber')),
  message: z.string().check(z.minLength(1), z.maxLength(500), z.describe('What the department needs, in words staff understand')),
});

/** A department cannot go on without more information (信息待补充). */
export const RequestInformationRequest = z.strictObject({
  missing: z.array(MissingItem).check(z.minLength(1), z.maxLength(20)),
});

/** Staff supply or correct what the department asked for; the task goes back to the department. */
export const SupplyInformationRequest = z
  .strictObject({
    facts: z.optional(z.strictObject(z.partial(z.omit(ChildFacts, { institutionId: true })).shape)),
    input: z.optional(z.record(z.string(), z.unknown())),
    note: Reason,
  }).check(z.refine((b) => b.facts !== undefined || b.input !== undefined, {
    message: 'supply facts, input, or both',
    path: ['facts'],
  }));
