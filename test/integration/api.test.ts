// The REST API through real HTTP, the real authorizer and handlers, on the emulators. No simulators here:
// the test acts as the department (pull delivery), so every move is the test's own.
import { describe, expect, it, vi } from 'vitest';
import { OVERDUE_METRIC } from '../../infra/schedules.ts';
import {
  admission,
  admitFoundling as admitHelper,
  eventually,
  LIUZHOU,
  NANNING,
  needsEmbedded,
  readChild as readChildHelper,
  readTask as readTaskHelper,
  untilTaskStatus,
  useHub,
} from '../helpers/hub.ts';
import { safetyInspectionV1 } from '../../contracts/fire-rescue/index.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { dnaComparisonV1, foundlingReportV1, hukouRegistrationV1 } from '../../contracts/public-security/index.ts';

const hub = useHub({ simulators: false });
const MI = 'department:medical-insurance';

/** A name no other request uses, for a refused admission to be looked for afterwards. */
const refusedName = () => `拒收${Math.random().toString(36).slice(2, 8)}`;

/**
 * Nothing stored: the institution lists no child of that name. (A count of a shared inbox moved with other files'
 * admissions on the moto stage's shared stack.)
 */
async function expectNoChildNamed(name: string) {
  const listed = await hub().call('GET', `/v1/institutions/${NANNING}/children?q=${encodeURIComponent(name)}`, { as: `staff:${NANNING}` });
  expect(listed.status).toBe(200);
  expect(listed.body.items).toEqual([]);
}

const admitFoundling = () => admitHelper(hub());
const readChild = (childId: string) => readChildHelper(hub(), childId);
const readTask = (childId: string, taskId: string) => readTaskHelper(hub(), childId, taskId);
const delivered = (childId: string, taskId: string) => untilTaskStatus(hub(), childId, taskId, 'delivered', 15_000);

const result = (over: Record<string, unknown> = {}) => ({
  insuredBefore: false,
  enrollmentNumber: 'YB-450100-0001',
  enrolledOn: '2026-11-21',
  benefitStartDate: '2026-11-21',
  contributionSubsidised: true,
  ...over,
});

describe('health and the API description', () => {
  it('answers without a token', async () => {
    const res = await hub().call('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('serves the published OpenAPI document, without a token', async () => {
    const res = await hub().call('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/children', '/v1/tasks/{taskId}/complete']));
  });
});

describe('admission', () => {
  it('opens pre-enrollment for a child whose parents are unknown, with history and deadline', async () => {
    const { res, childId } = await admitFoundling();
    expect(res.body.childId).toMatch(/^CH[0-9A-Z]{26}$/);
    const types = res.body.tasks.map((t: any) => t.type).sort();
    expect(types).toEqual([preEnrollmentV1.type, dnaComparisonV1.type]);
    const task = res.body.tasks.find((t: any) => t.type === preEnrollmentV1.type);
    expect(task).toMatchObject({ department: 'medical-insurance', status: 'dispatched', subjectId: childId, overdue: false });
    expect(task.deadline).toMatch(/T23:59:59\+08:00$/);
    expect(task.history.map((h: any) => [h.from, h.to, h.by])).toEqual([
      [null, 'requested', `staff:${NANNING}`],
      ['requested', 'dispatched', 'system:hub'],
    ]);
    // The department sees only its fields: no hukou, school or disability facts.
    expect(Object.keys(task.request).sort()).toEqual(
      ['admittedOn', 'birthDate', 'childId', 'gender', 'institutionId', 'name', 'subsidyCategory'].sort(),
    );
  });

  it('opens nothing for a child with known parents, hukou, no disability, under school age', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission() });
    expect(res.status).toBe(201);
    expect(res.body.tasks).toEqual([]);
  });

  it('refuses an invalid body with 400 naming each field, and stores nothing', async () => {
    const res = await hub().call('POST', '/v1/children', {
      as: `staff:${NANNING}`,
      body: admission({ gender: 'x', birthDate: '2023-02-30', idNumber: '110105194912310021', extra: 1 }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(['(body)', 'birthDate', 'gender', 'idNumber'].sort());
    // Each issue and the answer carry their Chinese, for a person.
    expect(res.body.message_zh).toBe('请求内容不符合要求');
    expect(res.body.issues.find((i: any) => i.path === '(body)')).toMatchObject({ message_zh: '含有不允许的字段' });
    const name = refusedName();
    const refused = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission({ name, parentsUnknown: 'yes' }) });
    expect(refused.status).toBe(400);
    await expectNoChildNamed(name);
  });

  it('says "required" for a field left out, in English and Chinese', async () => {
    const { name: _name, ...rest } = admission();
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: rest });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: 'name', message: 'required', message_zh: '必填' }]);
  });

  it('answers a JSON body sent without content-type: application/json by naming the header, storing nothing', async () => {
    const name = refusedName();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: JSON.stringify(admission({ name })), headers: { 'content-type': type } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'invalid_request',
        message: 'send `content-type: application/json` with a JSON body',
        message_zh: '请以 content-type: application/json 发送 JSON 请求体',
        issues: [{ path: 'header.content-type', message: 'send content-type: application/json', message_zh: '请以 content-type: application/json 发送' }],
      });
    }
    await expectNoChildNamed(name);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: '{"institutionId":' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('(body)');
  });

  it('answers a body with a __proto__ key with 400 naming it', async () => {
    const body = JSON.stringify(admission()).replace(/^\{/, '{"__proto__":{"admin":true},');
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.issues).toEqual([{ path: '__proto__', message: 'forbidden key', message_zh: '不允许的键' }]);
  });

  it('asks for the foundling facts its police report needs', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission({ parentsUnknown: true }) });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(['foundCountyCode', 'foundOn', 'foundPlace']);
  });

  it('is for the staff of that institution only (401 without a token, 403 for others)', async () => {
    const body = admission();
    expect((await hub().call('POST', '/v1/children', { body })).status).toBe(401);
    expect((await hub().call('POST', '/v1/children', { body, token: 'not-a-real-token-not-a-real-token-xx' })).status).toBe(401);
    const other = await hub().call('POST', '/v1/children', { as: `staff:${LIUZHOU}`, body });
    expect(other.status).toBe(403);
    expect((await hub().call('POST', '/v1/children', { as: MI, body })).status).toBe(403);
  });
});

describe('reading a child', () => {
  it('lets the institution and its city supervisor read; to others the child is unknown (404), departments 403', async () => {
    const { childId } = await admitFoundling();
    const own = await hub().call('GET', `/v1/children/${childId}`, { as: `staff:${NANNING}` });
    expect(own.status).toBe(200);
    expect(own.body.child).toMatchObject({ childId, institutionId: NANNING, cityCode: '450100' });
    expect(own.body.child).not.toHaveProperty('pk');
    expect(own.body.tasks).toHaveLength(2);
    expect((await hub().call('GET', `/v1/children/${childId}`, { as: 'supervisor:450100' })).status).toBe(200);
    expect((await hub().call('GET', `/v1/children/${childId}`, { as: 'supervisor:450200' })).status).toBe(404);
    expect((await hub().call('GET', `/v1/children/${childId}`, { as: `staff:${LIUZHOU}` })).status).toBe(404);
    expect((await hub().call('GET', `/v1/children/${childId}`, { as: MI })).status).toBe(403);
  });

  it('answers 404 for an unknown child id, 400 naming the pattern for a malformed one', async () => {
    expect((await hub().call('GET', `/v1/children/CH01JD${'0'.repeat(22)}`, { as: `staff:${NANNING}` })).status).toBe(404);
    const malformed = await hub().call('GET', '/v1/children/nope', { as: `staff:${NANNING}` });
    expect(malformed.status).toBe(400);
    expect(malformed.body.issues).toEqual([{ path: 'path.childId', message: expect.stringContaining('^CH[0-9A-HJKMNP-TV-Z]{26}$'), message_zh: '格式不正确' }]);
  });
});

describe('the task lifecycle through the partner API', () => {
  it('runs requested → dispatched → delivered → acknowledged → completed, recording each step', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    const ack = await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    if (ack.status !== 200) console.log(JSON.stringify((await readTask(childId, taskId)).history, null, 1));
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    const done = await hub().call('POST', `/v1/tasks/${taskId}/complete`, { as: MI, body: { result: result() } });
    expect(done.status).toBe(200);
    const task = await readTask(childId, taskId);
    expect(task.status).toBe('completed');
    expect(task.result).toEqual(result());
    expect(task.history.map((h: any) => `${h.from}>${h.to}`)).toEqual([
      'null>requested',
      'requested>dispatched',
      'dispatched>delivered',
      'delivered>acknowledged',
      'acknowledged>completed',
    ]);
    expect(task.history.at(-1).by).toBe(MI);
  });

  it('refuses with 409 what the lifecycle does not allow, and changes nothing', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    // Completing before acknowledging.
    const early = await hub().call('POST', `/v1/tasks/${taskId}/complete`, { as: MI, body: { result: result() } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: 'conflict', message_zh: '与当前状态冲突，未作任何更改' });
    expect(early.body.message).toMatch(/: cannot complete a task that is delivered: acknowledge first$/);
    await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    expect((await hub().call('POST', `/v1/tasks/${taskId}/complete`, { as: MI, body: { result: result() } })).status).toBe(200);
    const before = await readTask(childId, taskId);
    // Completing twice, rejecting after completion, acknowledging again.
    const twice = await hub().call('POST', `/v1/tasks/${taskId}/complete`, { as: MI, body: { result: result({ enrollmentNumber: 'OTHER' }) } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('conflict');
    expect((await hub().call('POST', `/v1/tasks/${taskId}/reject`, { as: MI, body: { reason: 'too late' } })).status).toBe(409);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} })).status).toBe(409);
    expect(await readTask(childId, taskId)).toEqual(before);
  });

  it('refuses a benefit start after the enrollment date with 422 (no waiting period), changing nothing', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    const before = await readTask(childId, taskId);
    const res = await hub().call('POST', `/v1/tasks/${taskId}/complete`, {
      as: MI,
      body: { result: result({ benefitStartDate: '2026-12-21' }) },
    });
    expect(res.status).toBe(422);
    expect(res.body.issues.map((i: any) => i.path)).toEqual(['result.benefitStartDate']);
    expect(await readTask(childId, taskId)).toEqual(before);
  });

  it('refuses a malformed result with 400 naming the fields, changing nothing', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    const before = await readTask(childId, taskId);
    const res = await hub().call('POST', `/v1/tasks/${taskId}/complete`, {
      as: MI,
      body: { result: { ...result({ enrolledOn: 'tomorrow' }), diagnosis: 'x' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(['result', 'result.enrolledOn']);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/reject`, { as: MI, body: { reason: '' } })).status).toBe(400);
    expect(await readTask(childId, taskId)).toEqual(before);
  });

  it('lets only the owning department act: another department gets 404 as for an unknown task, staff 403', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    const before = await readTask(childId, taskId);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: 'department:fire-rescue', body: {} })).status).toBe(404);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: `staff:${NANNING}`, body: {} })).status).toBe(403);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { body: {} })).status).toBe(401);
    expect(await readTask(childId, taskId)).toEqual(before);
    const unknown = `${childId}.T01JD${'0'.repeat(22)}`;
    expect((await hub().call('POST', `/v1/tasks/${unknown}/acknowledge`, { as: MI, body: {} })).status).toBe(404);
    expect((await hub().call('POST', '/v1/tasks/garbage/acknowledge', { as: MI, body: {} })).status).toBe(400);
  });

  it('records a rejection with its reason', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    const res = await hub().call('POST', `/v1/tasks/${taskId}/reject`, { as: MI, body: { reason: '已在外省参保' } });
    expect(res.status).toBe(200);
    const task = await readTask(childId, taskId);
    expect(task).toMatchObject({ status: 'rejected', statusReason: '已在外省参保' });
    expect(task.history.at(-1)).toMatchObject({ from: 'delivered', to: 'rejected', by: MI, reason: '已在外省参保' });
  });
});

describe('a department inbox', () => {
  it('lists its own tasks by status, paged with nextToken', async () => {
    for (let i = 0; i < 3; i++) await admitFoundling();
    const all: string[] = [];
    let nextToken: string | undefined;
    do {
      const q = `?status=delivered&limit=2${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`;
      const page = await eventually(async () => {
        const r = await hub().call('GET', `/v1/departments/medical-insurance/tasks${q}`, { as: MI });
        return r.status === 200 ? r : undefined;
      });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) {
        expect(item).toMatchObject({ department: 'medical-insurance', status: 'delivered' });
        expect(item).not.toHaveProperty('history');
        expect(item.request).toHaveProperty('subsidyCategory');
      }
      all.push(...page.body.items.map((i: any) => i.taskId));
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it('is the department’s own: 403 for others, 404 for unknown departments, 400 for bad queries', async () => {
    expect((await hub().call('GET', '/v1/departments/medical-insurance/tasks', { as: 'department:education' })).status).toBe(403);
    expect((await hub().call('GET', '/v1/departments/medical-insurance/tasks', { as: `staff:${NANNING}` })).status).toBe(403);
    expect((await hub().call('GET', '/v1/departments/tourism/tasks', { as: MI })).status).toBe(404);
    const bad = await hub().call('GET', '/v1/departments/medical-insurance/tasks?status=done&limit=0', { as: MI });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(['query.limit', 'query.status']);
    const token = await hub().call('GET', '/v1/departments/medical-insurance/tasks?nextToken=xyz', { as: MI });
    expect(token.status).toBe(400);
  });
});

describe('opening a task by hand', () => {
  it('opens a task for a child, and refuses a second open one of the same type (409)', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission() });
    const childId = res.body.childId;
    const open = await hub().call('POST', `/v1/children/${childId}/tasks`, {
      as: `staff:${NANNING}`,
      body: { type: preEnrollmentV1.type },
    });
    expect(open.status).toBe(201);
    expect(open.body).toMatchObject({ type: preEnrollmentV1.type, status: 'dispatched' });
    expect(open.body.request.subsidyCategory).toBe('none');
    const again = await hub().call('POST', `/v1/children/${childId}/tasks`, {
      as: `staff:${NANNING}`,
      body: { type: preEnrollmentV1.type },
    });
    expect(again.status).toBe(409);
    expect((await readChild(childId)).tasks).toHaveLength(1);
  });

  it('refuses unknown types (400), institution tasks for a child (400), and other institutions (404: not their child)', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission() });
    const childId = res.body.childId;
    const unknown = await hub().call('POST', `/v1/children/${childId}/tasks`, { as: `staff:${NANNING}`, body: { type: 'housing.rental' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues[0].path).toBe('type');
    const inst = await hub().call('POST', `/v1/children/${childId}/tasks`, {
      as: `staff:${NANNING}`,
      body: { type: safetyInspectionV1.type, input: { inspectionKind: 'periodic' } },
    });
    expect(inst.status).toBe(400);
    const other = await hub().call('POST', `/v1/children/${childId}/tasks`, {
      as: `staff:${LIUZHOU}`,
      body: { type: preEnrollmentV1.type },
    });
    expect(other.status).toBe(404);
    expect((await readChild(childId)).tasks).toHaveLength(0);
  });
});

describe('a department asks for information instead of rejecting', () => {
  it('waits on staff, who correct the facts; the task goes back to the department, not opened again', async () => {
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    const deadline = (await readTask(childId, taskId)).deadline;

    const ask = await hub().call('POST', `/v1/tasks/${taskId}/request-information`, {
      as: MI,
      body: { missing: [{ field: 'idNumber', message: '身份信息与登记记录不符，请提供公民身份号码' }] },
    });
    expect(ask.status).toBe(200);
    expect(ask.body).toMatchObject({ status: 'information-needed', missing: [{ field: 'idNumber' }] });
    // The deadline now is the staff's (5 working days); the department's remaining time is kept aside.
    expect(ask.body.deadline).toMatch(/T23:59:59\+08:00$/);
    expect((await readTask(childId, taskId)).heldSince).toBeDefined();
    // Only staff answer; completing meanwhile is refused.
    expect((await hub().call('POST', `/v1/tasks/${taskId}/complete`, { as: MI, body: { result: result() } })).status).toBe(409);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/supply-information`, { as: MI, body: { facts: {}, note: 'x' } })).status).toBe(403);
    const bad = await hub().call('POST', `/v1/tasks/${taskId}/supply-information`, {
      as: `staff:${NANNING}`,
      body: { facts: { idNumber: '110105194912310021' }, note: '补充身份证号' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('facts.idNumber');

    const supply = await hub().call('POST', `/v1/tasks/${taskId}/supply-information`, {
      as: `staff:${NANNING}`,
      body: { facts: { idNumber: '11010519491231002x' }, note: '补充身份证号' },
    });
    expect(supply.status).toBe(200);
    expect(supply.body).toMatchObject({ status: 'dispatched', requestVersion: 2 });
    expect(supply.body.request.idNumber).toBe('11010519491231002X');
    expect(supply.body).not.toHaveProperty('missing');
    expect(supply.body.heldSeconds).toBeGreaterThanOrEqual(0);
    // The department gets its remaining time back (to the second, give or take the wait).
    expect(Math.abs(Date.parse(supply.body.deadline) - Date.parse(deadline))).toBeLessThan(60_000);
    // The correction is the child's, visible to every later task.
    expect((await readChild(childId)).child.idNumber).toBe('11010519491231002X');

    const back = await delivered(childId, taskId);
    expect(back.history.map((h: any) => h.to)).toEqual([
      'requested', 'dispatched', 'delivered', 'acknowledged', 'information-needed', 'dispatched', 'delivered',
    ]);
    expect(back.history[4]).toMatchObject({ by: MI, reason: 'information needed: idNumber' });
    expect(back.history[5].by).toBe(`staff:${NANNING}`);
    expect(back.history[5].reason).toMatch(/^supplied idNumber: 补充身份证号/);
  });
});

describe('a rejected prerequisite', () => {
  it('cancels the task waiting for it, with the reason', async () => {
    const res = await hub().call('POST', '/v1/children', {
      as: `staff:${NANNING}`,
      body: admission({ parentsUnknown: true, hukouRegistered: false, foundPlace: '南宁站', foundCountyCode: '450103', foundOn: '2026-11-18' }),
    });
    const report = res.body.tasks.find((t: any) => t.type === foundlingReportV1.type);
    const reg = res.body.tasks.find((t: any) => t.type === hukouRegistrationV1.type);
    expect(reg.status).toBe('requested');
    await delivered(res.body.childId, report.taskId);
    const rej = await hub().call('POST', `/v1/tasks/${report.taskId}/reject`, { as: 'department:public-security', body: { reason: '报案地点不在本辖区' } });
    expect(rej.status).toBe(200);
    const after = await readTask(res.body.childId, reg.taskId);
    expect(after.status).toBe('cancelled');
    expect(after.statusReason).toBe(`prerequisite ${foundlingReportV1.type} (${report.taskId}) was rejected: 报案地点不在本辖区`);
    expect(after.history.at(-1)).toMatchObject({ from: 'requested', to: 'cancelled', by: 'system:dependencies' });
  });
});

describe('deadlines', () => {
  it('the overdue sweep flags open tasks past their deadline, in every read model, and leaves finished ones', async (ctx) => {
    needsEmbedded(ctx, 'the overdue sweep runs in process here; a deployed stack runs it on its schedule');
    const { childId, taskId } = await admitFoundling();
    await delivered(childId, taskId);
    const other = (await readChild(childId)).tasks.find((t: any) => t.taskId !== taskId);
    // The other task finishes; only the open one can be late.
    await hub().call('POST', `/v1/tasks/${other.taskId}/acknowledge`, { as: 'department:public-security', body: {} });
    await hub().call('POST', `/v1/tasks/${other.taskId}/reject`, { as: 'department:public-security', body: { reason: '重复申请' } });
    const before = await readTask(childId, taskId);
    expect(before.overdue).toBe(false);
    // A month after the deadline.
    const later = new Date(Date.parse(before.deadline) + 30 * 86_400_000);
    const { flagged, overdue } = await hub().flagOverdue(later);
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(overdue).toBeGreaterThanOrEqual(flagged);
    const after = await readTask(childId, taskId);
    expect(after).toMatchObject({ overdue: true, status: 'delivered' });
    expect(after.history).toEqual(before.history); // a flag, not a transition
    expect((await readTask(childId, other.taskId)).overdue).toBe(false);
    const inbox = await hub().call('GET', '/v1/departments/medical-insurance/tasks?status=delivered&limit=100', { as: MI });
    expect(inbox.body.items.find((i: any) => i.taskId === taskId).overdue).toBe(true);
    // Flagging again changes nothing; completing late keeps the flag as a record.
    expect((await hub().flagOverdue(later)).flagged).toBe(0);
    await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    expect((await readTask(childId, taskId)).overdue).toBe(true);
  });

  it('the overdue function publishes how many tasks are overdue, as the metric its alarm watches', async (ctx) => {
    needsEmbedded(ctx, 'the function runs in process here, against the hub’s table');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', OVERDUE_METRIC.namespace);
    const { handler } = await import('../../services/schedules/overdue.ts');
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    let swept: Awaited<ReturnType<typeof handler>>;
    try {
      swept = await handler();
    } finally {
      write.mockRestore();
    }
    const emf = lines.map((l) => JSON.parse(l)).find((l) => l._aws);
    expect(emf._aws.CloudWatchMetrics).toEqual([
      { Namespace: OVERDUE_METRIC.namespace, Dimensions: [Object.keys(OVERDUE_METRIC.dimensionsMap)], Metrics: [{ Name: OVERDUE_METRIC.metricName, Unit: 'Count' }] },
    ]);
    expect(emf).toMatchObject({ ...OVERDUE_METRIC.dimensionsMap, [OVERDUE_METRIC.metricName]: swept.overdue });
  });
});
