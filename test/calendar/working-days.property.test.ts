// Properties of the working-day calendar over generated dates: adding n working days and counting back gives n, the
// day reached is a working day, and every day skipped on the way is not one. Dates are drawn from every year the
// package covers (with their holidays and make-up days) and a year beyond it, with extra weight on year ends and
// the Spring Festival and National Day weeks, in the package's calendar, weekends only, and one with overrides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from '../../services/calendar/days.ts';
import { buildCalendar, defaultCalendar, packageYearRange, weekendsOnlyCalendar } from '../../services/calendar/holidays.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../services/calendar/working-days.ts';

const [first, last] = packageYearRange()!;
const anyDay = fc.integer({ min: dayNumber(`${first}-01-01`), max: dayNumber(`${last + 1}-12-31`) }).map(dayString);
/** Days near a year end, the Spring Festival (late January to February) and National Day (October's first week). */
const busyDay = fc
  .tuple(fc.integer({ min: first, max: last + 1 }), fc.constantFrom('12-20', '01-20', '02-01', '09-25'), fc.integer({ min: 0, max: 20 }))
  .map(([year, from, offset]) => dayString(dayNumber(`${year}-${from}`) + offset));
const start = fc.oneof(anyDay, busyDay);
const count = fc.integer({ min: 1, max: 60 });

const withOverrides = buildCalendar({
  overrides: { years: [last + 1], holidays: [`${last + 1}-10-01`, `${last + 1}-10-02`, `${last + 1}-12-31`], workdays: [`${last + 1}-09-26`] },
});
const calendars = [
  ['the package calendar', defaultCalendar],
  ['weekends only', weekendsOnlyCalendar],
  ['the package calendar with overrides', withOverrides],
] as const;

describe.each(calendars)('working days in %s', (_name, calendar) => {
  it('adding n working days then counting back gives n', () => {
    fc.assert(
      fc.property(start, count, (day, n) => {
        expect(workingDaysBetween(day, addWorkingDays(day, n, calendar), calendar)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('lands on a working day after skipping only days off', () => {
    fc.assert(
      fc.property(start, count, (day, n) => {
        // The start day never counts: the first working day is the first one strictly after it.
        const before = n === 1 ? dayNumber(day) : dayNumber(addWorkingDays(day, n - 1, calendar));
        const reached = dayNumber(addWorkingDays(day, n, calendar));
        expect(isWorkingDay(dayString(reached), calendar)).toBe(true);
        expect(reached).toBeGreaterThan(before);
        for (let d = before + 1; d < reached; d++) expect(isWorkingDay(dayString(d), calendar)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
