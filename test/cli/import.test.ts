// `hub import` against the running hub: good, bad and duplicate rows, the same file twice, a changed row, CSV and
// XLSX, and an import interrupted (the process killed) then resumed without duplicates.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importColumns } from '../../contracts/api/imports.ts';
import { importIdOf } from '../../scripts/cli/commands/import.ts';
import { writeSheet } from '../../scripts/cli/spreadsheet.ts';
import { eventually, LIUZHOU, NANNING, untilTaskStatus, useHub } from '../helpers/hub.ts';
import { cliDir, hubCli } from './helpers.ts';

process.env.IMPORT_ROWS_PER_SECOND = '200';
const dir = cliDir();
const hub = useHub({ inMemory: false, dataDir: dir, simulators: false });
const env = { HUB_CREDENTIALS: join(dir, 'credentials.json') };
const headers = importColumns.map((c) => c.header);

type Row = Partial<Record<string, string>>;
const base: Row = { 性别: '女', 出生日期: '2020-03-01', 入院日期: '2026-11-20', 父母不明: '否', 已登记户口: '是', 残疾: '否' };
const cells = (r: Row) => headers.map((h) => r[h] ?? '');

/** Rows 2-8 of the file: three good, three bad, one repeating row 2. */
const sample: Row[] = [
  { ...base, 姓名: '导入甲', 公民身份号码: '450102201503010028' },
  { ...base, 姓名: '导入乙', 行键: 'NN-2026-0002' },
  { ...base, 姓名: '导入丙', 父母不明: '是', 捡拾报案证明编号: 'NN-GA-2026-9', 行键: 'NN-2026-0003' },
  { ...base, 姓名: '坏行一', 性别: '未知', 出生日期: '2020-13-01', 行键: 'BAD-1' },
  { ...base, 公民身份号码: '450102201604050030' },
  { ...base, 姓名: '无键' },
  { ...base, 姓名: '导入甲', 公民身份号码: '450102201503010028' },
];

async function importFile(file: string, as: string, extra: string[] = []) {
  const r = await hubCli(['--json', '--as', as, 'import', file, ...extra], env);
  expect(r, r.stderr).toMatchObject({ exit: 0, stderr: '' });
  return JSON.parse(r.stdout);
}
const rowsOf = (list: { row: number }[]) => list.map((x) => x.row).sort((a, b) => a - b);

describe('hub import', () => {
  it('lists exactly the bad rows with their Chinese header and message, admits the good ones once', async () => {
    const file = join(dir, 'children.csv');
    await writeSheet(file, headers, sample.map(cells));
    const first = await importFile(file, `staff:${NANNING}`);
    expect(rowsOf(first.admitted)).toEqual([2, 3, 4]);
    expect(first.unchanged).toEqual([{ row: 8, childId: first.admitted[0].childId }]);
    expect(first.invalid).toEqual([
      { row: 5, column: '性别', message: '应为“男”或“女”' },
      { row: 5, column: '出生日期', message: '应为日期，格式 YYYY-MM-DD' },
      { row: 6, column: '姓名', message: '必填' },
      { row: 6, column: '公民身份号码', message: '不是有效的18位公民身份号码（校验位不符）' },
      { row: 7, column: '公民身份号码', message: '无公民身份号码时须填写“行键”，以便重复导入时识别该行' },
    ]);
    // The foundling's row opened the tasks its facts call for, as a single admission does.
    const foundling = first.admitted.find((a: { row: number }) => a.row === 4);
    expect(foundling.tasks).toBeGreaterThan(0);
    const child = await hub().call('GET', `/v1/children/${foundling.childId}`, { as: `staff:${NANNING}` });
    expect(child.body.child).toMatchObject({ name: '导入丙', parentsUnknown: true, foundlingCertificateNumber: 'NN-GA-2026-9' });
    // The page's tasks went to their queues (sent together after its rows) and reach the departments' inboxes.
    expect(child.body.tasks).toHaveLength(foundling.tasks);
    for (const t of child.body.tasks as { taskId: string }[]) await untilTaskStatus(hub(), foundling.childId, t.taskId, 'delivered');

    // The same file again: answered from the completed job, no row sent (the job is as the first run left it).
    const again = await importFile(file, `staff:${NANNING}`);
    expect(again).toMatchObject({ admitted: [], unchanged: [], completedBefore: first.progress.completedAt, progress: first.progress });
    const job = await hub().call('GET', `/v1/imports/${first.importId}`, { as: `staff:${NANNING}` });
    expect(job.body.updatedAt).toBe(first.progress.updatedAt);
    // Checked again row by row: nothing new, every good row recognised.
    const rechecked = await importFile(file, `staff:${NANNING}`, ['--recheck']);
    expect(rechecked.admitted).toEqual([]);
    expect(rowsOf(rechecked.unchanged)).toEqual([2, 3, 4, 8]);
    expect(rechecked.resumedAfterRow).toBe(0);

    // A row changed since: reported with the column that differs, not applied.
    const edited = join(dir, 'children-edited.csv');
    await writeSheet(edited, headers, sample.map((r, i) => cells(i === 1 ? { ...r, 姓名: '导入乙改' } : r)));
    const third = await importFile(edited, `staff:${NANNING}`);
    expect(third.admitted).toEqual([]);
    expect(third.changed).toEqual([{ row: 3, childId: first.admitted[1].childId, columns: ['姓名'] }]);
    const unchangedChild = await hub().call('GET', `/v1/children/${first.admitted[1].childId}`, { as: `staff:${NANNING}` });
    expect(unchangedChild.body.child.name).toBe('导入乙');
  });

  it('reads XLSX the same way, and writes the template from the hub', async () => {
    const template = join(dir, 'template.xlsx');
    const t = await hubCli(['--as', `staff:${LIUZHOU}`, 'import', '--template', template], env);
    expect(t.exit, t.stderr).toBe(0);
    expect(t.stdout).toContain('公民身份号码');
    const file = join(dir, 'children.xlsx');
    await writeSheet(file, headers, sample.map((r) => cells({ ...r, 公民身份号码: r.公民身份号码 === '450102201503010028' ? '450202201705060045' : r.公民身份号码 })));
    const out = await importFile(file, `staff:${LIUZHOU}`);
    expect(rowsOf(out.admitted)).toEqual([2, 3, 4]);
    expect(rowsOf(out.unchanged)).toEqual([8]);
    expect([...new Set(out.invalid.map((i: { row: number }) => i.row))]).toEqual([5, 6, 7]);
  });

  it('a staff member of another institution is refused (403), and an unknown import is a 404', async () => {
    const file = join(dir, 'children.csv');
    const r = await hubCli(['--as', `staff:${LIUZHOU}`, 'import', file, '--institution', NANNING], env);
    expect(r).toMatchObject({ exit: 1, stderr: expect.stringMatching(/^hub: the hub refused with 403/) });
    expect((await hub().call('GET', '/v1/imports/NOSUCHIMPORT00', { as: `staff:${NANNING}` })).status).toBe(404);
  });

  it('an import killed part-way is resumed after the last row taken, with no duplicates', { timeout: 120_000 }, async () => {
    const institution = 'CWI-450300';
    const file = join(dir, 'many.csv');
    await writeSheet(file, headers, Array.from({ length: 150 }, (_, i) => cells({ ...base, 姓名: `批量${i}`, 行键: `GL-${i}` })));
    const importId = await importIdOf(file, institution);
    const args = ['--import', 'tsx', 'scripts/hub.ts', '--as', `staff:${institution}`, 'import', file, '--rate', '60'];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    await eventually(async () => {
      const job = await hub().call('GET', `/v1/imports/${importId}`, { as: `staff:${institution}` });
      return job.status === 200 && job.body.lastRow >= 51 ? true : undefined;
    }, 60_000, 'the first page');
    child.kill('SIGKILL');
    const resumed = await importFile(file, `staff:${institution}`);
    expect(resumed.resumedAfterRow).toBeGreaterThanOrEqual(51);
    expect(resumed.resumedAfterRow).toBeLessThan(151);
    expect(resumed.progress).toMatchObject({ lastRow: 151, admitted: 150, invalidRows: 0 });
    let count = 0;
    let nextToken: string | undefined;
    do {
      const page = await hub().call('GET', `/v1/institutions/${institution}/children?limit=100${nextToken ? `&nextToken=${nextToken}` : ''}`, { as: `staff:${institution}` });
      count += page.body.items.length;
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(count).toBe(150);
  });
});

describe('the import pace, kept by the hub', () => {
  it('a page sent faster than the pace is refused with 429 and admits nothing; hub import waits as told and completes', async () => {
    // 2 rows a second: the first page of 50 is paid for until 25 s after it was taken.
    process.env.IMPORT_ROWS_PER_SECOND = '2';
    try {
      const institution = 'CWI-450400';
      const file = join(dir, 'paced.csv');
      const rows = Array.from({ length: 60 }, (_, i) => ({ row: i + 2, cells: { ...base, 姓名: `限速${i}`, 行键: `WZ-${i}` } as Record<string, string> }));
      await writeSheet(file, headers, rows.map((r) => cells(r.cells)));
      const importId = await importIdOf(file, institution);
      const post = (page: typeof rows) =>
        fetch(`${hub().apiUrl}/v1/imports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${hub().tokens[`staff:${institution}`]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ institutionId: institution, importId, rows: page }),
        });
      expect((await post(rows.slice(0, 50))).status).toBe(200);

      // A client ignoring the pace sends the next page at once.
      const early = await post(rows.slice(50));
      expect(early.status).toBe(429);
      const retryAfter = Number(early.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(await early.json()).toMatchObject({
        error: 'too_many_requests',
        retryAfterSeconds: retryAfter,
        message_zh: expect.stringMatching(/^导入过快：每秒至多2行，本页未导入，请\d+秒后重新提交$/),
      });
      const job = await hub().call('GET', `/v1/imports/${importId}`, { as: `staff:${institution}` });
      expect(job.body).toMatchObject({ lastRow: 51, admitted: 50 });
      const children = await hub().call('GET', `/v1/institutions/${institution}/children?limit=100`, { as: `staff:${institution}` });
      expect(children.body.items).toHaveLength(50);

      // `hub import` goes on after row 51, is told to wait, waits, and takes the rest.
      const resumed = await importFile(file, `staff:${institution}`);
      expect(resumed).toMatchObject({ resumedAfterRow: 51, progress: { lastRow: 61, admitted: 60, invalidRows: 0 } });
      expect(resumed.admitted).toHaveLength(10);
      expect(resumed.throttledPages).toBeGreaterThanOrEqual(1);
    } finally {
      process.env.IMPORT_ROWS_PER_SECOND = '200';
    }
  });
});
