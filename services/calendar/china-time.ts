// China time: China keeps UTC+08:00 all year (no daylight saving since 1991), so an instant's China date is its UTC
// date after adding eight hours, whatever the machine's time zone. Pure.

/** China Standard Time: UTC+08:00, no daylight saving. */
export const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China date (YYYY-MM-DD) of an instant, whatever the machine's time zone. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as China time, in the same shape as deadlines (…+08:00), so the two compare as strings. */
export function chinaIso(instant: Date): string {
  return `${new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}${CHINA_OFFSET}`;
}
