// What a department is told and what an outsider may learn (docs/security.md), and the local authorizer cache.
// Reproduces what an outside probe got through; [matrix] is the class for the security suite. No simulators: the
// test acts as the departments.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checklist, city, POLICE, receivedWhileInformationNeeded, untilStatusAs } from '../helpers/transfer.ts';
import { admission, admitFoundling, eventually, LIUZHOU, NANNING, needsEmbedded, readChild, useHub, type Reply } from '../helpers/hub.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { dnaComparisonV1 } from '../../contracts/public-security/index.ts';

const hub = useHub({ simulators: false });
const MI = 'department:medical-insurance';
const untilStatus = (childId: string, taskId: string, status: string, as: string) => untilStatusAs(hub(), childId, taskId, status, as);
const inbox = (query: string) => hub().call('GET', `/v1/departments/medical-insurance/tasks?${query}`, { as: MI });

/** What a department may see of its task: the push's fields and the state its own calls produce. */
const DEPARTMENT_FIELDS = [
  'taskId', 'type', 'contractVersion', 'department', 'subjectId', 'status', 'deadline', 'overdue', 'request',
  'requestVersion', 'result', 'missing', 'updatedAt',
];
const pick = (body: Record<string, unknown>) => Object.keys(body).filter((k) => !DEPARTMENT_FIELDS.includes(k));

describe('[matrix] every answer to a department is its contract view', () => {
  it('acknowledge, request-information, complete and reject answer with the department’s fields only', async () => {
    const { childId, taskId } = await admitFoundling(hub());
    await untilStatus(childId, taskId, 'delivered', city);
    const ack = await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    expect(ack.status).toBe(200);
    expect(pick(ack.body)).toEqual([]);
    const ask = await hub().call('POST', `/v1/tasks/${taskId}/request-information`, {
      as: MI,
      body: { missing: [{ field: 'idNumber', message: '请提供公民身份号码' }] },
    });
    expect(pick(ask.body)).toEqual([]);
    expect(ask.body.missing).toEqual([{ field: 'idNumber', message: '请提供公民身份号码' }]);
    await hub().call('POST', `/v1/tasks/${taskId}/supply-information`, { as: city, body: { facts: { idNumber: '11010519491231002X' }, note: '补充' } });
    await untilStatus(childId, taskId, 'delivered', city);
    await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} });
    const done = await hub().call('POST', `/v1/tasks/${taskId}/complete`, {
      as: MI,
      body: {
        result: {
          insuredBefore: false,
          enrollmentNumber: 'YB-450100-0002',
          enrolledOn: '2026-11-21',
          benefitStartDate: '2026-11-21',
          contributionSubsidised: true,
        },
      },
    });
    expect(done.status).toBe(200);
    expect(pick(done.body)).toEqual([]);
    expect(done.body.result.enrollmentNumber).toBe('YB-450100-0002');
    // The staff's note and principal are in the history; the department's answers carry neither.
    expect(JSON.stringify([ack.body, ask.body, done.body])).not.toMatch(/staff:|补充/);

    const dna = (await readChild(hub(), childId, city)).tasks.find((t: any) => t.type === dnaComparisonV1.type);
    await untilStatus(childId, dna.taskId, 'delivered', city);
    const rejected = await hub().call('POST', `/v1/tasks/${dna.taskId}/reject`, { as: POLICE, body: { reason: '无需比对' } });
    expect(rejected.status).toBe(200);
    expect(pick(rejected.body)).toEqual([]);
  });

  it('the inbox carries the same fields, whatever the index projects', async () => {
    await admitFoundling(hub());
    const page = await eventually(async () => {
      const r = await inbox('limit=100');
      return r.status === 200 && r.body.items.length ? r : undefined;
    });
    for (const item of page.body.items) expect(pick(item)).toEqual([]);
  });
});

describe('[matrix] an outsider learns nothing an unknown id would not tell', () => {
  const unknownChild = `CH01JD${'0'.repeat(22)}`;
  const shape = (res: Reply, id: string) => ({ status: res.status, body: JSON.parse(JSON.stringify(res.body).replaceAll(id, '<id>')) });

  it('answers another institution’s or city’s child, task and transfer exactly as an unknown one', async () => {
    const { childId, taskId } = await admitFoundling(hub());
    const unknownTask = `${childId.slice(0, -1)}${childId.endsWith('0') ? '1' : '0'}.T01JD${'0'.repeat(22)}`;
    for (const as of [`staff:${LIUZHOU}`, 'supervisor:450200']) {
      expect(shape(await hub().call('GET', `/v1/children/${childId}`, { as }), childId)).toEqual(
        shape(await hub().call('GET', `/v1/children/${unknownChild}`, { as }), unknownChild),
      );
    }
    for (const [method, suffix, body] of [
      ['POST', 'supply-information', { facts: { name: '改名' }, note: '改名' }],
      ['POST', 'resume', {}],
    ] as const) {
      expect(shape(await hub().call(method, `/v1/tasks/${taskId}/${suffix}`, { as: `staff:${LIUZHOU}`, body }), taskId)).toEqual(
        shape(await hub().call(method, `/v1/tasks/${unknownTask}/${suffix}`, { as: `staff:${LIUZHOU}`, body }), unknownTask),
      );
    }
    expect(shape(await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: 'department:fire-rescue', body: {} }), taskId)).toEqual(
      shape(await hub().call('POST', `/v1/tasks/${unknownTask}/acknowledge`, { as: 'department:fire-rescue', body: {} }), unknownTask),
    );
    const { transferId } = await receivedWhileInformationNeeded(hub());
    const unknownTransfer = `TR01JD${'0'.repeat(22)}`;
    expect(shape(await hub().call('GET', `/v1/transfers/${transferId}`, { as: `staff:${LIUZHOU}` }), transferId)).toEqual(
      shape(await hub().call('GET', `/v1/transfers/${unknownTransfer}`, { as: `staff:${LIUZHOU}` }), unknownTransfer),
    );
  });

  it('says in a 403 what the caller is not, never who the owner is', async () => {
    const { childId, taskId } = await admitFoundling(hub());
    const { transferId } = await receivedWhileInformationNeeded(hub());
    const refusals = await Promise.all([
      hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: city, body: {} }),
      hub().call('POST', `/v1/tasks/${taskId}/supply-information`, { as: MI, body: { facts: { name: '改名' }, note: '改名' } }),
      hub().call('POST', `/v1/children/${childId}/tasks`, { as: 'supervisor:450100', body: { type: preEnrollmentV1.type } }),
      hub().call('GET', '/v1/departments/medical-insurance/tasks', { as: 'department:education' }),
      hub().call('POST', '/v1/children', { as: `staff:${LIUZHOU}`, body: admission() }),
      hub().call('POST', `/v1/transfers/${transferId}/send`, { as: city, body: { on: '2026-11-24', checklist } }),
      hub().call('GET', `/v1/institutions/${NANNING}`, { as: `staff:${LIUZHOU}` }),
    ]);
    for (const r of refusals) {
      expect(r.status).toBe(403);
      expect(r.body.message).not.toMatch(/CWI-|MPC-|medical-insurance|public-security|450100/);
    }
  });

  it('cuts what it echoes of a caller’s input to a short length', async () => {
    const { childId } = await admitFoundling(hub());
    const type = await hub().call('POST', `/v1/children/${childId}/tasks`, { as: city, body: { type: 'x'.repeat(5000) } });
    expect(type.status).toBe(400);
    expect(JSON.stringify(type.body).length).toBeLessThan(400);
    const key = await hub().call('POST', '/v1/children', { as: city, body: { ...admission(), ['k'.repeat(5000)]: 1 } });
    expect(key.status).toBe(400);
    expect(JSON.stringify(key.body).length).toBeLessThan(600);
  });
});

/** The status of a GET sent with exactly these header lines (fetch would merge repeated headers). */
function rawGet(apiUrl: string, path: string, headers: string[]): Promise<number> {
  const { hostname, port } = new URL(apiUrl);
  return new Promise((resolve, reject) => {
    // Written, not ended: a half-closed socket would end the exchange before the answer. The server closes it.
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])));
    socket.on('error', reject);
  });
}

describe('[matrix] the local authorizer cache keys on the token the authorizer reads', () => {
  it('refuses two Authorization headers whether or not a pair of them was cached before', async (ctx) => {
    needsEmbedded(ctx, 'the local gateway’s authorizer cache; API Gateway keys its own cache');
    const token = hub().tokens[city]!;
    const path = `/v1/children/CH01JD${'0'.repeat(22)}`;
    const mixed = [`Authorization: Bearer ${token}`, `authorization: Bearer ${token}`];
    const same = [`Authorization: Bearer ${token}`, `Authorization: Bearer ${token}`];
    expect(await rawGet(hub().apiUrl, path, mixed)).toBe(401);
    expect(await rawGet(hub().apiUrl, path, same)).toBe(401);
    expect(await rawGet(hub().apiUrl, path, mixed)).toBe(401);
    // One header, any spelling of the scheme: the same token, allowed.
    expect(await rawGet(hub().apiUrl, path, [`authorization: bEaReR ${token}`])).toBe(404);
  });
});
