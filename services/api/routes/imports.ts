// Bulk import (docs/decisions/0015-bulk-import.md): a page of spreadsheet rows at a time, each row read with the
// admission's contract, admitted once (recognised again by identity number or row key), progress kept per import.
import { getNumberFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { importColumns, ImportPageRequest, type ImportPageResult, type ImportProgress } from '../../../contracts/api/imports.ts';
import { assertStaffOf, requireStaff } from '../../auth/scope.ts';
import { admitChild, futureDates } from '../../cases/admit.ts';
import { changedColumns, headerOf, readRow } from '../../cases/import-rows.ts';
import { ConflictError, NotFoundError } from '../../lib/errors.ts';
import { clock } from '../../lib/clock.ts';
import { logger } from '../../lib/logger.ts';
import { getImportedRow, getImportedRows, getImportJob, importedRowKey, advanceImportJob, type ImportedRow, type ImportJob } from '../../state/imports.ts';
import { parseBody, recordedBy, requirePrincipal, type Routes } from '../http.ts';

/** The pace clients keep (rows per second), so that a file does not flood the departments' queues. */
const rowsPerSecond = () => getNumberFromEnv({ key: 'IMPORT_ROWS_PER_SECOND', defaultValue: 20 });

const progressOf = (job: ImportJob): ImportProgress => {
  const { pk: _pk, sk: _sk, rev: _rev, ...rest } = job;
  return { ...rest, rowsPerSecond: rowsPerSecond() };
};

/** Rows of a page admitted concurrently. */
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
    const before = await getImportJob(page.importId);
    if (before && before.institutionId !== page.institutionId) throw new ConflictError(`import id ${page.importId} is in use by another institution`);
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
    const admitOne = async ({ row, outcome }: (typeof read)[number]) => {
      if (!outcome.ok) {
        result.invalid.push(...outcome.issues.map((i) => ({ row, ...i })));
        return;
      }
      const existing = seen.get(outcome.key);
      if (existing) return classify(row, existing, outcome.facts, outcome.hash);
      try {
        const { child, tasks } = await admitChild(outcome.facts, by, (childId) => [
          { ...importedRowKey(page.institutionId, outcome.key), childId, hash: outcome.hash, facts: outcome.facts, importId: page.importId, row, at: now.toISOString() },
        ]);
        seen.set(outcome.key, { childId: child.childId, hash: outcome.hash, facts: outcome.facts });
        result.admitted.push({ row, childId: child.childId, tasks: tasks.length });
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
    for (let i = 0; i < firsts.length; i += ADMIT_AT_ONCE) await Promise.all(firsts.slice(i, i + ADMIT_AT_ONCE).map(admitOne));
    for (const repeat of read.filter((r) => !firsts.includes(r))) await admitOne(repeat);
    for (const list of [result.admitted, result.unchanged, result.changed, result.invalid]) list.sort((a, b) => a.row - b.row);

    const invalidRows = new Set(result.invalid.map((i) => i.row)).size;
    const job = await advanceImportJob(
      { importId: page.importId, institutionId: page.institutionId, lastRow: Math.max(...page.rows.map((r) => r.row)), last: Boolean(page.last) },
      { admitted: result.admitted.length, unchanged: result.unchanged.length, changed: result.changed.length, invalidRows },
    );
    logger.info('import page', { importId: page.importId, rows: page.rows.length, admitted: result.admitted.length, invalidRows });
    return { status: 200, body: { ...result, progress: progressOf(job) } };
  },
} satisfies Routes;
