// The progress report as a file: XLSX (one sheet per section, Chinese headers, numbers as numbers, and the evidence
// sheet) or CSV (every figure on its own row, with its ids), both written by exceljs.
import ExcelJS from 'exceljs';
import type { ProgressReport } from '../../contracts/api/reports.ts';
import type { FileAnswer } from '../api/http.ts';
import { figureRows, reportTables, type Table } from './export-rows.ts';


function addSheet(book: ExcelJS.Workbook, t: Table) {
  const sheet = book.addWorksheet(t.name);
  sheet.addRow(t.headers).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => (c.width = Math.max(10, t.headers[i]!.length * 2 + 2)));
}

export async function exportReport(report: ProgressReport, format: 'csv' | 'xlsx'): Promise<FileAnswer> {
  const book = new ExcelJS.Workbook();
  const base = `progress-${report.cityCode}-${report.period}`;
  if (format === 'xlsx') {
    for (const t of reportTables(report)) addSheet(book, t);
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${base}.xlsx`,
      data: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
  addSheet(book, figureRows(report));
  // The byte-order mark lets spreadsheet programs read the Chinese as UTF-8.
  const csv = await book.csv.writeBuffer({ formatterOptions: { writeBOM: true } });
  return { contentType: 'text/csv; charset=utf-8', filename: `${base}.csv`, data: Buffer.from(csv) };
}
