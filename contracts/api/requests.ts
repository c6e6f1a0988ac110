// Bodies the HTTP API accepts. Strict: an unknown field is an error that names the field.
import * as z from 'zod';
import { Reason } from '../common.ts';
import { ChildFacts } from '../case.ts';
import { TaskStatus } from './views.ts';

// A child cannot be admitted before it is born; ISO dates compare as strings.
export const AdmissionRequest = z.strictObject(ChildFacts.shape).refine((f) => f.birthDate <= f.admittedOn, {
  message: 'the birth date cannot be after the admission date',
  path: ['birthDate'],
});
export type AdmissionRequest = z.infer<typeof AdmissionRequest>;

export const OpenTaskRequest = z.strictObject({
  type: z.string().min(1),
  input: z.record(z.string(), z.unknown()).optional(),
});

/** An institution duty (rehab-point certification, fire-safety inspection), optionally recurring. */
export const OpenInstitutionTaskRequest = OpenTaskRequest.extend({
  recurEveryMonths: z.int().min(1).max(24).optional().describe('Open the same task again every N months'),
});

export const AcknowledgeRequest = z.strictObject({ note: z.string().max(1000).optional() });
export const CompleteRequest = z.strictObject({ result: z.record(z.string(), z.unknown()) });
export const RejectRequest = z.strictObject({ reason: Reason });

export const InboxQuery = z.strictObject({
  status: TaskStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  nextToken: z.string().max(2048).optional(),
});

export const MissingItem = z.strictObject({
  field: z.string().min(1).max(100).describe('The fact or input field that is missing or wrong, e.g. idNumber'),
  message: z.string().min(1).max(500).describe('What the department needs, in words staff understand'),
});

/** A department cannot go on without more information (信息待补充). */
export const RequestInformationRequest = z.strictObject({
  missing: z.array(MissingItem).min(1).max(20),
});

/** Staff supply or correct what the department asked for; the task goes back to the department. */
export const SupplyInformationRequest = z
  .strictObject({
    facts: z.strictObject(ChildFacts.omit({ institutionId: true }).partial().shape).optional(),
    input: z.record(z.string(), z.unknown()).optional(),
    note: Reason,
  })
  .refine((b) => b.facts !== undefined || b.input !== undefined, {
    message: 'supply facts, input, or both',
    path: ['facts'],
  });
