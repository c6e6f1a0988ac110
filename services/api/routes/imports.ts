// Bulk import (docs/decisions/0015-bulk-import.md): a page of spreadsheet rows at a time, each row read with the
// admission's contract, admitted once (recognised again by identity number or row key), progress kept per import.
import { getNumberFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { importColumns, ImportPageRequest, type ImportPageResult, type ImportProgress } from '../../../contracts/api/imports.ts';
import { assertStaffOf, requireStaff } from '../../auth/scope.ts';
import { futureDates, writeAdmission } from '../../cases/admit.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { changedColumns, headerOf, readRow } from '../../cases/import-rows.ts';
import { NotFoundError, TooManyRequestsError } from '../../lib/errors.ts';
import { clock } from '../../lib/clock.ts';
import { logger } from '../../lib/logger.ts';
import { delivery } from '../../topology/storage.ts';
import {
  advanceImportJob, getImportedRow, getImportedRows, getImportJob, importedRowKey, PaceExceeded, takeImportPace, type ImportedRow, type ImportJob,
} from '../../state/imports.ts';
import { parseBody, recordedBy, requirePrincipal, type Routes } from '../http.ts';

/**
 * The pace of an import (rows per second), so that a file does not flood the departments' queues: a row opens at
 * most two tasks of one department at once (public security's), so half a department's rate by default.
 */
const rowsPerSecond = () => getNumberFromEnv({ key: 'IMPORT_ROWS_PER_SECOND', defaultValue: Math.floor(delivery.pushesPerSecond / 2) });
/** How far ahead of the pace a page may arrive: a client keeping the pace by its own clock is never refused. */
const PACE_BURST_MS = 1000;

const progressOf = (job: ImportJob): ImportProgress => {
  const { pk: _pk, sk: _sk, rev: _rev, paceUntil: _pace, ...rest } = job;
  return { ...rest, rowsPerSecond: rowsPerSecond() };
};

/** Rows of a page admitted concurrently (as many lanes, each taking the next row when its own is done). */
const ADMIT_AT_ONCE = 10;

const TEMPLATE_CSV = `\uFEFF${importColumns.map((c) => c.header).join(',')}\r\n`;
const FORMAT = { text: '文本', date: 'YYYY-MM-DD', gender: '男 / 女', 'yes-no': '是 / 否' };

export const importRoutes = {
  'GET /v1/import-template': async () => ({
    status: 200,
    body: {
      columns: importColumns.map((c) => ({ header: c.header, field: c.field, required: Boolean(c.required), format: FORMAT[c.kind] })),
      csv: TEMPLATE_CSV,
    },
  }),

  'GET /v1/imports/{importId}': async (req) => {
    const staff = requireStaff(requirePrincipal(req));
    const job = await getImportJob(req.params.importId!);
    // Another institution's import is answered as an unknown one.
    if (!job || job.institutionId !== staff.institutionId) throw new NotFoundError(`import ${req.params.importId} not found`);
    return { status: 200, body: progressOf(job) };
  },

  'POST /v1/imports': async (req) => {
    const principal = requirePrincipal(req);
    const page = parseBody(ImportPageRequest, req.body);
    assertStaffOf(principal, page.institutionId);
    // The pace is taken before any row is read: a page refused with 429 changes nothing.
    const pace = { rowsPerSecond: rowsPerSecond(), burstMs: PACE_BURST_MS };
    try {
      await takeImportPace({ importId: page.importId, institutionId: page.institutionId, rows: page.rows.length }, pace, await getImportJob(page.importId));
    } catch (err) {
      if (!(err instanceof PaceExceeded)) throw err;
      const seconds = Math.ceil(err.retryAfterMs / 1000);
      throw new TooManyRequestsError(`import ${page.importId}: rows sent faster than ${pace.rowsPerSecond} a second; send this page again in ${seconds} s`, seconds);
    }
    const by = recordedBy(req, principal);
    const result: Omit<ImportPageResult, 'progress'> = { importId: page.importId, admitted: [], unchanged: [], changed: [], invalid: [] };

    const now = clock.now();
    // What a single admission refuses beyond the contract: a date after today.
    const read = page.rows.map((r) => {
      const outcome = readRow(page.institutionId, r.cells);
      const future = outcome.ok ? futureDates(outcome.facts, now) : undefined;
      return future?.fields.length
        ? { row: r.row, outcome: { ok: false as const, issues: future.fields.map((f) => ({ column: headerOf(f), message: `不能晚于今天（${future.today}）` })) } }
        : { row: r.row, outcome };
    });
    const keys = read.flatMap((r) => (r.outcome.ok ? [r.outcome.key] : []));
    const seen: Map<string, Pick<ImportedRow, 'childId' | 'hash' | 'facts'>> = await getImportedRows(page.institutionId, keys);
    const classify = (row: number, existing: Pick<ImportedRow, 'childId' | 'hash' | 'facts'>, facts: Record<string, unknown>, hash: string) => {
      if (existing.hash === hash) result.unchanged.push({ row, childId: existing.childId });
      else result.changed.push({ row, childId: existing.childId, columns: changedColumns(existing.facts, facts) });
    };
    // The page's dispatched tasks go to the queues together after its rows: ten to a request, not one request a row.
    const dispatched: Awaited<ReturnType<typeof writeAdmission>>['tasks'] = [];
    const admitOne = async ({ row, outcome }: (typeof read)[number]) => {
      if (!outcome.ok) {
        result.invalid.push(...outcome.issues.map((i) => ({ row, ...i })));
        return;
      }
      const existing = seen.get(outcome.key);
      if (existing) return classify(row, existing, outcome.facts, outcome.hash);
      try {
        const { child, tasks } = await writeAdmission(outcome.facts, by, (childId) => [
          { ...importedRowKey(page.institutionId, outcome.key), childId, hash: outcome.hash, facts: outcome.facts, importId: page.importId, row, at: now.toISOString() },
        ]);
        seen.set(outcome.key, { childId: child.childId, hash: outcome.hash, facts: outcome.facts });
        result.admitted.push({ row, childId: child.childId, tasks: tasks.length });
        dispatched.push(...tasks.filter((t) => t.status === 'dispatched'));
      } catch (err) {
        if ((err as Error).name !== 'TransactionCanceledException') throw err;
        // The same row went in meanwhile (a duplicate in the file, or a concurrent import): it is not admitted twice.
        const now = await getImportedRow(page.institutionId, outcome.key);
        if (!now) throw err;
        classify(row, now, outcome.facts, outcome.hash);
      }
    };
    // A few rows at a time: a page of IMPORT_PAGE_ROWS fits one request's time, and the table sees a handful of
    // transactions at once, not a hundred.
    // A key repeated within the page waits for its first row, which is the one admitted.
    const firstKeys = new Set<string>();
    const firsts = read.filter((r) => !r.outcome.ok || (!firstKeys.has(r.outcome.key) && firstKeys.add(r.outcome.key)));
    let next = 0;
    const lane = async () => {
      while (next < firsts.length) await admitOne(firsts[next++]!);
    };
    try {
      await Promise.all(Array.from({ length: ADMIT_AT_ONCE }, lane));
      for (const repeat of read.filter((r) => !firsts.includes(r))) await admitOne(repeat);
    } finally {
      // Also when a row failed: what was admitted is sent now, not left for the sweep.
      await sendTasks(dispatched, now);
    }
    for (const list of [result.admitted, result.unchanged, result.changed, result.invalid]) list.sort((a, b) => a.row - b.row);

    const invalidRows = new Set(result.invalid.map((i) => i.row)).size;
    const job = await advanceImportJob(
      { importId: page.importId, lastRow: Math.max(...page.rows.map((r) => r.row)), last: Boolean(page.last) },
      { admitted: result.admitted.length, unchanged: result.unchanged.length, changed: result.changed.length, invalidRows },
    );
    logger.info('import page', { importId: page.importId, rows: page.rows.length, admitted: result.admitted.length, invalidRows });
    return { status: 200, body: { ...result, progress: progressOf(job) } };
  },
} satisfies Routes;
