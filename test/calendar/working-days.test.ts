import { beforeAll, describe, expect, it } from 'vitest';
import shippedOverrides from '../../data/holidays/overrides.json' with { type: 'json' };
import { IsoDateTime } from '../../contracts/common.ts';
import { chinaDate } from '../../services/calendar/china-time.ts';
import {
  buildCalendar,
  coverage,
  defaultCalendar,
  packageYearRange,
  parseOverrides,
  weekendsOnlyCalendar,
} from '../../services/calendar/holidays.ts';
import { addWorkingDays, deadlineFor, isPastDeadline, isWorkingDay, workingDaysBetween } from '../../services/calendar/working-days.ts';

function* days(from: string, to: string) {
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    yield d.toISOString().slice(0, 10);
  }
}

/** Runs `fn` with the process time zone set to `tz` (Node re-reads TZ when it changes). */
function inTimeZone<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/**
 * The package's own answer. Its functions mix UTC parsing with local-time getters, and it builds its tables at import
 * with the machine's time zone, so west of UTC it answers for the wrong day (docs/decisions/0002-holiday-calendar.md).
 * It is therefore imported and asked in China's time zone.
 */
let packageIsWorkday: (date: Date) => boolean;
beforeAll(async () => {
  const saved = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  try {
    packageIsWorkday = (await import('chinese-days')).isWorkday;
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

function packageSays(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return inTimeZone('Asia/Shanghai', () => packageIsWorkday(new Date(y, m - 1, d)));
}

describe('package coverage', () => {
  it('covers 2004 to at least 2026', () => {
    const [first, last] = packageYearRange()!;
    expect(first).toBe(2004);
    expect(last).toBeGreaterThanOrEqual(2026);
    expect(coverage(2025)).toEqual({ year: 2025, official: true, source: 'package' });
    expect(coverage(2026).official).toBe(true);
  });

  it('agrees with the package, day by day, over 2024 to 2026', () => {
    const disagreements = [...days('2024-01-01', '2026-12-31')].filter((d) => isWorkingDay(d) !== packageSays(d));
    expect(disagreements).toEqual([]);
  });
});

describe('2025 National Day + Mid-Autumn (Oct 1–8), make-up days Sun Sep 28 and Sat Oct 11', () => {
  it('knows which days are working days', () => {
    expect(isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up working day
    expect(isWorkingDay('2025-09-30')).toBe(true);
    for (const d of days('2025-10-01', '2025-10-08')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2025-10-12')).toBe(false); // Sunday
  });

  it('counts a task opened on the Friday before the holiday', () => {
    // Opening day does not count; Sun 28, Mon 29, Tue 30, (holiday), Thu Oct 9, Fri Oct 10, Sat Oct 11.
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    expect(addWorkingDays('2025-09-26', 6)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
  });

  it('counts a task opened during the holiday from the first working day after it', () => {
    expect(addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-03', 3)).toBe('2025-10-11');
  });

  it('treats n = 0 as "today if a working day, else the next one"', () => {
    expect(addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
  });

  it('counts working days between two dates, excluding the first', () => {
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-09-30', '2025-09-30')).toBe(0);
    expect(workingDaysBetween('2025-10-12', '2025-09-26')).toBe(-6);
    for (let n = 1; n <= 30; n++) expect(workingDaysBetween('2025-09-26', addWorkingDays('2025-09-26', n))).toBe(n);
  });
});

describe('2026 Spring Festival (Feb 15–23), make-up days Sat Feb 14 and Sat Feb 28', () => {
  it('knows which days are working days', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    for (const d of days('2026-02-15', '2026-02-23')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-03-01')).toBe(false);
  });

  it('computes deadlines across it', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(deadlineFor(new Date('2026-02-13T02:00:00Z'), 5)).toBe('2026-02-27T23:59:59+08:00');
  });
});

describe('overrides', () => {
  it('an override holiday and an override workday win over the package', () => {
    const cal = buildCalendar({ overrides: { holidays: ['2025-10-09'], workdays: ['2025-10-08'] } });
    expect(isWorkingDay('2025-10-09', cal)).toBe(false);
    expect(isWorkingDay('2025-10-08', cal)).toBe(true);
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-08');
    expect(addWorkingDays('2025-09-30', 2, cal)).toBe('2025-10-10');
    // the default calendar is unchanged
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('can carry a year the package does not have', () => {
    const cal = buildCalendar({
      overrides: { years: [2099], holidays: ['2099-10-01', { date: '2099-10-02', name: '国庆节' }], workdays: ['2099-09-26'] },
    });
    expect(coverage(2099, cal)).toEqual({ year: 2099, official: true, source: 'overrides' });
    expect(isWorkingDay('2099-09-26', cal)).toBe(true); // a Saturday
    expect(isWorkingDay('2099-10-01', cal)).toBe(false); // a Thursday
    expect(addWorkingDays('2099-09-30', 1, cal)).toBe('2099-10-05');
  });

  it('refuses a malformed file with a clear message', () => {
    expect(() => parseOverrides({ holidays: ['2025-02-30'] })).toThrow(/not a date/);
    expect(() => parseOverrides({ holiday: [] })).toThrow(/unknown key "holiday"/);
    expect(() => parseOverrides({ holidays: ['2025-10-09'], workdays: ['2025-10-09'] })).toThrow(/both/);
    expect(() => parseOverrides({ years: ['2027'] })).toThrow(/not a year/);
  });

  it('the shipped overrides file is valid, and the default calendar follows it', () => {
    const { years, holidays, workdays } = parseOverrides(shippedOverrides);
    for (const year of years) expect(coverage(year).official, String(year)).toBe(true);
    for (const day of holidays) expect(isWorkingDay(day), day).toBe(false);
    for (const day of workdays) expect(isWorkingDay(day), day).toBe(true);
  });
});

describe('years without an official schedule', () => {
  it('fall back to weekends only and say so', () => {
    const c = coverage(2099);
    expect(c.official).toBe(false);
    expect(c.source).toBe('weekends-only');
    expect(c.warning).toMatch(/2099/);
    expect(isWorkingDay('2099-10-01')).toBe(true); // a Thursday: no holiday known
    expect(isWorkingDay('2099-10-03')).toBe(false); // a Saturday
  });

  it('the weekends-only calendar ignores every public holiday', () => {
    expect(coverage(2025, weekendsOnlyCalendar).official).toBe(false);
    expect(isWorkingDay('2025-10-01', weekendsOnlyCalendar)).toBe(true);
    expect(isWorkingDay('2025-09-28', weekendsOnlyCalendar)).toBe(false);
    expect(addWorkingDays('2025-09-26', 5, weekendsOnlyCalendar)).toBe('2025-10-03');
  });
});

describe('time zones', () => {
  it('takes the opening day in China (UTC+8), whatever the machine time zone', () => {
    const opened = new Date('2025-09-30T17:00:00Z'); // 2025-10-01 01:00 in China
    expect(chinaDate(opened)).toBe('2025-10-01');
    expect(deadlineFor(opened, 1)).toBe('2025-10-09T23:59:59+08:00');
    expect(deadlineFor(opened, 3)).toBe('2025-10-11T23:59:59+08:00');
    // Just before midnight in China it is still the previous day.
    expect(chinaDate(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });

  it('a UTC date would give a different answer here; the China date is used', () => {
    // Tue 2025-09-30 01:00 in China, still Mon 09-29 in UTC: 1 working day is Oct 9, not Sep 30.
    expect(deadlineFor(new Date('2025-09-29T17:00:00Z'), 1)).toBe('2025-10-09T23:59:59+08:00');
    // Sun 2025-09-28 00:30 in China (a make-up working day, which is the opening day and does not count).
    expect(deadlineFor(new Date('2025-09-27T16:30:00Z'), 1)).toBe('2025-09-29T23:59:59+08:00');
  });

  it('is the same under another process time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      inTimeZone(tz, () => {
        if (tz === 'America/Los_Angeles') expect(new Date('2025-09-30T17:00:00Z').getDate()).toBe(30); // TZ took effect
        expect(deadlineFor(new Date('2025-09-30T17:00:00Z'), 1)).toBe('2025-10-09T23:59:59+08:00');
        expect(deadlineFor(new Date('2025-09-27T16:30:00Z'), 1)).toBe('2025-09-29T23:59:59+08:00');
        expect(isWorkingDay('2025-09-28')).toBe(true);
        expect(isWorkingDay('2025-10-01')).toBe(false);
      });
    }
  });

  it('produces deadlines the contracts accept, and compares them by instant', () => {
    const deadline = deadlineFor(new Date('2025-09-26T03:00:00Z'), 5);
    expect(deadline).toBe('2025-10-10T23:59:59+08:00');
    expect(IsoDateTime.safeParse(deadline).success).toBe(true);
    expect(isPastDeadline(deadline, new Date('2025-10-10T15:59:58Z'))).toBe(false);
    expect(isPastDeadline(deadline, new Date('2025-10-10T16:00:00Z'))).toBe(true);
  });
});

describe('input checks', () => {
  it('refuses malformed dates and counts', () => {
    expect(() => isWorkingDay('2025-9-1')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => addWorkingDays('2025-09-26', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-09-26', 1.5)).toThrow(RangeError);
    expect(() => deadlineFor(new Date('nonsense'), 1)).toThrow(RangeError);
  });

  it('uses the default calendar when none is given', () => {
    expect(isWorkingDay('2025-10-01', defaultCalendar)).toBe(isWorkingDay('2025-10-01'));
  });
});
