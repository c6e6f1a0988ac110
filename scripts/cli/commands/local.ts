// Commands about this machine's hub, not a call to it: who the local principals are, and the holiday override
// file (data/holidays/README.md) the calendar is built from. Plus `me`, who a token stands for.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '@commander-js/extra-typings';
import type { HolidayOverrides } from '../../../services/calendar/holidays.ts';
import { credentialsPath, readLocalCredentials, UsageError } from '../client.ts';
import { context, readJsonFile, type GlobalOptions } from '../context.ts';
import { printer, type CommandIo } from '../output.ts';

/** The calendar (with the holiday package's data) loads only for the holiday commands. */
const calendar = () => import('../../../services/calendar/holidays.ts');

export const OVERRIDES_FILE = fileURLToPath(new URL('../../../data/holidays/overrides.json', import.meta.url));

function rootOpts(cmd: Command<any, any, any>): GlobalOptions {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root.opts() as GlobalOptions;
}

type Entry = NonNullable<HolidayOverrides['holidays']>[number];
const dateOf = (e: Entry) => (typeof e === 'string' ? e : e.date);

/** The override file with `year`'s entries replaced by `schedule`'s, and the year declared complete. */
export async function mergeYear(file: HolidayOverrides, year: number, schedule: Record<string, unknown>): Promise<HolidayOverrides> {
  const { parseOverrides } = await calendar();
  const where = `the schedule for ${year}`;
  const { holidays, workdays } = parseOverrides({ holidays: schedule.holidays, workdays: schedule.workdays }, where);
  const outside = [...holidays, ...workdays].filter((d) => !d.startsWith(`${year}-`));
  if (outside.length) throw new UsageError(`${where}: ${outside.join(', ')} not in ${year}`);
  if (!holidays.length) throw new UsageError(`${where}: no holidays listed`);
  const weekday = workdays.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
  if (weekday.length) throw new UsageError(`${where}: ${weekday.join(', ')} listed as make-up working days but not a Saturday or Sunday`);
  const other = (list: Entry[] | undefined) => (list ?? []).filter((e) => !dateOf(e).startsWith(`${year}-`));
  const merged: HolidayOverrides = {
    ...file,
    ...(typeof schedule.source === 'string' ? { source: schedule.source } : {}),
    years: [...new Set([...(file.years ?? []), year])].sort(),
    holidays: [...other(file.holidays), ...holidays].sort((a, b) => dateOf(a).localeCompare(dateOf(b))),
    workdays: [...other(file.workdays), ...workdays].sort((a, b) => dateOf(a).localeCompare(dateOf(b))),
  };
  parseOverrides(merged, 'the merged override file');
  return merged;
}

export function localCommands(program: Command<any, any, any>, io: CommandIo): void {
  program
    .command('me')
    .description('who the token stands for')
    .action(async (_opts, cmd) => {
      const { api, out } = context(cmd, io);
      const me = await api.call<Record<string, unknown>>('GET', '/v1/me');
      out.result(me, () => out.table(['字段', '值'], Object.entries(me).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])));
    });

  program
    .command('principals')
    .description('the local principals and people (--as takes either) and their tokens (the file npm start wrote)')
    .option('--kind <kind>', 'staff | department | supervisor')
    .action(async (opts, cmd) => {
      const out = printer(io, Boolean(rootOpts(cmd).json));
      const { tokens, names } = readLocalCredentials(credentialsPath(rootOpts(cmd), io.env));
      const rows = Object.entries(tokens).filter(([p]) => !opts.kind || p.startsWith(`${opts.kind}:`));
      out.result(
        rows.map(([principal, token]) => ({ principal, ...(names[principal] ? { name: names[principal] } : {}), token })),
        () => out.table(['主体（--as）', '姓名', '令牌'], rows.map(([p, t]) => [p, names[p], t])),
      );
    });

  const holidays = program.command('holidays').description('the holiday calendar: which years it covers, and adding a year to the override file');
  holidays
    .command('show')
    .description('which years have an official schedule (package or override file)')
    .option('--file <overrides.json>', 'the override file', OVERRIDES_FILE)
    .action(async (opts, cmd) => {
      const out = printer(io, Boolean(rootOpts(cmd).json));
      const { buildCalendar, coverage, packageYearRange } = await calendar();
      const cal = buildCalendar({ overrides: readJsonFile(opts.file, 'holidays') as HolidayOverrides });
      const [first, last] = packageYearRange(cal) ?? [new Date().getUTCFullYear(), new Date().getUTCFullYear()];
      const years = Array.from({ length: last + 2 - first + 1 }, (_, i) => coverage(first + i, cal));
      out.result(years, () => out.table(['年份', '官方安排', '来源'], years.map((c) => [c.year, c.official ? '是' : '否（仅按周末）', c.source])));
    });
  holidays
    .command('set')
    .description("add or correct a year's official schedule in the override file, checked first")
    .argument('<year>')
    .argument('<schedule.json>', '{ "source": "国办发明电…", "holidays": [...], "workdays": [...] }')
    .option('--file <overrides.json>', 'the override file', OVERRIDES_FILE)
    .action(async (yearArg, schedulePath, opts, cmd) => {
      const out = printer(io, Boolean(rootOpts(cmd).json));
      const year = Number(yearArg);
      if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new UsageError(`year '${yearArg}' is not a year`);
      const file = JSON.parse(readFileSync(opts.file, 'utf8')) as HolidayOverrides;
      let merged: HolidayOverrides;
      try {
        merged = await mergeYear(file, year, readJsonFile(schedulePath, 'holidays set'));
      } catch (err) {
        throw err instanceof UsageError ? err : new UsageError((err as Error).message);
      }
      const tmp = `${opts.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(merged, null, 2)}\n`);
      renameSync(tmp, opts.file);
      const { buildCalendar, coverage } = await calendar();
      const c = coverage(year, buildCalendar({ overrides: merged }));
      out.result({ year, file: opts.file, source: c.source }, () =>
        out.line(`${year}: ${merged.holidays?.filter((e) => dateOf(e).startsWith(`${year}-`)).length} holidays, ${merged.workdays?.filter((e) => dateOf(e).startsWith(`${year}-`)).length} make-up working days written to ${opts.file}`),
      );
    });
}
