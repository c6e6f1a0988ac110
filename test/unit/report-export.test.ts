// The report's XLSX and CSV as the hub writes them (services/reports/xlsx.ts), opened with exceljs: every sheet,
// every cell with its type, the bold header row, the widths; text that XML or CSV must escape; and the CSV byte for
// byte as exceljs's CSV writer (which wrote it before) writes the same rows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Figure, ProgressReport } from '../../contracts/api/reports.ts';
import { exportReport } from '../../services/reports/export.ts';
import { figureRows, reportTables, type Table } from '../../services/reports/export-rows.ts';
import { columnName, csv, xlsx, zip } from '../../services/reports/xlsx.ts';

const fig = (...ids: string[]): Figure => ({ count: ids.length, ids });
const TRICKY = '福利院 <A&B> "一部", 二部\n新址';

const report: ProgressReport = {
  cityCode: '450100', period: '2026-H2', from: '2026-07-01', to: '2026-12-31', asOf: '2026-12-01T08:00:00.000Z',
  institutions: [
    {
      institutionId: 'CWI-450100', name: '南宁市儿童福利院', inCare: fig('CH1', 'CH2'), admissions: fig('CH2'), transfersIn: fig(),
      transfersOut: fig(), comingOfAge: fig(), rehabCertification: { status: 'certified', validUntil: '2027-06-30' },
      fireInspection: { inspectedOn: '2026-09-01', openHazards: 2, majorHazards: 1 },
    },
    {
      institutionId: 'MPC-450109', name: TRICKY, inCare: fig(), admissions: fig(), transfersIn: fig(), transfersOut: fig('CH3'),
      comingOfAge: fig(), rehabCertification: { status: 'none' }, fireInspection: { openHazards: 0, majorHazards: 0 },
    },
  ],
  transfers: {
    received: fig('CH3'), pending: fig(), notSent: fig(), sentNotReceived: fig(), entrustedVisitsDue: fig(), entrustedVisitsMissed: fig(),
  },
  tasks: [{
    type: 'medical-insurance.pre-enrollment', department: 'medical-insurance', opened: fig('CH1.T1', 'CH2.T1'), completed: fig('CH1.T1'),
    rejected: fig(), failed: fig(), cancelled: fig(), open: fig('CH2.T1'), medianWorkingDays: 2.5, p90WorkingDays: null,
    overdueNow: fig(), overdueInPeriod: fig(),
  }],
} as ProgressReport;

async function open(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.from([data]));
  return book;
}

/** The cell values of a sheet as exceljs reads them, empty cells as null, rows as long as the table's. */
function values(sheet: ExcelJS.Worksheet, columns: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: columns }, (_, c) => row.getCell(c + 1).value ?? null));
  });
  return rows;
}

describe('the report as XLSX', () => {
  it('opens in exceljs with every table as a sheet: Chinese headers in bold, every cell as the rows hold it, numbers as numbers', async () => {
    const answer = await exportReport(report, 'xlsx');
    expect(answer).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'progress-450100-2026-H2.xlsx' });
    const book = await open(answer.data);
    const tables = reportTables(report);
    expect(book.worksheets.map((s) => s.name)).toEqual(['机构', '移交', '任务', '证据']);
    for (const t of tables) {
      const sheet = book.getWorksheet(t.name)!;
      expect(values(sheet, t.headers.length)).toEqual([t.headers, ...t.rows]);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
      expect(sheet.columns.map((c) => c.width)).toEqual(t.headers.map((h) => Math.max(10, h.length * 2 + 2)));
    }
    const institutions = book.getWorksheet('机构')!;
    expect(institutions.getRow(3).getCell(2).value).toBe(TRICKY);
    expect(typeof institutions.getRow(2).getCell(3).value).toBe('number');
    expect(institutions.getRow(2).getCell(9).value).toBe('2027-06-30');
    expect(book.getWorksheet('任务')!.getRow(2).getCell(11).value).toBe(2.5);
  });

  it('keeps text that looks like a number as text, leaves out characters XML cannot hold, and writes columns past Z', async () => {
    const headers = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);
    const t: Table = { name: 'A&B', headers, rows: [['007', 'a\u0001b', 0, -1.25, '', null, ...headers.slice(6)]] };
    const sheet = (await open(xlsx([t]))).getWorksheet('A&B')!;
    expect(values(sheet, 30)[1]).toEqual(['007', 'ab', 0, -1.25, null, null, ...headers.slice(6)]);
    expect(sheet.getCell('AD2').value).toBe('列30');
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('is a ZIP whose directory names every part with its checksum and sizes, the content types and relationships first', () => {
    const data = xlsx(reportTables(report));
    const end = data.length - 22;
    expect(data.readUInt32LE(end)).toBe(0x06054b50);
    const count = data.readUInt16LE(end + 10);
    let at = data.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      expect(data.readUInt32LE(at)).toBe(0x02014b50);
      const [packed, size, nameLength, offset] = [data.readUInt32LE(at + 20), data.readUInt32LE(at + 24), data.readUInt16LE(at + 28), data.readUInt32LE(at + 42)];
      names.push(data.toString('utf8', at + 46, at + 46 + nameLength));
      expect(data.readUInt32LE(offset)).toBe(0x04034b50);
      const body = offset + 30 + data.readUInt16LE(offset + 26);
      expect(inflateRawSync(data.subarray(body, body + packed)).length).toBe(size);
      at += 46 + nameLength;
    }
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(names).toContain('xl/sharedStrings.xml');
    expect(names.filter((n) => n.startsWith('xl/worksheets/'))).toHaveLength(4);
  });

  it('passes a ZIP checker when one is installed (unzip -t)', (ctx) => {
    try { execFileSync('unzip', ['-v'], { stdio: 'ignore' }); } catch { ctx.skip(); }
    const file = join(mkdtempSync(join(tmpdir(), 'hub-xlsx-')), 'r.xlsx');
    writeFileSync(file, zip([['a.txt', '甲'.repeat(1000)], ['b/c.xml', '<x/>']]));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });
});

describe('the report as CSV', () => {
  it('is byte for byte what exceljs wrote: a byte-order mark, quotes only where a comma, quote or line break needs them', async () => {
    const answer = await exportReport(report, 'csv');
    expect(answer).toMatchObject({ contentType: 'text/csv; charset=utf-8', filename: 'progress-450100-2026-H2.csv' });
    const t = figureRows(report);
    t.rows.push([TRICKY, null, '', 0, 'x"y']);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(t.name);
    for (const row of [t.headers, ...t.rows]) sheet.addRow(row);
    expect(csv(t).equals(Buffer.from(await book.csv.writeBuffer({ formatterOptions: { writeBOM: true } })))).toBe(true);
    expect(answer.data.toString('utf8')).toContain('机构,CWI-450100,新入院,1,CH2\n');
    expect(answer.data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
