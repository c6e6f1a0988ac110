// Drafting the progress report (the policy's last paragraph): from seven days before a period's deadline, the
// report of every city is marked drafted for its supervisor. A daily duty, run with the overdue sweep; marking is
// idempotent, so every run after the first writes nothing. The figures are not copied: a draft is the live report
// until the supervisor submits it (services/state/reports.ts).
import { clock } from '../lib/clock.ts';
import { chinaDate } from '../calendar/china-time.ts';
import { draftDay, periodBounds, periodOf } from '../reports/period.ts';
import { guangxiCities } from '../seed/institutions.ts';
import { putDraft } from '../state/reports.ts';

/** Marks the current period's report drafted for every city once its draft day has come; returns how many were new. */
export async function draftReports(now = clock.now()): Promise<number> {
  const today = chinaDate(now);
  const bounds = periodBounds(periodOf(today));
  if (today < draftDay(bounds)) return 0;
  const marked = await Promise.all(
    guangxiCities.map((c) => putDraft(c.code, bounds.period, { draftedAt: now.toISOString(), dueOn: bounds.to })),
  );
  return marked.filter(Boolean).length;
}
