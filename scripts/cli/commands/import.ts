// `hub import <file>`: an institution's spreadsheet of children into the hub, a page of rows per request at the pace
// the hub names, resumable (the hub keeps how far the file got); `hub import --template <file>` writes the template.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Command } from '@commander-js/extra-typings';
import { IMPORT_PAGE_ROWS, type ImportPageResult, type ImportProgress, type ImportTemplate } from '../../../contracts/api/imports.ts';
import type * as z from 'zod/mini';
import { RefusedError, UsageError, type HubClient } from '../client.ts';
import { context } from '../context.ts';
import type { CommandIo } from '../output.ts';
import { chinaTime } from '../readable.ts';
import type { SheetRow } from '../spreadsheet.ts';

type Summary = Omit<ImportPageResult, 'progress'> & {
  progress?: ImportProgress;
  resumedAfterRow: number;
  throttledPages: number;
  /** Set when the file's import had completed before: the answer is the job's counts, no row was sent. */
  completedBefore?: string;
};

/** The same file for the same institution is the same import: resuming finds it again. */
export async function importIdOf(path: string, institutionId: string): Promise<string> {
  const hash = createHash('sha256').update(`${institutionId}\n`);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64url').slice(0, 32);
}

async function previous(api: HubClient, importId: string): Promise<ImportProgress | undefined> {
  try {
    return await api.call<ImportProgress>('GET', `/v1/imports/${importId}`);
  } catch (err) {
    if (err instanceof RefusedError && err.status === 404) return undefined;
    throw err;
  }
}

async function countRows(path: string): Promise<number> {
  const { readSheet } = await import('../spreadsheet.ts');
  let n = 0;
  for await (const _ of readSheet(path)) n++;
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pages the hub refused as too fast (429) in a row before giving up: its pace is always reachable by waiting. */
const MAX_THROTTLED = 30;

/**
 * A page the gateway gave up on (504) or the hub failed (5xx) is sent again: rows are recognised by their keys, so
 * what the first attempt admitted comes back as `unchanged`, never twice (the import's counts stay exact). A page the
 * hub found too fast (429: nothing taken) is sent again after its `Retry-After`.
 */
async function withRetries<T>(send: () => Promise<T>, onThrottled: () => void, attempts = 5): Promise<T> {
  for (let attempt = 1, throttled = 0; ; ) {
    try {
      return await send();
    } catch (err) {
      if (err instanceof RefusedError && err.status === 429 && ++throttled <= MAX_THROTTLED) {
        onThrottled();
        await sleep((err.retryAfterSeconds ?? 1) * 1000);
        continue;
      }
      if (!(err instanceof RefusedError && err.status >= 500) || attempt === attempts) throw err;
      await sleep(1000 * 2 ** (attempt - 1));
      attempt++;
    }
  }
}

export function importCommand(program: Command<any, any, any>, io: CommandIo): void {
  program
    .command('import')
    .description('import children from an XLSX or CSV file (staff of the institution), or write the template')
    .argument('[file]', 'the spreadsheet (.xlsx or .csv), headers in row 1 as in the template')
    .option('--institution <id>', 'the importing institution (default: the one --as names)')
    .option('--template', 'write the template (with its Chinese headers) to <file> instead')
    .option('--rate <rows-per-second>', 'go slower than the hub asks')
    .option('--recheck', 'send every row again even if this file was imported completely (each comes back unchanged or changed)')
    .action(async (file, opts, cmd) => {
      const { api, out, io: cio } = context(cmd, io);
      if (!file) throw new UsageError('import: name the file (.xlsx or .csv)');
      // exceljs and csv-parse load only for this command.
      const { readSheet, writeSheet } = await import('../spreadsheet.ts');
      if (opts.template) {
        const template = await api.call<z.infer<typeof ImportTemplate>>('GET', '/v1/import-template');
        await writeSheet(file, template.columns.map((c) => c.header), []);
        out.result({ file, columns: template.columns }, () => {
          out.line(`template written to ${file}`);
          out.table(['列', '必填', '格式'], template.columns.map((c) => [c.header, c.required ? '是' : '', c.format]));
        });
        return;
      }
      let root: Command<any, any, any> = cmd;
      while (root.parent) root = root.parent;
      const as = (root.opts() as { as?: string }).as;
      const institutionId = opts.institution ?? (as?.startsWith('staff:') ? as.slice('staff:'.length) : undefined);
      if (!institutionId) throw new UsageError('import: --institution <id> (or --as staff:<id>) names the importing institution');
      const asked = opts.rate === undefined ? Infinity : Number(opts.rate);
      if (!(asked > 0)) throw new UsageError(`--rate '${opts.rate}' must be a positive number of rows per second`);

      const importId = await importIdOf(file, institutionId);
      const before = await previous(api, importId);
      const completedAt = before?.completedAt;
      if (before && completedAt && !opts.recheck) {
        // The same file, imported completely before: its job's counts answer, without sending a row again.
        const done: Summary = { importId, admitted: [], unchanged: [], changed: [], invalid: [], resumedAfterRow: 0, throttledPages: 0, progress: before, completedBefore: completedAt };
        out.result(done, () =>
          out.line(
            `${file}: imported completely at ${chinaTime(completedAt)} (${before.admitted} admitted, ${before.unchanged} already imported, ` +
              `${before.changed} changed, ${before.invalidRows} rows with errors); nothing sent. --recheck sends every row again`,
          ),
        );
        return;
      }
      // An interrupted run goes on after the last row the hub took; with --recheck a completed one starts over.
      const after = before && !before.completedAt ? before.lastRow : 0;
      const summary: Summary = { importId, admitted: [], unchanged: [], changed: [], invalid: [], resumedAfterRow: after, throttledPages: 0 };
      const bar = out.progress(cio.isTty && !out.json ? await countRows(file) : 0, after ? `resuming after row ${after}` : 'importing');
      let rate = before?.rowsPerSecond ?? 20;
      const started = Date.now();
      let sent = 0;
      const send = async (rows: SheetRow[], last: boolean) => {
        // Keep to the pace: `sent` rows may not have gone faster than `rate` a second.
        const due = started + (sent / Math.min(rate, asked)) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        const page = await withRetries(() => api.call<ImportPageResult>('POST', '/v1/imports', { institutionId, importId, rows, ...(last ? { last } : {}) }), () => summary.throttledPages++);
        sent += rows.length;
        rate = page.progress.rowsPerSecond;
        summary.admitted.push(...page.admitted);
        summary.unchanged.push(...page.unchanged);
        summary.changed.push(...page.changed);
        summary.invalid.push(...page.invalid);
        summary.progress = page.progress;
        bar.tick(rows.length);
      };
      // A full page waits for the next row, so that the page that ends the file is known as the last one.
      let pageRows: SheetRow[] = [];
      try {
        for await (const row of readSheet(file)) {
          if (row.row <= after) {
            bar.tick();
            continue;
          }
          if (pageRows.length === IMPORT_PAGE_ROWS) await send(pageRows.splice(0), false);
          pageRows.push(row);
        }
        if (pageRows.length) await send(pageRows, true);
      } finally {
        bar.stop();
      }
      summary.progress ??= before;
      out.result(summary, () => {
        out.line(
          `${file}: ${summary.admitted.length} admitted, ${summary.unchanged.length} already imported, ${summary.changed.length} changed since (not applied), ` +
            `${new Set(summary.invalid.map((i) => i.row)).size} rows with errors${after ? ` (resumed after row ${after})` : ''}`,
        );
        if (summary.invalid.length) out.table(['行', '列', '问题'], summary.invalid.map((i) => [i.row, i.column, i.message]));
        if (summary.changed.length) out.table(['行', '儿童编号', '与上次导入不同的列'], summary.changed.map((c) => [c.row, c.childId, c.columns.join('、')]));
      });
    });
}
