// One spreadsheet row to admission facts: each cell read by its column's kind, then the same contract as a single
// admission (AdmissionRequest). Every problem is reported on the template's Chinese header, in Chinese.
import { createHash } from 'node:crypto';
import { importColumns, type CellKind } from '../../contracts/api/imports.ts';
import { AdmissionRequest } from '../../contracts/api/requests.ts';

export interface RowIssue {
  column: string;
  message: string;
}

export type RowOutcome =
  | { ok: true; facts: AdmissionRequest; key: string; hash: string }
  | { ok: false; issues: RowIssue[] };

const byField = new Map(importColumns.map((c) => [c.field, c]));
const known = new Set(importColumns.map((c) => c.header));

const YES = new Set(['是', 'true', 'y', 'yes', '1']);
const NO = new Set(['否', 'false', 'n', 'no', '0']);
const KIND_MESSAGE: Record<CellKind, string> = {
  text: '内容不符合要求',
  date: '应为日期，格式 YYYY-MM-DD',
  gender: '应为“男”或“女”',
  'yes-no': '应为“是”或“否”',
};

function readCell(kind: CellKind, text: string): unknown {
  if (kind === 'gender') return text === '男' ? 'male' : text === '女' ? 'female' : Symbol.for('bad');
  if (kind === 'yes-no') {
    const t = text.toLowerCase();
    return YES.has(t) ? true : NO.has(t) ? false : Symbol.for('bad');
  }
  return text;
}

/** A Chinese message for a contract's complaint about a field. */
function chinese(field: string, code: string, message: string): string {
  if (code === 'invalid_type') return '必填';
  if (field === 'idNumber') return '不是有效的18位公民身份号码（校验位不符）';
  if (field === 'birthDate' && /after the admission/.test(message)) return '出生日期不能晚于入院日期';
  if (code === 'too_big') return '内容过长';
  if (code === 'too_small') return '不能为空';
  const column = byField.get(field as never);
  return column ? KIND_MESSAGE[column.kind] : `不符合要求：${message}`;
}

/** The template's header of an admission field. */
export const headerOf = (field: string) => byField.get(field as never)?.header ?? field;

/** A stable fingerprint of the facts: the same row imported again has the same hash. */
export const factsHash = (facts: object) =>
  createHash('sha256').update(JSON.stringify(Object.entries(facts).sort(([a], [b]) => a.localeCompare(b)))).digest('base64url');

export function readRow(institutionId: string, cells: Record<string, string>): RowOutcome {
  const issues: RowIssue[] = [];
  for (const header of Object.keys(cells)) if (!known.has(header)) issues.push({ column: header, message: '不是模板中的列' });
  const draft: Record<string, unknown> = { institutionId };
  let rowKey: string | undefined;
  for (const column of importColumns) {
    const text = cells[column.header]?.trim();
    if (!text) continue;
    if (column.field === 'rowKey') {
      rowKey = text;
      continue;
    }
    const value = readCell(column.kind, text);
    if (typeof value === 'symbol') issues.push({ column: column.header, message: KIND_MESSAGE[column.kind] });
    else draft[column.field] = value;
  }
  const parsed = AdmissionRequest.safeParse(draft);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = String(i.path[0] ?? '');
      const header = headerOf(field);
      if (!issues.some((x) => x.column === header)) issues.push({ column: header, message: chinese(field, i.code, i.message) });
    }
  }
  if (!parsed.success || issues.length) return { ok: false, issues };
  const key = parsed.data.idNumber ? `ID#${parsed.data.idNumber}` : rowKey ? `KEY#${rowKey}` : undefined;
  if (!key) return { ok: false, issues: [{ column: '公民身份号码', message: '无公民身份号码时须填写“行键”，以便重复导入时识别该行' }] };
  return { ok: true, facts: parsed.data, key, hash: factsHash(parsed.data) };
}

/** The headers of the columns whose values differ between two sets of facts. */
export function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return importColumns
    .filter((c) => c.field !== 'rowKey' && JSON.stringify(before[c.field]) !== JSON.stringify(after[c.field]))
    .map((c) => c.header);
}
