// What the progress report reads of each item: the few fields it counts by, so the fixture of its test is small and
// the stored items (services/state/) satisfy these as they are. Pure.
import type { HistoryEntry, TaskStatus } from '../../contracts/api/views.ts';
import type { TransferView } from '../../contracts/api/transfers.ts';
import type { Institution } from '../../contracts/case.ts';

/** What the report reads of a child. */
export interface ReportChild {
  childId: string;
  institutionId: string;
  admittedOn: string;
  /** Set once the child was received by transfer: `admittedOn` is then the receipt's date. */
  firstAdmittedOn?: string;
  birthDate: string;
  /** Set once the child left care (placed on coming of age). */
  leftCare?: { on: string };
}

/** What the report reads of a task (a child's or an institution's). */
export interface ReportTask {
  taskId: string;
  type: string;
  department: string;
  subjectId: string;
  institutionId: string;
  createdAt: string;
  deadline: string;
  status: TaskStatus;
  result?: unknown;
  history: Pick<HistoryEntry, 'at' | 'to'>[];
}

export type ReportTransfer = Pick<TransferView, 'transferId' | 'fromInstitutionId' | 'toInstitutionId' | 'children' | 'entrustedCare'>;

export interface CityItems {
  institutions: Institution[];
  children: ReportChild[];
  tasks: ReportTask[];
  transfers: ReportTransfer[];
}

/** The task's status at an instant: the last history entry at or before it (none: not yet opened). */
export function statusAt(t: ReportTask, at: number): TaskStatus | undefined {
  let status: TaskStatus | undefined;
  for (const h of t.history) if (Date.parse(h.at) <= at) status = h.to;
  return status;
}

