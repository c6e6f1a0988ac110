// Staff: bulk import of children from a spreadsheet, a page of rows per request (docs/decisions/0015-bulk-import.md).
import { ImportPageRequest, ImportPageResult, ImportProgress, ImportTemplate, IMPORT_PAGE_ROWS } from '../imports.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const importOperations = {
  'GET /v1/import-template': {
    operationId: 'getImportTemplate',
    tag: 'staff',
    summary: 'The spreadsheet template for a bulk import: its Chinese column headers and what each takes',
    description: 'Any signed-in caller. `hub import --template` writes it as XLSX or CSV.',
    success: { status: 200, schema: ImportTemplate, description: 'The columns, and the template as CSV' },
    errors: [...AUTH],
  },
  'POST /v1/imports': {
    operationId: 'importChildren',
    tag: 'staff',
    summary: `Import a page of up to ${IMPORT_PAGE_ROWS} spreadsheet rows: each valid new row admits a child`,
    description:
      'Staff of the institution only. Each row is read with the admission contract; every bad cell is listed (row, ' +
      'Chinese column header, Chinese message) and the good rows are admitted, each opening the tasks its facts call ' +
      'for. A row already imported (same identity number, or the same row key when there is none) is not admitted ' +
      'again: `unchanged` when equal, `changed` (the differing columns, not applied) when not. Send the pages of one ' +
      'file under one `importId`, at most `progress.rowsPerSecond` rows a second; `GET /v1/imports/{importId}` ' +
      'says where to resume. A page sent faster than that pace is refused with 429 and a `Retry-After` (nothing ' +
      'changed; send it again then).',
    body: ImportPageRequest,
    success: { status: 200, schema: ImportPageResult, description: 'What became of each row of the page' },
    errors: [400, ...AUTH, 409, 429],
  },
  'GET /v1/imports/{importId}': {
    operationId: 'getImport',
    tag: 'staff',
    summary: 'How far an import got: the last row taken and the counts',
    description: 'Staff of the importing institution; another institution\'s import is a 404.',
    success: { status: 200, schema: ImportProgress, description: 'The import' },
    errors: [400, ...AUTH, 404],
  },
} satisfies Record<string, OperationSpec>;
