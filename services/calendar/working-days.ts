// Working days on the Chinese public-holiday calendar, with the make-up working days (调休上班).
// Task deadlines are counted in working days (topology: `deadlineWorkingDays`); see
// docs/decisions/0002-holiday-calendar.md for the source of the schedule and how an operator adds a year.
//
// Conventions (all functions are pure and independent of the machine's time zone):
//  - A day is a China date, `YYYY-MM-DD`. China keeps UTC+08:00 all year (no daylight saving since 1991), so an
//    instant's China date is its UTC date after adding eight hours.
//  - A day is a working day when it is listed as a working day (override, then package), else not when it is listed
//    as a holiday (override, then package), else when it is Monday to Friday.
//  - Counting follows Civil Code art. 201 (开始的当日不计入): the day a task is opened does not count, whether or
//    not it is a working day. The deadline of n working days is the n-th working day strictly after the opening day,
//    and the task is due by the end of that day (art. 203: the last day ends at 24:00). So a task opened on Friday
//    2025-09-26 with 5 working days is due on 2025-10-10 (Sun 09-28 make-up day, Mon 09-29, Tue 09-30, then the
//    Oct 1–8 holiday, Thu 10-09, Fri 10-10); one opened during the holiday, on 2025-10-03, with 1 working day is due
//    on 2025-10-09.
//  - For a year the package does not cover and no override declares, only weekends are days off; `coverage(year)`
//    says so.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import overridesFile from '../../data/holidays/overrides.json' with { type: 'json' };

/** The schedule as the chinese-days package ships it (dist/chinese-days.json): date → "English,中文,n". */
export interface PackageHolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** An override entry: a date, or a date with a note (for example the notice it comes from). */
export type OverrideEntry = string | { date: string; name?: string };

/** The operator file data/holidays/overrides.json. */
export interface HolidayOverrides {
  $comment?: string;
  /** Where the entries come from (for example the State Council notice). Informational. */
  source?: string;
  /** Years whose complete official schedule the file carries (the package does not have them yet). */
  years?: number[];
  /** Days off. Win over the package. */
  holidays?: OverrideEntry[];
  /** Working days (typically weekend make-up days). Win over the package. */
  workdays?: OverrideEntry[];
}

export interface Calendar {
  /** Days off beyond ordinary weekends (a listed weekend day is harmless). */
  readonly holidays: ReadonlySet<string>;
  /** Working days, including weekend make-up days. Wins over `holidays` (the two are disjoint when built here). */
  readonly workdays: ReadonlySet<string>;
  /** Years whose official schedule the package carries. */
  readonly packageYears: ReadonlySet<number>;
  /** Years whose official schedule the overrides declare complete. */
  readonly overrideYears: ReadonlySet<number>;
}

export interface Coverage {
  year: number;
  /** Whether the year's official holiday schedule is known. */
  official: boolean;
  /** package: from chinese-days (overrides still apply); overrides: declared by the operator file; weekends-only: neither. */
  source: 'package' | 'overrides' | 'weekends-only';
  /** Set when `official` is false: deadlines in this year ignore public holidays. */
  warning?: string;
}

/** China Standard Time: UTC+08:00, no daylight saving. */
export const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The time of day a deadline falls due: the end of the due day (Civil Code art. 203). */
export const DEADLINE_TIME = '23:59:59';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`; throws RangeError otherwise. */
function dayNumber(date: string): number {
  const m = typeof date === 'string' ? DATE_SHAPE.exec(date) : null;
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms / DAY_MS;
  }
  throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function entryDate(entry: OverrideEntry, where: string): string {
  const date = typeof entry === 'string' ? entry : entry?.date;
  try {
    dayNumber(date);
  } catch {
    throw new Error(`${where}: ${JSON.stringify(entry)} is not a date YYYY-MM-DD`);
  }
  return date;
}

/**
 * Checks an overrides object (the file's content) and returns its dates. Throws with a clear message on an unknown
 * key, a malformed date or a day listed both as a holiday and as a working day.
 */
export function parseOverrides(
  raw: unknown,
  source = 'data/holidays/overrides.json',
): { years: number[]; holidays: string[]; workdays: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${source}: expected a JSON object`);
  const known = new Set(['$comment', 'source', 'years', 'holidays', 'workdays']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new Error(`${source}: unknown key ${JSON.stringify(key)} (expected years, holidays, workdays)`);
  }
  const o = raw as HolidayOverrides;
  const list = <T>(value: T[] | undefined, key: string): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new Error(`${source}: ${key} must be an array`);
    return value;
  };
  const years = list(o.years, 'years');
  for (const y of years) {
    if (!Number.isInteger(y) || y < 1970 || y > 9999) throw new Error(`${source}: years: ${JSON.stringify(y)} is not a year`);
  }
  const holidays = list(o.holidays, 'holidays').map((e) => entryDate(e, `${source}: holidays`));
  const workdays = list(o.workdays, 'workdays').map((e) => entryDate(e, `${source}: workdays`));
  const off = new Set(holidays);
  const both = workdays.filter((d) => off.has(d));
  if (both.length) throw new Error(`${source}: ${both.join(', ')} listed both as holiday and as workday`);
  return { years, holidays, workdays };
}

/**
 * A calendar from the package's schedule plus overrides. `package: null` leaves the package out (weekends plus
 * overrides only). Override entries win: an override holiday removes the day from the package's working days and
 * an override workday removes it from the package's holidays.
 */
export function buildCalendar(options: { package?: PackageHolidayData | null; overrides?: HolidayOverrides } = {}): Calendar {
  const pkg = options.package === undefined ? (chineseDays as PackageHolidayData) : options.package;
  const ov = parseOverrides(options.overrides ?? {}, 'overrides');
  const holidays = new Set(Object.keys(pkg?.holidays ?? {}));
  const workdays = new Set(Object.keys(pkg?.workdays ?? {}));
  const packageYears = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  for (const d of ov.holidays) {
    holidays.add(d);
    workdays.delete(d);
  }
  for (const d of ov.workdays) {
    workdays.add(d);
    holidays.delete(d);
  }
  return { holidays, workdays, packageYears, overrideYears: new Set(ov.years) };
}

/** The package's schedule plus data/holidays/overrides.json. Built at module load: a broken file fails the cold start. */
export const defaultCalendar: Calendar = buildCalendar({ overrides: overridesFile as HolidayOverrides });

/** Weekends only, no public holidays: the fallback, and a baseline for tests. */
export const weekendsOnlyCalendar: Calendar = buildCalendar({ package: null });

/** Whether the official holiday schedule of `year` is known; when not, deadlines that year count weekends only. */
export function coverage(year: number, calendar: Calendar = defaultCalendar): Coverage {
  if (calendar.packageYears.has(year)) return { year, official: true, source: 'package' };
  if (calendar.overrideYears.has(year)) return { year, official: true, source: 'overrides' };
  return {
    year,
    official: false,
    source: 'weekends-only',
    warning:
      `no official holiday schedule for ${year}: working days count Monday to Friday only, plus any override entries. ` +
      'Update the chinese-days package or add the year to data/holidays/overrides.json.',
  };
}

/** The years the calendar's package data covers, as [first, last] (undefined when it has none). */
export function packageYearRange(calendar: Calendar = defaultCalendar): [number, number] | undefined {
  const years = [...calendar.packageYears];
  return years.length ? [Math.min(...years), Math.max(...years)] : undefined;
}

function isWorkingDayNumber(day: number, calendar: Calendar): boolean {
  const date = dayString(day);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

/** Whether `date` (YYYY-MM-DD, a China date) is a working day. */
export function isWorkingDay(date: string, calendar: Calendar = defaultCalendar): boolean {
  return isWorkingDayNumber(dayNumber(date), calendar);
}

/**
 * The n-th working day strictly after `start` (the start day never counts, working day or not). n = 0 means
 * `start` itself when it is a working day, else the next working day. Throws RangeError for a negative or
 * fractional n.
 */
export function addWorkingDays(start: string, n: number, calendar: Calendar = defaultCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let day = dayNumber(start);
  if (n === 0) {
    while (!isWorkingDayNumber(day, calendar)) day++;
    return dayString(day);
  }
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDayNumber(day, calendar)) left--;
  }
  return dayString(day);
}

/**
 * Working days in (a, b]: after a, up to and including b. Negative when b is before a. The inverse of
 * addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n for n ≥ 1.
 */
export function workingDaysBetween(a: string, b: string, calendar: Calendar = defaultCalendar): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorkingDayNumber(day, calendar)) count++;
  return sign * count;
}

/** The China date (YYYY-MM-DD) of an instant, whatever the machine's time zone. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The deadline of a task opened at `openedAt` with `workingDays` working days: the end of the due day in China,
 * as an ISO date-time with offset, e.g. `2025-10-10T23:59:59+08:00`. All deadlines carry the same offset, so they
 * sort correctly as strings; compare one with the current time through `isPastDeadline` (or Date.parse), not as
 * strings against a `…Z` timestamp.
 */
export function deadlineFor(openedAt: Date, workingDays: number, calendar: Calendar = defaultCalendar): string {
  return `${addWorkingDays(chinaDate(openedAt), workingDays, calendar)}T${DEADLINE_TIME}${CHINA_OFFSET}`;
}

/** Whether a deadline (any ISO date-time with offset) has passed at `now`. */
export function isPastDeadline(deadline: string, now: Date = new Date()): boolean {
  const ms = Date.parse(deadline);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${JSON.stringify(deadline)}`);
  return now.getTime() > ms;
}

/** An instant as China time, in the same shape as deadlines (…+08:00), so the two compare as strings. */
export function chinaIso(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}${CHINA_OFFSET}`;
}
