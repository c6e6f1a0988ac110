// Reporting periods (the policy's last paragraph: cities report by the end of May and of November). Each period ends
// on its deadline, so every day belongs to exactly one: H1 runs 1 December of the year before to 31 May, H2 1 June to
// 30 November. Pure.
import type { Period } from '../../contracts/api/reports.ts';
import { CHINA_OFFSET } from '../calendar/china-time.ts';

export interface PeriodBounds {
  period: Period;
  from: string;
  to: string;
}

/** How many days before its deadline a period's report is drafted for the city's supervisor. */
export const DRAFT_DAYS_BEFORE = 7;

export function periodBounds(period: Period): PeriodBounds {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H1')
    ? { period, from: `${year - 1}-12-01`, to: `${year}-05-31` }
    : { period, from: `${year}-06-01`, to: `${year}-11-30` };
}

/** The period a China date falls in. */
export function periodOf(date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month === 12) return `${year + 1}-H1`;
  return month <= 5 ? `${year}-H1` : `${year}-H2`;
}

/** The first and last instants of a period, China time, as epoch milliseconds. */
export const periodStart = (b: PeriodBounds) => Date.parse(`${b.from}T00:00:00${CHINA_OFFSET}`);
export const periodEnd = (b: PeriodBounds) => Date.parse(`${b.to}T23:59:59.999${CHINA_OFFSET}`);

/** The day a period's report is drafted: seven days before its deadline. */
export function draftDay(b: PeriodBounds): string {
  const d = new Date(`${b.to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - DRAFT_DAYS_BEFORE);
  return d.toISOString().slice(0, 10);
}
