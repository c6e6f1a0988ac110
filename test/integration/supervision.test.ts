// Supervisors through the API: the live report and its evidence, the submitted version frozen, exports opened with the
// library that wrote them, the overdue list and escalation to the city, then the region, with the history entries.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../services/calendar/china-time.ts';
import { main } from '../../scripts/hub.ts';
import { periodOf } from '../../services/reports/period.ts';
import { moveDeadline } from '../helpers/deadlines.ts';
import { admission, LIUZHOU, NANNING, needsEmbedded, readChild, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });
const today = chinaDate(new Date());
const period = periodOf(today);
const CITY = 'supervisor:450100';
/**
 * A Nanning county centre no other test file admits to: on a shared (deployed) stack the other files admit children
 * into 南宁市儿童福利院 while these tests read the report, so figures compared across two reads are this one's.
 */
const QUIET = 'MPC-450109';
const REGION = 'supervisor:450000';
const report = (as: string, query = `city=450100&period=${period}`) => hub().call('GET', `/v1/reports/progress?${query}`, { as });

async function admit(institutionId = NANNING) {
  const res = await hub().call('POST', '/v1/children', { as: `staff:${institutionId}`, body: admission({ institutionId, admittedOn: today, parentsUnknown: true, foundlingCertificateNumber: 'GA-2026-1' }) });
  expect(res.status).toBe(201);
  return res.body as { childId: string; tasks: { taskId: string; type: string; department: string; deadline: string }[] };
}

async function file(format: 'csv' | 'xlsx') {
  const res = await fetch(`${hub().apiUrl}/v1/reports/progress?city=450100&period=${period}&format=${format}`, {
    headers: { authorization: `Bearer ${hub().tokens[CITY]}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), data: Buffer.from(await res.arrayBuffer()) };
}

describe('the progress report through the API', () => {
  it('counts what the city holds, each figure with exactly its children and tasks, for the city and the region only', async (ctx) => {
    needsEmbedded(ctx, 'exact counts of an institution need a table no other test file writes to');
    const a = await admit();
    const b = await admit();
    await admit(LIUZHOU);
    const live = (await report(CITY)).body.live;
    const nanning = live.institutions.find((i: any) => i.institutionId === NANNING);
    expect(nanning.admissions.ids).toEqual([a.childId, b.childId].sort());
    expect(nanning.inCare.count).toBe(2);
    const pre = live.tasks.find((t: any) => t.type === 'medical-insurance.pre-enrollment');
    const opened = [a, b].map((c) => c.tasks.find((t) => t.type === pre.type)!.taskId).sort();
    expect(pre.opened).toEqual({ count: 2, ids: opened });
    expect(pre.open.ids).toEqual(opened);
    expect((await report(REGION)).body.live).toMatchObject({ cityCode: '450100', institutions: live.institutions });
  });

  // The whole region is every institution's index and partition (125 of each, ~300 Queries): seconds on a loaded
  // machine, where the default 30 s left no margin; scripts/bench/progress-report.ts measures it.
  it('covers the whole region for the region\'s supervisor, a Liuzhou child included', async () => {
    const liuzhou = await admit(LIUZHOU);
    const region = (await report(REGION, `city=450000&period=${period}`)).body.live;
    expect(region.institutions).toHaveLength(125);
    expect(region.institutions.find((i: any) => i.institutionId === LIUZHOU).admissions.ids).toContain(liuzhou.childId);
  }, 120_000);

  it('answers 403 to another city\'s supervisor, to staff and departments, and 400 naming a bad query field', async () => {
    expect((await report('supervisor:450200')).status).toBe(403);
    expect((await report(`staff:${NANNING}`)).status).toBe(403);
    expect((await report('department:medical-insurance')).status).toBe(403);
    expect((await report(CITY, `city=450000&period=${period}`)).status).toBe(403);
    const bad = await report(CITY, 'city=450100&period=2026-Q3');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path)).toEqual(['query.period']);
    expect((await report(CITY, `city=459900&period=${period}`)).body.issues[0].path).toBe('query.city');
  });

  it('keeps the submitted version exactly as submitted while the live figures move on', async () => {
    const submitted = await hub().call('POST', '/v1/reports/progress/submit', { as: 'supervisor:450100#u1', body: { city: '450100', period } });
    expect(submitted.status).toBe(201);
    expect(submitted.body.person.name).toBeTruthy();
    expect((await hub().call('POST', '/v1/reports/progress/submit', { as: REGION, body: { city: '450100', period } })).status).toBe(403);
    const before = submitted.body.report.institutions.find((i: any) => i.institutionId === QUIET).admissions.count;
    await admit(QUIET);
    const after = (await report(CITY)).body;
    expect(after.live.institutions.find((i: any) => i.institutionId === QUIET).admissions.count).toBe(before + 1);
    expect(after.submitted).toEqual(submitted.body);
    const again = await hub().call('POST', '/v1/reports/progress/submit', { as: CITY, body: { city: '450100', period } });
    expect(again.status).toBe(409);
  });

  it('exports XLSX with a sheet per section, Chinese headers and numbers as numbers, and CSV with every figure', async () => {
    // The quiet centre's row: the city's main institution's moved between the reads on the moto stage (8 against 7).
    await admit(QUIET);
    const live = (await report(CITY)).body.live;
    const [xlsx, csv] = [await file('xlsx'), await file('csv')];
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.from([xlsx.data]));
    expect(book.worksheets.map((s) => s.name)).toEqual(['机构', '移交', '任务', '证据']);
    const sheet = book.getWorksheet('机构')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['机构编码', '机构名称', '在院儿童', '新入院']);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === QUIET)!;
    const quiet = live.institutions.find((i: any) => i.institutionId === QUIET);
    expect(row.getCell(3).value).toBe(quiet.inCare.count);
    expect(row.getCell(4).value).toBe(quiet.admissions.count);
    expect(quiet.admissions.count).toBeGreaterThan(0);
    expect(typeof row.getCell(4).value).toBe('number');
    const evidence = book.getWorksheet('证据')!;
    const admitted = evidence.getRows(2, evidence.rowCount - 1)!.filter((r) => r.getCell(2).value === QUIET && r.getCell(3).value === '新入院');
    expect(admitted.map((r) => r.getCell(4).value).sort()).toEqual(quiet.admissions.ids);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const text = csv.data.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\n')[0]).toBe('部分,对象,指标,数值,证据编号');
    expect(text).toContain(`机构,${QUIET},新入院,${quiet.admissions.count},${quiet.admissions.ids.join(' ')}`);
  });

  it('writes the XLSX from the command line, as the supervisor whose token it is given', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hub-report-')), 'r.xlsx');
    const said: string[] = [];
    const io = { stdout: (t: string) => void said.push(t), stderr: (t: string) => void said.push(t), env: { HUB_TOKEN: hub().tokens[CITY] } };
    const args = ['--url', hub().apiUrl, 'report', '--city', '450100', '--period', period, '--format', 'xlsx', '--out', out];
    expect(await main(args, io)).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.from([readFileSync(out)]));
    expect(book.getWorksheet('任务')!.getRow(1).getCell(3).value).toBe('发起');
    expect(await main(['--url', hub().apiUrl, 'report', '--city', '450200', '--period', period], io)).toBe(1);
    expect(said.at(-1)).toContain('403');
  });
});

describe('overdue and escalation', () => {
  it('lists the city\'s overdue tasks oldest first, days late and whose move, paged with a sealed token', async (ctx) => {
    needsEmbedded(ctx, 'the test moves deadlines into the past in the table');
    const c = await admit();
    const moved = [];
    for (const [i, t] of (await readChild(hub(), c.childId)).tasks.entries() as [number, { taskId: string; status: string }][]) {
      const deadline = `2026-10-0${i + 1}T23:59:59+08:00`;
      await moveDeadline(t.taskId, deadline);
      moved.push(t.taskId);
    }
    const first = await hub().call('GET', '/v1/cities/450100/overdue?limit=1', { as: CITY });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(moved.length);
    expect(first.body.items[0]).toMatchObject({ taskId: moved[0], waitingOn: 'department' });
    expect(first.body.items[0].workingDaysLate).toBeGreaterThan(20);
    const all = [first.body.items[0].taskId];
    let token = first.body.nextToken;
    while (token) {
      const next = await hub().call('GET', `/v1/cities/450100/overdue?limit=1&nextToken=${token}`, { as: CITY });
      all.push(...next.body.items.map((i: any) => i.taskId));
      token = next.body.nextToken;
    }
    expect(all).toEqual(moved);
    const foreign = await hub().call('GET', `/v1/cities/450100/overdue?nextToken=${first.body.nextToken}`, { as: REGION });
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues[0].path).toBe('query.nextToken');
    expect((await hub().call('GET', '/v1/cities/450100/overdue', { as: 'supervisor:450200' })).status).toBe(403);
    const overview = (await hub().call('GET', '/v1/cities/450100/overview', { as: CITY })).body;
    expect(overview.overdue).toBe(moved.length);
    expect(overview.byDepartment.find((d: any) => d.department === 'medical-insurance')).toMatchObject({ overdue: 1 });
  });

  it('escalates a task left untouched to the city\'s supervisor, later to the region, in the task\'s history', async (ctx) => {
    needsEmbedded(ctx, 'the escalation sweep runs in process here');
    const c = await admit(LIUZHOU);
    const task = c.tasks.find((t) => t.type === 'medical-insurance.pre-enrollment')!;
    const deadline = Date.parse(task.deadline);
    // Two calendar weeks late is past the city's 5 working days, not the region's 20.
    expect(await hub().escalate(new Date(deadline + 14 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const mine = (who: string) => hub().call('GET', '/v1/escalations', { as: who }).then((r) => r.body.items.filter((e: any) => e.taskId === task.taskId));
    expect(await mine('supervisor:450200')).toMatchObject([{ escalationId: `${task.taskId}.E1`, level: 'city', status: 'open', to: 'supervisor:450200' }]);
    expect(await mine(REGION)).toEqual([]);
    expect(await mine(CITY)).toEqual([]);
    expect(await hub().escalate(new Date(deadline + 14 * 86_400_000))).toBe(0); // once per level
    await hub().escalate(new Date(deadline + 45 * 86_400_000));
    expect(await mine(REGION)).toMatchObject([{ escalationId: `${task.taskId}.E2`, level: 'region' }]);
    // The city's overdue list names the highest level the task reached (it once said 'city' for every escalation).
    await moveDeadline(task.taskId, '2026-10-01T23:59:59+08:00');
    const listed = (await hub().call('GET', '/v1/cities/450200/overdue', { as: 'supervisor:450200' })).body.items;
    expect(listed.find((i: any) => i.taskId === task.taskId)).toMatchObject({ escalated: 'region' });
    const history = (await readChild(hub(), c.childId, `staff:${LIUZHOU}`)).tasks.find((t: any) => t.taskId === task.taskId).history;
    expect(history.filter((h: any) => h.by === 'system:escalation').map((h: any) => h.reason.replace(/: \d+ working days late$/, ''))).toEqual([
      'escalated to supervisor:450200',
      'escalated to supervisor:450000',
    ]);
    const ack = await hub().call('POST', `/v1/escalations/${task.taskId}.E1/acknowledge`, { as: 'supervisor:450200', body: { note: '已约谈医保局' } });
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledged: { note: '已约谈医保局', by: 'supervisor:450200' } });
    expect((await hub().call('POST', `/v1/escalations/${task.taskId}.E1/acknowledge`, { as: 'supervisor:450200', body: { note: '再次' } })).status).toBe(409);
    expect((await hub().call('POST', `/v1/escalations/${task.taskId}.E1/acknowledge`, { as: CITY, body: { note: '越权' } })).status).toBe(404);
    const missing = await hub().call('POST', `/v1/escalations/${task.taskId}.E2/acknowledge`, { as: REGION, body: {} });
    expect(missing.body.issues[0].path).toBe('note');
  });
});
