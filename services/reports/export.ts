// The progress report as a file: XLSX (one sheet per section, Chinese headers, numbers as numbers, and the evidence
// sheet) or CSV (every figure on its own row, with its ids), both written by the hub (xlsx.ts), no spreadsheet library.
import type { ProgressReport } from '../../contracts/api/reports.ts';
import type { FileAnswer } from '../api/http.ts';
import { figureRows, reportTables } from './export-rows.ts';
import { csv, xlsx } from './xlsx.ts';

export async function exportReport(report: ProgressReport, format: 'csv' | 'xlsx'): Promise<FileAnswer> {
  const base = `progress-${report.cityCode}-${report.period}`;
  if (format === 'xlsx') {
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${base}.xlsx`,
      data: xlsx(reportTables(report)),
    };
  }
  return { contentType: 'text/csv; charset=utf-8', filename: `${base}.csv`, data: csv(figureRows(report)) };
}
