// The report's files written by the hub itself, so the supervision function bundles no spreadsheet library (exceljs
// was 308.6 KB gzipped of a 500.6 KB bundle). XLSX: SpreadsheetML (one sheet per table, shared strings, the header row
// bold, column widths) in a ZIP whose entries are deflated and checksummed by node:zlib. CSV: RFC 4180 with a
// byte-order mark, quoting only fields holding a comma, a quote or a line break. Pure: bytes in, bytes out.
import { crc32, deflateRawSync } from 'node:zlib';
import type { Table } from './export-rows.ts';

type Cell = Table['rows'][number][number];

/** Text for XML content and attributes; drops the control characters XML 1.0 cannot hold. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** As the exceljs export set them: twice the header's characters plus two, at least 10. */
const width = (header: string) => Math.max(10, header.length * 2 + 2);

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export function xlsx(tables: Table[]): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const cell = (v: Cell, ref: string, style: string) => {
    if (v === null || v === '') return '';
    if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
    return `<c r="${ref}"${style} t="s"><v>${shared(v)}</v></c>`;
  };
  const sheets = tables.map((t) => {
    const rows = [t.headers, ...t.rows].map((row, r) => {
      const style = r === 0 ? ' s="1"' : '';
      return `<row r="${r + 1}">${row.map((v, c) => cell(v, `${columnName(c)}${r + 1}`, style)).join('')}</row>`;
    });
    const cols = t.headers.map((h, c) => `<col min="${c + 1}" max="${c + 1}" width="${width(h)}" customWidth="1"/>`).join('');
    return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
  });
  const files: [string, string][] = [
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('')
      + `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`
      + `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`
      + '</Types>'],
    ['_rels/.rels', `${XML}<Relationships xmlns="${PKG_REL}">`
      + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>`
      + tables.map((t, i) => `<sheet name="${xmlText(t.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${PKG_REL}">`
      + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`
      + `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      + '</Relationships>'],
    // Font 1 is the bold one; cell style 1 (the header row) uses it.
    ['xl/styles.xml', `${XML}<styleSheet xmlns="${MAIN}">`
      + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
      + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s]),
  ];
  // Last, once every sheet has put its strings in the table.
  files.push(['xl/sharedStrings.xml', `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`
    + strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('') + '</sst>']);
  return zip(files);
}

/** A ZIP archive (deflated entries, no ZIP64: the report is far below 4 GB and 65,535 entries). */
export function zip(files: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const path = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(path.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    local.copy(entry, 6, 4, 28); // version needed … name length, as in the local header
    // extra, comment, disk, internal and external attributes: 0
    entry.writeUInt32LE(offset, 42);
    parts.push(local, path, packed);
    central.push(entry, path);
    offset += local.length + path.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

const quoted = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows joined by line feeds, no line after the last, the byte-order mark first (spreadsheet programs then read UTF-8). */
export function csv(t: Table): Buffer {
  return Buffer.from(`\ufeff${[t.headers, ...t.rows].map((row) => row.map(quoted).join(',')).join('\n')}`, 'utf8');
}
