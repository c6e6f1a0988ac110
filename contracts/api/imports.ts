// Bulk import of children from a spreadsheet (POST /v1/imports): the template's columns (Chinese headers, the
// admission field each fills), a page of rows as `hub import` reads them from the file, and the answer per row.
// The file itself is read by the client, streaming; the hub takes it in pages (docs/decisions/0015-bulk-import.md).
import * as z from 'zod/mini';
import { ChildId, InstitutionId } from '../common.ts';
import type { ChildFacts } from '../case.ts';

type ImportField = Exclude<keyof ChildFacts, 'institutionId'>;
export type CellKind = 'text' | 'date' | 'gender' | 'yes-no';

/** The template's columns, in order. `rowKey` identifies a row without an identity number. */
export const importColumns: { header: string; field: ImportField | 'rowKey'; kind: CellKind; required?: true }[] = [
  { header: '姓名', field: 'name', kind: 'text', required: true },
  { header: '性别', field: 'gender', kind: 'gender', required: true },
  { header: '出生日期', field: 'birthDate', kind: 'date', required: true },
  { header: '入院日期', field: 'admittedOn', kind: 'date', required: true },
  { header: '公民身份号码', field: 'idNumber', kind: 'text' },
  { header: '行键', field: 'rowKey', kind: 'text' },
  { header: '父母不明', field: 'parentsUnknown', kind: 'yes-no', required: true },
  { header: '已登记户口', field: 'hukouRegistered', kind: 'yes-no', required: true },
  { header: '残疾', field: 'disabled', kind: 'yes-no', required: true },
  { header: '孤儿', field: 'orphan', kind: 'yes-no' },
  { header: '事实无人抚养', field: 'factuallyUnsupported', kind: 'yes-no' },
  { header: '捡拾报案证明编号', field: 'foundlingCertificateNumber', kind: 'text' },
  { header: '捡拾地点', field: 'foundPlace', kind: 'text' },
  { header: '捡拾地县级区划代码', field: 'foundCountyCode', kind: 'text' },
  { header: '捡拾日期', field: 'foundOn', kind: 'date' },
  { header: '在学', field: 'inSchool', kind: 'yes-no' },
  { header: '学校名称', field: 'schoolName', kind: 'text' },
  { header: '学籍号', field: 'studentRecordNumber', kind: 'text' },
  { header: '户籍地址', field: 'hukouAddress', kind: 'text' },
  { header: '户口登记编号', field: 'hukouRegistrationNumber', kind: 'text' },
  { header: '残疾类别', field: 'disabilityCategory', kind: 'text' },
  { header: '残疾等级', field: 'disabilityGrade', kind: 'text' },
  { header: '残疾人证号', field: 'disabilityCertificateNumber', kind: 'text' },
];

/** At most this many rows per request: a page is admitted well inside API Gateway's 29 s and 10 MB. */
export const IMPORT_PAGE_ROWS = 50;

export const ImportId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'an import id: 8-64 letters, digits, _ or -'));

export const ImportPageRequest = z.strictObject({
  institutionId: InstitutionId,
  importId: ImportId.check(z.describe('Chosen by the client, the same for every page of one file (hub import: a hash of the file)')),
  rows: z
    .array(
      z.strictObject({
        row: z.int().check(z.gte(2), z.describe('The row number in the file (row 1 is the headers)')),
        cells: z.record(z.string().check(z.maxLength(50)), z.string().check(z.maxLength(500))).check(z.describe('Header → cell text; empty cells left out')),
      }),
    ).check(z.minLength(1), z.maxLength(IMPORT_PAGE_ROWS)),
  last: z.optional(z.boolean()).check(z.describe('This page ends the file: the import is complete, a new run of it starts over')),
});
export type ImportPageRequest = z.infer<typeof ImportPageRequest>;

export const ImportProgress = z.object({
  importId: ImportId,
  institutionId: InstitutionId,
  lastRow: z.int().check(z.describe('The highest row number taken so far: a resumed import goes on after it')),
  admitted: z.int(),
  unchanged: z.int(),
  changed: z.int(),
  invalidRows: z.int(),
  completedAt: z.optional(z.string()).check(z.describe('When the page marked last was taken')),
  rowsPerSecond: z.number().check(z.describe('The pace clients keep between pages, so departments are not flooded')),
  updatedAt: z.string(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

const RowRef = z.object({ row: z.int(), childId: ChildId });
export const ImportPageResult = z.object({
  importId: ImportId,
  admitted: z.array(z.extend(RowRef, { tasks: z.int() })).check(z.describe('Rows admitted now, each with the tasks it opened')),
  unchanged: z.array(RowRef).check(z.describe('Rows already imported, the same as then: nothing done')),
  changed: z.array(z.extend(RowRef, { columns: z.array(z.string()) })).check(z.describe('Rows already imported that differ now: not applied')),
  invalid: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })).check(z.describe('Every bad cell, in Chinese')),
  progress: ImportProgress,
});
export type ImportPageResult = z.infer<typeof ImportPageResult>;


export const ImportTemplate = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.string(), required: z.boolean(), format: z.string() })),
  csv: z.string().check(z.describe('The template as CSV (UTF-8 with BOM, headers only)')),
});
