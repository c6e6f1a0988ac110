// Reading and writing the import spreadsheets, streaming: csv-parse for CSV, exceljs's streaming reader and writer
// for XLSX. Rows come out one at a time as header → cell text, so a 10,000-row file is never held whole.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { UsageError } from './client.ts';

export interface SheetRow {
  /** The row number in the file; row 1 holds the headers. */
  row: number;
  cells: Record<string, string>;
}

const kindOf = (path: string) => {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.xlsx$/i.test(path)) return 'xlsx';
  throw new UsageError(`${path}: expected a .csv or .xlsx file`);
};

/** A cell as text: dates as China dates (YYYY-MM-DD), formulas by their result, rich text by its characters. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

function toRow(headers: string[], values: string[], row: number): SheetRow | undefined {
  const cells: Record<string, string> = {};
  values.forEach((v, i) => {
    const text = v.trim();
    if (text && headers[i]) cells[headers[i]!] = text;
  });
  return Object.keys(cells).length ? { row, cells } : undefined;
}

async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let headers: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!headers) {
      headers = record.map((h) => h.trim());
      continue;
    }
    const r = toRow(headers, record, info.lines);
    if (r) yield r;
  }
}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    let headers: string[] | undefined;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based (index 0 empty).
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!headers) {
        headers = values.map((h) => h.trim());
        continue;
      }
      const r = toRow(headers, values, row.number);
      if (r) yield r;
    }
    return; // the first worksheet only
  }
}

export function readSheet(path: string): AsyncGenerator<SheetRow> {
  return kindOf(path) === 'csv' ? csvRows(path) : xlsxRows(path);
}

/** Writes rows (headers first) as CSV (UTF-8 with BOM, so Excel shows the Chinese) or streaming XLSX. */
export async function writeSheet(path: string, headers: string[], rows: Iterable<string[]>): Promise<void> {
  if (kindOf(path) === 'csv') {
    await writeFile(path, stringify([headers, ...rows], { bom: true, record_delimiter: 'windows' }));
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('儿童');
  sheet.addRow(headers).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
}
