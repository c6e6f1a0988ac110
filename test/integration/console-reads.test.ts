// The reads the console needs (issue 10): who a token stands for, an institution's children searched and filtered,
// a department's own task by id, with the scope rules of docs/security.md; the birth-date rule of admission; and the
// local sign-in list, confined to this machine.
import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { admission, admitFoundling, eventually, LIUZHOU, NANNING, readChild, useHub } from '../helpers/hub.ts';
import { needsEmbedded } from '../helpers/target.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { dnaComparisonV1 } from '../../contracts/public-security/index.ts';

const hub = useHub({ simulators: false });
const staff = `staff:${NANNING}`;

describe('GET /v1/me', () => {
  it('names each kind of caller for a person', async () => {
    const s = await hub().call('GET', '/v1/me', { as: staff });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ principal: staff, kind: 'staff', name: '南宁市儿童福利院', cityCode: '450100', institution: { kind: 'city-welfare' } });
    expect((await hub().call('GET', '/v1/me', { as: 'department:education' })).body).toEqual({
      principal: 'department:education', kind: 'department', name: '教育局（全区）', department: 'education',
    });
    expect((await hub().call('GET', '/v1/me', { as: 'department:education@450200' })).body).toEqual({
      principal: 'department:education@450200', kind: 'department', name: '柳州市教育局', department: 'education', cityCode: '450200',
    });
    expect((await hub().call('GET', '/v1/me', { as: 'supervisor:450200' })).body).toMatchObject({ kind: 'supervisor', name: '柳州市民政局' });
    expect((await hub().call('GET', '/v1/me', { as: 'supervisor:450000' })).body).toMatchObject({ kind: 'supervisor', name: '自治区民政厅', cityCode: '450000' });
    // A person of the institution: the principal is the organisation, the person beside it.
    expect((await hub().call('GET', '/v1/me', { as: `${staff}#u1` })).body).toMatchObject({ principal: staff, name: '南宁市儿童福利院', person: { id: 'u1', name: '张三' } });
    expect((await hub().call('GET', '/v1/me')).status).toBe(401);
  });
});

describe('GET /v1/institutions/{id}/children', () => {
  it('lists the children with their tasks, newest admission first, searched and filtered', async (ctx) => {
    // It counts an institution's children: a deployed stack's one table holds every test file's.
    needsEmbedded(ctx, 'a table of its own, as each embedded hub has');
    const plain = await hub().call('POST', '/v1/children', { as: staff, body: admission({ name: '覃小明', admittedOn: '2026-11-02' }) });
    expect(plain.status).toBe(201);
    const { childId } = await admitFoundling(hub());
    const list = async (q = '') => (await hub().call('GET', `/v1/institutions/${NANNING}/children${q}`, { as: staff })).body;
    const all = await list();
    expect(all.items.map((c: { childId: string }) => c.childId)).toEqual([childId, plain.body.childId]);
    expect(all.items[0].tasks.map((t: { type: string }) => t.type).sort()).toEqual([preEnrollmentV1.type, dnaComparisonV1.type]);
    expect(Object.keys(all.items[0].tasks[0]).sort()).toEqual(['deadline', 'department', 'overdue', 'status', 'taskId', 'type', 'updatedAt']);
    expect(all.examined).toBe(2);
    expect(all.nextToken).toBeUndefined();

    expect((await list('?q=小明')).items.map((c: { name: string }) => c.name)).toEqual(['覃小明']);
    expect((await list('?department=medical-insurance')).items.map((c: { childId: string }) => c.childId)).toEqual([childId]);
    expect((await list('?department=education')).items).toEqual([]);
    await eventually(async () => ((await readChild(hub(), childId)).tasks.every((t: { status: string }) => t.status === 'delivered') ? true : undefined));
    expect((await list('?status=delivered&department=public-security')).items).toHaveLength(1);
    expect((await list('?status=completed')).items).toEqual([]);
    expect((await list('?overdue=true')).items).toEqual([]);

    const first = await list('?limit=1');
    expect(first.items.map((c: { childId: string }) => c.childId)).toEqual([childId]);
    const second = await list(`?limit=1&nextToken=${first.nextToken}`);
    expect(second.items.map((c: { childId: string }) => c.childId)).toEqual([plain.body.childId]);
  });

  it('refuses a malformed page token or filter, naming it, and keeps to the scope rules', async () => {
    const bad = await hub().call('GET', `/v1/institutions/${NANNING}/children?nextToken=abc`, { as: staff });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'query.nextToken', message: 'not a token this API returned', message_zh: '分页令牌无效，请从第一页重新查询' }]);
    const status = await hub().call('GET', `/v1/institutions/${NANNING}/children?status=done`, { as: staff });
    expect(status.status).toBe(400);
    expect(status.body.issues[0].path).toBe('query.status');
    expect((await hub().call('GET', `/v1/institutions/${NANNING}/children`, { as: `staff:${LIUZHOU}` })).status).toBe(403);
    expect((await hub().call('GET', `/v1/institutions/${NANNING}/children`, { as: 'department:education' })).status).toBe(403);
    expect((await hub().call('GET', `/v1/institutions/${NANNING}/children`, { as: 'supervisor:450100' })).status).toBe(200);
    expect((await hub().call('GET', `/v1/institutions/${NANNING}/children`, { as: 'supervisor:450200' })).status).toBe(403);
    expect((await hub().call('GET', '/v1/institutions/CWI-459900/children', { as: staff })).status).toBe(404);
  });
});

describe('GET /v1/tasks/{taskId}', () => {
  it('gives the owning department its view of the task, and anyone else the answer an unknown id gets', async () => {
    const { taskId } = await admitFoundling(hub(), 'NN-GA-2026-0777');
    const own = await hub().call('GET', `/v1/tasks/${taskId}`, { as: 'department:medical-insurance' });
    expect(own.status).toBe(200);
    expect(own.body.taskId).toBe(taskId);
    for (const hidden of ['history', 'input', 'inputFacts', 'institutionId', 'cityCode', 'statusReason']) expect(own.body).not.toHaveProperty(hidden);
    const other = await hub().call('GET', `/v1/tasks/${taskId}`, { as: 'department:education' });
    const unknown = await hub().call('GET', `/v1/tasks/${taskId.slice(0, -1)}0`, { as: 'department:education' });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.body.message.replace(taskId, '<id>')).toBe(unknown.body.message.replace(`${taskId.slice(0, -1)}0`, '<id>'));
    expect((await hub().call('GET', `/v1/tasks/${taskId}`, { as: staff })).status).toBe(403);
  });
});

describe('admission', () => {
  it('refuses a birth date after the admission date, naming birthDate, and creates nothing', async () => {
    const before = (await hub().call('GET', `/v1/institutions/${LIUZHOU}/children`, { as: `staff:${LIUZHOU}` })).body.items.length;
    const res = await hub().call('POST', '/v1/children', {
      as: `staff:${LIUZHOU}`,
      body: admission({ institutionId: LIUZHOU, birthDate: '2026-11-21', admittedOn: '2026-11-20' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: 'birthDate', message: 'the birth date cannot be after the admission date', message_zh: '出生日期不能晚于入院日期' }]);
    expect((await hub().call('GET', `/v1/institutions/${LIUZHOU}/children`, { as: `staff:${LIUZHOU}` })).body.items).toHaveLength(before);
  });
});

describe('the console at the API origin', () => {
  it('serves the pages, the config and the local sign-in list on loopback only', async () => {
    const base = hub().apiUrl;
    const page = await fetch(`${base}/children/CH01ABC.T01`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="app">');
    expect(await (await fetch(`${base}/console-config.json`)).json()).toEqual({ signIn: 'local' });
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/.sources.json`)).status).toBe(404);

    const list = (await (await fetch(`${base}/local/principals`)).json()) as { principals: { principal: string; name: string }[] };
    expect(list.principals).toContainEqual(expect.objectContaining({ principal: staff, name: '南宁市儿童福利院' }));
    const signIn = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${base}/local/sign-in`, { method: 'POST', headers, body: JSON.stringify(body) });
    const ok = await signIn({ principal: staff });
    expect(((await ok.json()) as { token: string }).token).toBe(hub().tokens[staff]);
    expect((await signIn({ principal: 'staff:CWI-459900' })).status).toBe(400);
    expect((await signIn({ principal: staff }, { 'content-type': 'text/plain' })).status).toBe(403);
    expect((await signIn({ principal: staff }, { 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
    // A foreign host name that resolves here (DNS rebinding) gets nothing.
    const rebound = await new Promise<number>((done, fail) =>
      get(`${base}/local/principals`, { headers: { host: 'evil.example' } }, (res) => done(res.resume().statusCode!)).on('error', fail),
    );
    expect(rebound).toBe(404);
  });
});
