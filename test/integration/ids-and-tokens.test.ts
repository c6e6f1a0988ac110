// Malformed ids and forged page tokens never reach the table: a 400 naming the parameter. Reproduces what an
// outside probe got through (500s); [fuzz] is the class for the security suite.
import { describe, expect, it } from 'vitest';
import { checklist, city, county } from '../helpers/transfer.ts';
import { admitFoundling, eventually, useHub, type Reply } from '../helpers/hub.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

const hub = useHub({ simulators: false });
const MI = 'department:medical-insurance';

const inbox = (department: string, query: string, as = `department:${department}`) =>
  hub().call('GET', `/v1/departments/${department}/tasks?${query}`, { as });

/** A nextToken of the medical-insurance inbox, for tasks delivered. */
async function deliveredPageToken(): Promise<string> {
  await admitFoundling(hub());
  await admitFoundling(hub());
  return eventually(async () => {
    const page = await inbox('medical-insurance', 'status=delivered&limit=1', MI);
    return page.status === 200 && page.body.nextToken ? (page.body.nextToken as string) : undefined;
  }, 15_000, 'a second page');
}

const refusedToken = (res: Reply) => {
  expect(res.status).toBe(400);
  expect(res.body.issues.map((i: any) => i.path)).toEqual(['query.nextToken']);
};

describe('[fuzz] paging tokens are opaque, tamper-evident and bound to the caller and the query', () => {
  it('refuses another department’s token, a token replayed with another status, a forged or altered one', async () => {
    const token = await deliveredPageToken();
    expect((await inbox('medical-insurance', `status=delivered&limit=1&nextToken=${encodeURIComponent(token)}`)).status).toBe(200);
    refusedToken(await inbox('education', `limit=3&nextToken=${encodeURIComponent(token)}`));
    refusedToken(await inbox('medical-insurance', `status=dispatched&limit=1&nextToken=${encodeURIComponent(token)}`));
    refusedToken(await inbox('medical-insurance', `limit=1&nextToken=${encodeURIComponent(token)}`));
    const forged = Buffer.from(JSON.stringify({ gsi1pk: 'DEPT#education' })).toString('base64url');
    refusedToken(await inbox('education', `limit=3&nextToken=${forged}`));
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    refusedToken(await inbox('medical-insurance', `status=delivered&limit=1&nextToken=${encodeURIComponent(altered)}`));
  });

  it('does not let a department jump to a key of its own choosing', async () => {
    const { taskId, childId } = await admitFoundling(hub());
    const key = { gsi1pk: 'DEPT#medical-insurance', gsi1sk: 'delivered#2000-01-01', pk: `CHILD#${childId}`, sk: `TASK#${taskId}` };
    refusedToken(await inbox('medical-insurance', `status=delivered&nextToken=${Buffer.from(JSON.stringify(key)).toString('base64url')}`));
    // A token does not show what it holds.
    const token = await deliveredPageToken();
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/DEPT#|TASK#|CHILD#/);
  });
});

describe('[fuzz] every id in a path is checked before it reaches the table', () => {
  const long = 'X'.repeat(2040);
  const cases: [string, string, string, string, unknown?][] = [
    ['GET', `/v1/transfers/${long}`, county, 'path.transferId'],
    ['POST', `/v1/transfers/${long}/send`, county, 'path.transferId', { on: '2026-11-24', checklist }],
    ['POST', `/v1/transfers/${long}/receive`, city, 'path.transferId', { on: '2026-11-24', checklist }],
    ['POST', `/v1/transfers/${long}/visits`, city, 'path.transferId', { childId: `CH01JD${'0'.repeat(22)}`, visitedOn: '2026-11-20', note: '探访' }],
    ['GET', `/v1/children/${long}`, city, 'path.childId'],
    ['GET', '/v1/children/nope', city, 'path.childId'],
    ['POST', `/v1/children/${long}/tasks`, city, 'path.childId', { type: preEnrollmentV1.type }],
    ['POST', '/v1/tasks/garbage/acknowledge', MI, 'path.taskId', {}],
    ['POST', `/v1/tasks/${long}/complete`, MI, 'path.taskId', { result: {} }],
    ['POST', `/v1/tasks/${long}/supply-information`, city, 'path.taskId', { facts: {}, note: 'x' }],
    ['POST', `/v1/tasks/${long}/resume`, city, 'path.taskId', {}],
    ['GET', `/v1/institutions/${long}`, city, 'path.institutionId'],
    ['GET', `/v1/institutions/${long}/transfers`, city, 'path.institutionId'],
    ['GET', `/v1/departments/${'a'.repeat(2040)}/tasks`, MI, 'path.department'],
  ];
  const named = cases.map(([method, path, as, param, body]) => ({ name: `${method} ${path.replaceAll(/([Xa])\1{99,}/g, '<long>')}`, method, path, as, param, body }));
  it.each(named)('$name: 400 naming the parameter and its pattern, without echoing the id', async ({ method, path, as, param, body }) => {
    const res = await hub().call(method, path, { as, body });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: param, message: expect.stringMatching(/\^.*\$/), message_zh: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    expect(JSON.stringify(res.body).length).toBeLessThan(400);
  });
});
