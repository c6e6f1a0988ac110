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
import { CHINA_OFFSET, chinaDate } from './china-time.ts';
import { dayNumber, dayString, weekday } from './days.ts';
import { defaultCalendar, type Calendar } from './holidays.ts';
import { clock } from '../lib/clock.ts';

/** The time of day a deadline falls due: the end of the due day (Civil Code art. 203). */
export const DEADLINE_TIME = '23:59:59';

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
export function isPastDeadline(deadline: string, now: Date = clock.now()): boolean {
  const ms = Date.parse(deadline);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${JSON.stringify(deadline)}`);
  return now.getTime() > ms;
}

