// Transfers (移交): a county minor-protection centre hands long-term-guardianship children to the city
// institution (policy 三(一)). Bodies the API accepts and the view it returns.
import * as z from 'zod/mini';
import { ChildId, InstitutionId, IsoDate, IsoDateTime, Reason, ShortText, TaskId } from '../common.ts';
import { HukouAddress, isSubstantiveReason } from '../public-security/fields.ts';
import { Person, TaskStatus } from './views.ts';

export const HukouDecision = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('migrate'),
    /** Defaults to the hukou address the hub holds for the child. */
    fromHukouAddress: z.optional(HukouAddress),
  }),
  z.strictObject({
    decision: z.literal('exempt'),
    // Migration would harm the child's legal rights (三(一)): the reason is recorded, not a task opened.
    reason: Reason.check(z.refine(isSubstantiveReason, 'give the reason migration would harm the child’s legal rights')),
  }),
]);

export const ChecklistItems = ['guardianship', 'archive', 'property'] as const;
export const Checklist = z.strictObject({
  guardianship: z.boolean().check(z.describe('Guardianship transferred (监护权移交)')),
  archive: z.boolean().check(z.describe('Case archive handed over (档案移交)')),
  property: z.boolean().check(z.describe('Property and belongings handed over (财产移交)')),
});

export const TransferRequest = z.strictObject({
  fromInstitutionId: InstitutionId,
  toInstitutionId: InstitutionId,
  children: z
    .array(z.strictObject({ childId: ChildId, hukou: HukouDecision })).check(z.minLength(1), z.maxLength(30), z.refine((cs) => new Set(cs.map((c) => c.childId)).size === cs.length, 'a child is listed twice')),
  /** Until the city can receive: an entrusted-care agreement (委托代养协议) with periodic visits. */
  entrustedCare: z.optional(z.strictObject({
      agreementNumber: ShortText,
      signedOn: IsoDate,
      visitEveryDays: z.int().check(z.gte(7), z.lte(180)),
    })),
});
export type TransferRequest = z.infer<typeof TransferRequest>;

export const HandOverRequest = z.strictObject({
  /** Which children; default all not yet handed over in this step. */
  childIds: z.optional(z.array(ChildId).check(z.minLength(1))),
  on: IsoDate,
  checklist: Checklist,
  note: z.optional(Reason),
});

export const VisitRequest = z.strictObject({ childId: ChildId, visitedOn: IsoDate, note: Reason });

export const TransferChildState = z.enum(['pending', 'sent', 'received']);

export const TransferChild = z.object({
  childId: ChildId,
  /** The child's name, so that the receiving institution knows whom it receives (absent on transfers opened before). */
  name: z.optional(z.string()),
  state: TransferChildState,
  hukou: z.object({ decision: z.enum(['migrate', 'exempt']), reason: z.optional(z.string()), taskId: z.optional(TaskId) }),
  schoolRecordTaskId: z.optional(TaskId),
  sentOn: z.optional(IsoDate),
  receivedOn: z.optional(IsoDate),
  checklist: z.object({ sent: z.optional(Checklist), received: z.optional(Checklist) }),
});

export const TransferView = z.object({
  transferId: z.string(),
  fromInstitutionId: InstitutionId,
  toInstitutionId: InstitutionId,
  cityCode: z.string(),
  status: z.enum(['open', 'completed']),
  children: z.array(TransferChild),
  entrustedCare: z.optional(z.object({
      agreementNumber: z.string(),
      signedOn: IsoDate,
      visitEveryDays: z.number(),
      visits: z.array(z.object({ childId: ChildId, visitedOn: IsoDate, by: z.string(), person: z.optional(Person), note: z.string() })),
    })),
  /** Both sides see what is outstanding (应移送未移送、应接收未接收). */
  outstanding: z.object({
    notSent: z.array(ChildId),
    sentNotReceived: z.array(ChildId),
    visitsDue: z.array(z.object({ childId: ChildId, dueOn: IsoDate, overdue: z.boolean() })),
  }),
  history: z.array(z.object({ at: IsoDateTime, by: z.string(), person: z.optional(Person), what: z.string() })),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TransferView = z.infer<typeof TransferView>;

/** A task a transfer step opened, by reference. */
export const TaskRef = z.object({ taskId: TaskId, type: z.string(), status: TaskStatus });

/** POST /v1/transfers: the transfer and the tasks it opened. */
export const TransferCreated = z.extend(TransferView, { tasks: z.array(TaskRef).check(z.describe('Tasks the transfer opened')) });
/** POST /v1/transfers/{transferId}/receive: the transfer and the admission tasks receipt opened. */
export const TransferReceived = z.extend(TransferView, { opened: z.array(TaskRef).check(z.describe('Admission tasks opened at the city institution')) });
/** GET /v1/institutions/{institutionId}/transfers. */
export const InstitutionTransfers = z.object({
  incoming: z.array(TransferView),
  outgoing: z.array(TransferView),
  summary: z.object({
    notSent: z.int().check(z.describe('Children to be sent and not sent yet (应移送未移送)')),
    sentNotReceived: z.int().check(z.describe('Children sent and not received yet (应接收未接收)')),
    visitsOverdue: z.int().check(z.describe('Entrusted-care visits overdue')),
  }),
});
