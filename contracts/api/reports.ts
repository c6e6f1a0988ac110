// The semi-annual progress report a city's civil-affairs bureau sends the region (the policy's last paragraph: by the
// end of May and of November), computed from live state (docs/decisions/0018-supervision-reports.md). Every count is a
// Figure: the count and the ids of exactly the children or tasks counted, so a reader who doubts a number opens the
// items behind it.
import * as z from 'zod/mini';
import { DepartmentCode, DivisionCode, InstitutionId, IsoDate, IsoDateTime, TaskId } from '../common.ts';
import { RecordedBy } from './views.ts';

/** `2026-H1`: 1 December 2025 to 31 May 2026 (due 31 May); `2026-H2`: 1 June to 30 November 2026 (due 30 November). */
export const Period = z
  .string().check(z.regex(/^20\d\d-H[12]$/, 'a period: <year>-H1 (December to May) or <year>-H2 (June to November)'), z.describe('The reporting period: <year>-H1 ends 31 May, <year>-H2 ends 30 November'));
export type Period = z.infer<typeof Period>;

export const Figure = z
  .object({
    count: z.int().check(z.gte(0)),
    ids: z.array(z.string()).check(z.describe('The children (CH…) or tasks (….T…) counted; always `count` of them')),
  }).check(z.describe('A count and its evidence'));
export type Figure = z.infer<typeof Figure>;

export const Days = z.nullable(z.number().check(z.gte(0))).check(z.describe('Working days; null when nothing was completed'));

export const InstitutionSection = z.object({
  institutionId: InstitutionId,
  name: z.string(),
  inCare: Figure.check(z.describe('Children in its care at the period\'s end (or now, for the current period)')),
  admissions: Figure.check(z.describe('Children admitted during the period')),
  transfersIn: Figure.check(z.describe('Children received from a county centre during the period')),
  transfersOut: Figure.check(z.describe('Children sent to the city institution during the period')),
  comingOfAge: Figure.check(z.describe('Children placed on coming of age during the period (孤儿成年后安置): they left its care')),
  rehabCertification: z.object({
    status: z.enum(['none', 'pending', 'certified', 'not-certified', 'expired']),
    validUntil: z.optional(IsoDate),
    taskId: z.optional(TaskId).check(z.describe('The certification task the status comes from')),
  }),
  fireInspection: z.object({
    inspectedOn: z.optional(IsoDate).check(z.describe('The latest completed inspection; absent when none')),
    taskId: z.optional(TaskId),
    openHazards: z.int().check(z.gte(0), z.describe('Hazards it found whose remediation deadline has not been confirmed by a later inspection')),
    majorHazards: z.int().check(z.gte(0)),
    remediationDeadline: z.optional(IsoDate),
  }),
});
export type InstitutionSection = z.infer<typeof InstitutionSection>;

export const TransferSection = z.object({
  received: Figure.check(z.describe('Children received during the period (移交完成)')),
  pending: Figure.check(z.describe('Children in an open transfer at the period\'s end')),
  notSent: Figure.check(z.describe('应移送未移送: in an open transfer, not sent by the county centre')),
  sentNotReceived: Figure.check(z.describe('应接收未接收: sent, not received by the city institution')),
  entrustedVisitsDue: Figure.check(z.describe('Children in entrusted care with a visit due')),
  entrustedVisitsMissed: Figure.check(z.describe('Children in entrusted care whose visit is past due')),
});
export type TransferSection = z.infer<typeof TransferSection>;

export const TaskSection = z.object({
  type: z.string(),
  department: DepartmentCode,
  opened: Figure.check(z.describe('Opened during the period')),
  completed: Figure.check(z.describe('Completed during the period')),
  rejected: Figure,
  failed: Figure,
  cancelled: Figure,
  open: Figure.check(z.describe('Open at the period\'s end')),
  medianWorkingDays: Days.check(z.describe('Median working days from opening to completion, of those completed in the period')),
  p90WorkingDays: Days.check(z.describe('90th percentile (nearest rank) of the same')),
  overdueNow: Figure.check(z.describe('Open and past the deadline at the period\'s end')),
  overdueInPeriod: Figure.check(z.describe('Past the deadline at any time in the period while open (overdue then completed included)')),
});
export type TaskSection = z.infer<typeof TaskSection>;

export const ProgressReport = z.object({
  cityCode: DivisionCode.check(z.describe('The city, or 450000 for the whole region')),
  period: Period,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDateTime.check(z.describe('When the figures were computed; the period\'s end is min(to, asOf)')),
  institutions: z.array(InstitutionSection),
  transfers: TransferSection,
  tasks: z.array(TaskSection),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const ReportQuery = z.strictObject({
  city: DivisionCode.check(z.describe('A city code, or 450000 (the regional supervisor) for every city')),
  period: Period,
  format: z.optional(z.enum(['json', 'csv', 'xlsx'])).check(z.describe('json (default), csv or xlsx')),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const SubmitReportRequest = z.strictObject({ city: DivisionCode, period: Period });

export const SubmittedReport = z.extend(RecordedBy, {
  submittedAt: IsoDateTime,
  report: ProgressReport.check(z.describe('Exactly as submitted; later activity does not change it')),
});
export type SubmittedReport = z.infer<typeof SubmittedReport>;

export const ProgressReportAnswer = z.object({
  live: ProgressReport.check(z.describe('The figures as the table holds them now')),
  draft: z.optional(z.object({ draftedAt: IsoDateTime, dueOn: IsoDate })).check(z.describe('Drafted seven days before the deadline, for the city\'s supervisor')),
  submitted: z.optional(SubmittedReport).check(z.describe('The version the city\'s supervisor submitted, frozen')),
});
export type ProgressReportAnswer = z.infer<typeof ProgressReportAnswer>;
