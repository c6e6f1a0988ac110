// The public-holiday schedule: the chinese-days package's, plus the operator's overrides
// (data/holidays/overrides.json), and which years it covers (docs/decisions/0002-holiday-calendar.md).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import overridesFile from '../../data/holidays/overrides.json' with { type: 'json' };
import * as z from 'zod/mini';

/** The schedule as the chinese-days package ships it (dist/chinese-days.json): date → "English,中文,n". */
export interface PackageHolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const NOT_A_DATE = 'not a date YYYY-MM-DD';
const NOT_A_YEAR = { error: 'not a year' };
/** An override entry: a date, or a date with a note (for example the notice it comes from). */
const Day = z.iso.date({ error: NOT_A_DATE });
const OverrideEntry = z.union([Day, z.object({ date: Day, name: z.optional(z.string()) })], { error: NOT_A_DATE });

/** The operator file data/holidays/overrides.json. */
const HolidayOverrides = z.strictObject(
  {
    $comment: z.optional(z.string()),
    /** Where the entries come from (for example the State Council notice). Informational. */
    source: z.optional(z.string()),
    /** Years whose complete official schedule the file carries (the package does not have them yet). */
    years: z.optional(z.array(z.int(NOT_A_YEAR).check(z.gte(1970, NOT_A_YEAR), z.lte(9999, NOT_A_YEAR)), { error: 'must be an array' })),
    /** Days off. Win over the package. */
    holidays: z.optional(z.array(OverrideEntry, { error: 'must be an array' })),
    /** Working days (typically weekend make-up days). Win over the package. */
    workdays: z.optional(z.array(OverrideEntry, { error: 'must be an array' })),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown key ${iss.keys.map((k) => JSON.stringify(k)).join(', ')} (expected years, holidays, workdays)`
        : iss.code === 'invalid_type'
          ? 'expected a JSON object'
          : undefined,
  },
);
export type HolidayOverrides = z.input<typeof HolidayOverrides>;

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

const dateOf = (entry: z.infer<typeof OverrideEntry>) => (typeof entry === 'string' ? entry : entry.date);

/**
 * Checks an overrides object (the file's content) and returns its dates. Throws with a clear message on an unknown
 * key, a malformed date or year, or a day listed both as a holiday and as a working day.
 */
export function parseOverrides(
  raw: unknown,
  source = 'data/holidays/overrides.json',
): { years: number[]; holidays: string[]; workdays: string[] } {
  const parsed = HolidayOverrides.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const at = issue!.path.length ? `${issue!.path.map(String).join('.')}: ` : '';
    throw new Error(`${source}: ${at}${issue!.message}`);
  }
  const holidays = (parsed.data.holidays ?? []).map(dateOf);
  const workdays = (parsed.data.workdays ?? []).map(dateOf);
  const off = new Set(holidays);
  const both = workdays.filter((d) => off.has(d));
  if (both.length) throw new Error(`${source}: ${both.join(', ')} listed both as holiday and as workday`);
  return { years: parsed.data.years ?? [], holidays, workdays };
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

