// Each role's main commands through `hub` against the running hub, --json parsed, and every error exit.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admission, admitFoundling, eventually, NANNING, untilTaskStatus, useHub } from '../helpers/hub.ts';
import { periodOf } from '../../services/reports/period.ts';
import { cliDir, hubCli } from './helpers.ts';

const dir = cliDir();
const hub = useHub({ inMemory: false, dataDir: dir, simulators: false });
const env = { HUB_CREDENTIALS: join(dir, 'credentials.json') };
const cli = (args: string[], extra: Record<string, string> = {}) => hubCli(args, { ...env, ...extra });
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
/** China time as a table shows it, worked out here on its own: eight hours on, to the second. */
const chinaClock = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const json = async (args: string[]) => {
  const r = await cli(['--json', ...args]);
  expect(r, r.stderr).toMatchObject({ exit: 0 });
  return JSON.parse(r.stdout);
};

describe('hub command line against the local hub', () => {
  it('finds the local hub on its own and lists the principals', async () => {
    expect(hub().credentialsFile).toBe(env.HUB_CREDENTIALS);
    const principals = await json(['principals', '--kind', 'department']);
    expect(principals.map((p: { principal: string }) => p.principal)).toContain('department:medical-insurance');
    expect((await json(['--as', `staff:${NANNING}`, 'me'])).kind).toBe('staff');
  });

  it('staff admit, read the child and its timeline, list the children; the department works its inbox', async () => {
    const facts = join(dir, 'facts.json');
    writeFileSync(facts, JSON.stringify(admission({ parentsUnknown: true, foundlingCertificateNumber: 'NN-CLI-1' })));
    const admitted = await json(['--as', `staff:${NANNING}`, 'admit', '-f', facts, '--set', 'name=命令行儿童']);
    expect(admitted.childId).toMatch(/^CH/);
    const pre = admitted.tasks.find((t: { department: string }) => t.department === 'medical-insurance');

    const child = await json(['--as', `staff:${NANNING}`, 'child', admitted.childId]);
    expect(child.child.name).toBe('命令行儿童');
    const table = await cli(['--as', `staff:${NANNING}`, 'child', admitted.childId]);
    expect(table.stdout).toContain('任务编号');
    expect(table.stdout).toContain(pre.taskId);
    // The table is for people: China time and Chinese names; --json keeps the API's ISO instants and principals.
    const admittedEntry = child.tasks[0].history[0];
    expect(admittedEntry).toMatchObject({ at: expect.stringMatching(ISO_INSTANT), by: `staff:${NANNING}` });
    const timelineRows = table.stdout.split('\n').filter((l) => l.includes(chinaClock(admittedEntry.at)));
    expect(timelineRows.some((l) => l.includes('南宁市儿童福利院')), table.stdout).toBe(true);
    expect(table.stdout).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(table.stdout).not.toContain(`staff:${NANNING}`);

    const listed = await json(['--as', `staff:${NANNING}`, 'children', NANNING, '-q', '命令行']);
    expect(listed.items.map((c: { childId: string }) => c.childId)).toEqual([admitted.childId]);

    const dept = ['--as', 'department:medical-insurance'];
    const inbox = await json([...dept, 'inbox', 'medical-insurance']);
    expect(inbox.items.map((t: { taskId: string }) => t.taskId)).toContain(pre.taskId);
    const inboxRow = (await cli([...dept, 'inbox', 'medical-insurance'])).stdout.split('\n').find((l) => l.includes(pre.taskId));
    expect(inboxRow).toContain('医疗保障局');
    expect((await json([...dept, 'acknowledge', pre.taskId, '--note', '已签收'])).status).toBe('acknowledged');
    const reject = await json([...dept, 'reject', pre.taskId, '--reason', '测试退回']);
    expect(reject.status).toBe('rejected');
  });

  it('a supervisor lists who looked at a child: the staff read above, as a table and as JSON', async () => {
    const facts = join(dir, 'reads.json');
    writeFileSync(facts, JSON.stringify(admission()));
    const admitted = await json(['--as', `staff:${NANNING}#u1`, 'admit', '-f', facts]);
    await json(['--as', `staff:${NANNING}#u1`, 'child', admitted.childId]);
    const reads = await eventually(async () => {
      const page = await json(['--as', 'supervisor:450100', 'reads', admitted.childId]);
      return page.items.length ? page.items : undefined;
    }, 15_000, 'the read record');
    expect(reads).toEqual([expect.objectContaining({ by: `staff:${NANNING}`, person: { id: 'u1', name: '张三' }, route: 'GET /v1/children/{childId}' })]);
    const table = await cli(['--as', 'supervisor:450100', 'reads', admitted.childId]);
    expect(reads[0].at).toMatch(ISO_INSTANT);
    const row = table.stdout.split('\n').find((l) => l.includes('张三（南宁市儿童福利院）'));
    expect(row).toContain(chinaClock(reads[0].at));
    expect(row).toContain('儿童档案');
    expect(table.stdout).not.toContain(`staff:${NANNING}`);
    const refused = await cli(['--as', 'supervisor:450200', 'reads', admitted.childId]);
    expect(refused.exit).toBe(1);
  });

  it("a supervisor fetches the city's progress report as JSON and as CSV and XLSX files; another city's is refused", async () => {
    const period = periodOf(new Date().toISOString().slice(0, 10));
    const sup = ['--as', 'supervisor:450100'];
    const live = (await json([...sup, 'report', '--city', '450100', '--period', period])).live;
    expect(live).toMatchObject({ cityCode: '450100' });
    const csv = join(dir, 'report.csv');
    const wrote = await json([...sup, 'report', '--city', '450100', '--period', period, '--format', 'csv', '--out', csv]);
    expect(wrote).toMatchObject({ file: csv, bytes: statSync(csv).size });
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('\ufeff部分,对象,指标,数值,证据编号');
    const xlsx = join(dir, 'report.xlsx');
    expect((await cli([...sup, 'report', '--city', '450100', '--period', period, '--format', 'xlsx', '--out', xlsx])).exit).toBe(0);
    // An XLSX file is a zip archive.
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    const other = await cli(['--as', 'supervisor:450200', 'report', '--city', '450100', '--period', period]);
    expect(other).toMatchObject({ exit: 1, stdout: '', stderr: expect.stringMatching(/^hub: the hub refused with 403/) });
    const pdf = await cli([...sup, 'report', '--city', '450100', '--period', period, '--format', 'pdf']);
    expect(pdf).toMatchObject({ exit: 2, stderr: expect.stringMatching(/'pdf' is invalid/) });
  });

  it('bad arguments exit 2 with one line', async () => {
    const [unknown, missing, noPrincipal, help] = await Promise.all([
      cli(['admitt']),
      cli(['reject', 'X']),
      cli(['--as', 'staff:CWI-999999', 'me']),
      cli(['--help']),
    ]);
    expect(unknown.exit).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'admitt'/);
    expect(missing.exit).toBe(2);
    expect(missing.stderr).toMatch(/required option '--reason <text>' not specified/);
    expect(noPrincipal).toMatchObject({ exit: 2, stdout: '' });
    expect(noPrincipal.stderr).toMatch(/^hub: --as staff:CWI-999999: no such principal/);
    expect(help.exit).toBe(0);
  });

  it('refusals exit 1 naming the status and the fields: 400, 401, 403, 404', async () => {
    const staff = ['--as', `staff:${NANNING}`];
    // Independent refusals, side by side (each is a process start).
    const [bad, unauthorised, forbidden, unknown] = await Promise.all([
      cli([...staff, 'admit', '--set', `institutionId=${NANNING}`, '--set', 'name=x']),
      cli(['me'], { HUB_TOKEN: 'x'.repeat(43) }),
      cli(['--as', 'department:education', 'children', NANNING]),
      cli([...staff, 'child', 'CH01ARZ3NDEKTSV4RRFFQ69G5FAV']),
    ]);
    expect(bad.exit).toBe(1);
    expect(bad.stderr).toMatch(/^hub: the hub refused with 400: .*gender/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(unauthorised).toMatchObject({ exit: 1, stderr: expect.stringMatching(/refused with 401/) });
    expect(forbidden).toMatchObject({ exit: 1, stderr: expect.stringMatching(/refused with 403/) });
    expect(unknown).toMatchObject({ exit: 1, stderr: expect.stringMatching(/refused with 404/) });
  });

  it('a department completes from a result file; completing before acknowledging is a 409', async () => {
    const { childId, taskId } = await admitFoundling(hub(), 'NN-CLI-409');
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    // Completing before acknowledging: the lifecycle refuses.
    const result = join(dir, 'result.json');
    writeFileSync(result, JSON.stringify({ insuredBefore: false, enrollmentNumber: 'YB-CLI-1', enrolledOn: '2026-11-21', benefitStartDate: '2026-11-21' }));
    const mi = ['--as', 'department:medical-insurance'];
    const early = await cli([...mi, 'complete', taskId, '-f', result, '--set', 'contributionSubsidised=true']);
    expect(early).toMatchObject({ exit: 1, stderr: expect.stringMatching(/^hub: the hub refused with 409: /) });
    await cli([...mi, 'acknowledge', taskId]);
    const done = await json([...mi, 'complete', taskId, '-f', result, '--set', 'contributionSubsidised=true']);
    expect(done).toMatchObject({ status: 'completed', result: { enrollmentNumber: 'YB-CLI-1', contributionSubsidised: true } });
  });

  it('says when no hub is running, exit 1', async () => {
    const r = await cli(['--as', `staff:${NANNING}`, '--url', 'http://127.0.0.1:9', 'me']);
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(/^hub: no hub answers at http:\/\/127\.0\.0\.1:9 .*start it with npm start/);
  });
});
