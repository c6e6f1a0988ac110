// Transfers (移交): a county minor-protection centre hands long-term-guardianship children to the city
// institution (policy 三(一)). Bodies the API accepts and the view it returns.
import * as z from 'zod';
import { ChildId, InstitutionId, IsoDate, IsoDateTime, Reason, ShortText, TaskId } from '../common.ts';
import { HukouAddress, isSubstantiveReason } from '../public-security/fields.ts';
import { Person, TaskStatus } from './views.ts';

export const HukouDecision = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('migrate'),
    /** Defaults to the hukou address the hub holds for the child. */
    fromHukouAddress: HukouAddress.optional(),
  }),
  z.strictObject({
    decision: z.literal('exempt'),
    // Migration would harm the child's legal rights (三(一)): the reason is recorded, not a task opened.
    reason: Reason.refine(isSubstantiveReason, 'give the reason migration would harm the child’s legal rights'),
  }),
]);

export const ChecklistItems = ['guardianship', 'archive', 'property'] as const;
export const Checklist = z.strictObject({
  guardianship: z.boolean().describe('Guardianship transferred (监护权移交)'),
  archive: z.boolean().describe('Case archive handed over (档案移交)'),
  property: z.boolean().describe('Property and belongings handed over (财产移交)'),
});

export const TransferRequest = z.strictObject({
  fromInstitutionId: InstitutionId,
  toInstitutionId: InstitutionId,
  children: z
    .array(z.strictObject({ childId: ChildId, hukou: HukouDecision }))
    .min(1)
    .max(30)
    .refine((cs) => new Set(cs.map((c) => c.childId)).size === cs.length, 'a child is listed twice'),
  /** Until the city can receive: an entrusted-care agreement (委托代养协议) with periodic visits. */
  entrustedCare: z
    .strictObject({
      agreementNumber: ShortText,
      signedOn: IsoDate,
      visitEveryDays: z.int().min(7).max(180),
    })
    .optional(),
});
export type TransferRequest = z.infer<typeof TransferRequest>;

export const HandOverRequest = z.strictObject({
  /** Which children; default all not yet handed over in this step. */
  childIds: z.array(ChildId).min(1).optional(),
  on: IsoDate,
  checklist: Checklist,
  note: Reason.optional(),
});

export const VisitRequest = z.strictObject({ childId: ChildId, visitedOn: IsoDate, note: Reason });

export const TransferChildState = z.enum(['pending', 'sent', 'received']);

export const TransferChild = z.object({
  childId: ChildId,
  /** The child's name, so that the receiving institution knows whom it receives (absent on transfers opened before). */
  name: z.string().optional(),
  state: TransferChildState,
  hukou: z.object({ decision: z.enum(['migrate', 'exempt']), reason: z.string().optional(), taskId: TaskId.optional() }),
  schoolRecordTaskId: TaskId.optional(),
  sentOn: IsoDate.optional(),
  receivedOn: IsoDate.optional(),
  checklist: z.object({ sent: Checklist.optional(), received: Checklist.optional() }),
});

export const TransferView = z.object({
  transferId: z.string(),
  fromInstitutionId: InstitutionId,
  toInstitutionId: InstitutionId,
  cityCode: z.string(),
  status: z.enum(['open', 'completed']),
  children: z.array(TransferChild),
  entrustedCare: z
    .object({
      agreementNumber: z.string(),
      signedOn: IsoDate,
      visitEveryDays: z.number(),
      visits: z.array(z.object({ childId: ChildId, visitedOn: IsoDate, by: z.string(), person: Person.optional(), note: z.string() })),
    })
    .optional(),
  /** Both sides see what is outstanding (应移送未移送、应接收未接收). */
  outstanding: z.object({
    notSent: z.array(ChildId),
    sentNotReceived: z.array(ChildId),
    visitsDue: z.array(z.object({ childId: ChildId, dueOn: IsoDate, overdue: z.boolean() })),
  }),
  history: z.array(z.object({ at: IsoDateTime, by: z.string(), person: Person.optional(), what: z.string() })),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TransferView = z.infer<typeof TransferView>;

/** A task a transfer step opened, by reference. */
export const TaskRef = z.object({ taskId: TaskId, type: z.string(), status: TaskStatus });

/** POST /v1/transfers: the transfer and the tasks it opened. */
export const TransferCreated = TransferView.extend({ tasks: z.array(TaskRef).describe('Tasks the transfer opened') });
/** POST /v1/transfers/{transferId}/receive: the transfer and the admission tasks receipt opened. */
export const TransferReceived = TransferView.extend({ opened: z.array(TaskRef).describe('Admission tasks opened at the city institution') });
/** GET /v1/institutions/{institutionId}/transfers. */
export const InstitutionTransfers = z.object({
  incoming: z.array(TransferView),
  outgoing: z.array(TransferView),
  summary: z.object({
    notSent: z.int().describe('Children to be sent and not sent yet (应移送未移送)'),
    sentNotReceived: z.int().describe('Children sent and not received yet (应接收未接收)'),
    visitsOverdue: z.int().describe('Entrusted-care visits overdue'),
  }),
});
