// The transfer section of the progress report (移交, 三(一)): each child's state at the period's end read back from
// its sent and received dates, and entrusted care's visits from the visits recorded by then. Pure.
import type { TransferSection } from '../../contracts/api/reports.ts';
import type { ReportTransfer } from './items.ts';
import { figure } from './figures.ts';

/** The day a visit falls due: `every` days after the last visit on or before `on` (or after signing). */
function visitDue(care: NonNullable<ReportTransfer['entrustedCare']>, childId: string, on: string): string {
  const last = care.visits.filter((v) => v.childId === childId && v.visitedOn <= on).map((v) => v.visitedOn).sort().at(-1);
  const d = new Date(`${last ?? care.signedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + care.visitEveryDays);
  return d.toISOString().slice(0, 10);
}

export function transferSection(transfers: ReportTransfer[], from: string, endDate: string): TransferSection {
  const rows = transfers.flatMap((t) => t.children.map((c) => ({ t, c })));
  const receivedBy = (c: ReportTransfer['children'][number]) => c.receivedOn !== undefined && c.receivedOn <= endDate;
  const sentBy = (c: ReportTransfer['children'][number]) => c.sentOn !== undefined && c.sentOn <= endDate;
  const open = rows.filter(({ c }) => !receivedBy(c));
  const entrusted = open.filter(({ t }) => t.entrustedCare && t.entrustedCare.signedOn <= endDate);
  return {
    received: figure(rows.filter(({ c }) => receivedBy(c) && c.receivedOn! >= from).map(({ c }) => c.childId)),
    pending: figure(open.map(({ c }) => c.childId)),
    notSent: figure(open.filter(({ c }) => !sentBy(c)).map(({ c }) => c.childId)),
    sentNotReceived: figure(open.filter(({ c }) => sentBy(c)).map(({ c }) => c.childId)),
    entrustedVisitsDue: figure(entrusted.map(({ c }) => c.childId)),
    entrustedVisitsMissed: figure(entrusted.filter(({ t, c }) => visitDue(t.entrustedCare!, c.childId, endDate) < endDate).map(({ c }) => c.childId)),
  };
}
