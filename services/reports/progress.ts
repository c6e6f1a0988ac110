// The progress report: a pure function of the items a city's walk reads (services/state/city.ts), so it is
// tested on its own against a hand-built fixture (test/reports/progress-report.test.ts). The state at the period's end
// is read back from each item's own dates and history: a report for a past period does not move when later
// activity lands (docs/decisions/0018-supervision-reports.md says what each figure counts).
import type { InstitutionSection, ProgressReport, TaskSection } from '../../contracts/api/reports.ts';
import type { TaskStatus } from '../../contracts/api/views.ts';
import { chinaDate } from '../calendar/china-time.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { figure, median, percentile } from './figures.ts';
import { periodBounds, periodEnd, periodStart } from './period.ts';
import { transferSection } from './transfer-figures.ts';
import { institutionDuties } from './institution-figures.ts';
import { statusAt, type CityItems, type ReportChild, type ReportTask, type ReportTransfer } from './items.ts';

/** When the task was last moved to `to` within [from, to]; undefined when it was not. */
function movedTo(t: ReportTask, status: TaskStatus, from: number, to: number): string | undefined {
  return t.history.filter((h) => h.to === status && Date.parse(h.at) >= from && Date.parse(h.at) <= to).at(-1)?.at;
}

/** When it closed (completed, rejected, cancelled) for good, if it did by `at`. */
function closedAt(t: ReportTask, at: number): number | undefined {
  const s = statusAt(t, at);
  if (!s || !isTerminal(s)) return undefined;
  return Date.parse(t.history.filter((h) => Date.parse(h.at) <= at).at(-1)!.at);
}

const ms = (iso: string) => Date.parse(iso);

function taskSection(type: string, department: string, tasks: ReportTask[], start: number, end: number): TaskSection {
  const completedIn = tasks.flatMap((t) => {
    const at = movedTo(t, 'completed', start, end);
    return at ? [{ t, days: workingDaysBetween(chinaDate(new Date(t.createdAt)), chinaDate(new Date(at))) }] : [];
  });
  const days = completedIn.map((c) => c.days);
  const isOpenAtEnd = (t: ReportTask) => {
    const s = statusAt(t, end);
    return s !== undefined && !isTerminal(s);
  };
  const deadline = (t: ReportTask) => Date.parse(t.deadline);
  return {
    type,
    department,
    opened: figure(tasks.filter((t) => ms(t.createdAt) >= start && ms(t.createdAt) <= end).map((t) => t.taskId)),
    completed: figure(completedIn.map((c) => c.t.taskId)),
    rejected: figure(tasks.filter((t) => movedTo(t, 'rejected', start, end)).map((t) => t.taskId)),
    failed: figure(tasks.filter((t) => movedTo(t, 'failed', start, end)).map((t) => t.taskId)),
    cancelled: figure(tasks.filter((t) => movedTo(t, 'cancelled', start, end)).map((t) => t.taskId)),
    open: figure(tasks.filter(isOpenAtEnd).map((t) => t.taskId)),
    medianWorkingDays: median(days),
    p90WorkingDays: percentile(days, 90),
    overdueNow: figure(tasks.filter((t) => isOpenAtEnd(t) && deadline(t) < end).map((t) => t.taskId)),
    // Open at some instant of the period after its deadline: from max(deadline, opening, period start) to
    // min(closing, period end) is not empty.
    overdueInPeriod: figure(
      tasks
        .filter((t) => Math.max(deadline(t), ms(t.createdAt), start) < Math.min(closedAt(t, end) ?? Infinity, end))
        .map((t) => t.taskId),
    ),
  };
}

/** Where and when the child was first admitted: the sending side of its first transfer, if it was received. */
export function admissionOf(child: ReportChild, transfers: ReportTransfer[]): { at: string; on: string } {
  const first = transfers.filter((t) => t.children.some((x) => x.childId === child.childId && x.state === 'received'))
    .sort((a, b) => a.children.find((x) => x.childId === child.childId)!.receivedOn!.localeCompare(b.children.find((x) => x.childId === child.childId)!.receivedOn!))[0];
  return { at: first?.fromInstitutionId ?? child.institutionId, on: child.firstAdmittedOn ?? child.admittedOn };
}

/** Where a child was in care on a date: the receiving side once received, the sending side before; none before admission. */
export function institutionOn(child: ReportChild, date: string, transfers: ReportTransfer[]): string | undefined {
  const admission = admissionOf(child, transfers);
  if (admission.on > date || (child.leftCare && child.leftCare.on <= date)) return undefined;
  let at = admission.at;
  const receipts = transfers
    .flatMap((t) => t.children.filter((x) => x.childId === child.childId && x.state === 'received' && x.receivedOn! <= date).map((x) => ({ to: t.toInstitutionId, on: x.receivedOn! })))
    .sort((a, b) => a.on.localeCompare(b.on));
  if (receipts.length) at = receipts.at(-1)!.to;
  return at;
}

export function progressReport(cityCode: string, period: string, items: CityItems, asOf: Date): ProgressReport {
  const bounds = periodBounds(period);
  const start = periodStart(bounds);
  const end = Math.min(periodEnd(bounds), asOf.getTime());
  const endDate = chinaDate(new Date(end));
  const institutions: InstitutionSection[] = items.institutions.map((inst) => {
    const inCare = items.children.filter((c) => institutionOn(c, endDate, items.transfers) === inst.institutionId);
    const moves = items.transfers.flatMap((t) => t.children.map((c) => ({ t, c })));
    return {
      institutionId: inst.institutionId,
      name: inst.name,
      inCare: figure(inCare.map((c) => c.childId)),
      admissions: figure(
        items.children
          .filter((c) => {
            const a = admissionOf(c, items.transfers);
            return a.at === inst.institutionId && a.on >= bounds.from && a.on <= endDate;
          })
          .map((c) => c.childId),
      ),
      transfersIn: figure(moves.filter(({ t, c }) => t.toInstitutionId === inst.institutionId && c.receivedOn && c.receivedOn >= bounds.from && c.receivedOn <= endDate).map(({ c }) => c.childId)),
      transfersOut: figure(moves.filter(({ t, c }) => t.fromInstitutionId === inst.institutionId && c.sentOn && c.sentOn >= bounds.from && c.sentOn <= endDate).map(({ c }) => c.childId)),
      comingOfAge: figure(
        items.children
          .filter((c) => c.institutionId === inst.institutionId && c.leftCare && c.leftCare.on >= bounds.from && c.leftCare.on <= endDate)
          .map((c) => c.childId),
      ),
      ...institutionDuties(items.tasks.filter((t) => t.subjectId === inst.institutionId), end, endDate),
    };
  });
  const groups = new Map<string, ReportTask[]>();
  for (const t of items.tasks) {
    if (Date.parse(t.createdAt) > end) continue;
    const key = `${t.type}\u0000${t.department}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const tasks = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
      const [type, department] = key.split('\u0000') as [string, string];
      return taskSection(type, department, list, start, end);
    });
  return {
    cityCode,
    period: bounds.period,
    from: bounds.from,
    to: bounds.to,
    asOf: asOf.toISOString(),
    institutions,
    transfers: transferSection(items.transfers, bounds.from, endDate),
    tasks,
  };
}
