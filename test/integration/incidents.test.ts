// The incident view (GET /v1/incidents): the failed deliveries in the caller's scope, refused or parked in the
// dead-letter queue, with the reason; staff resume them and they leave the view. Scope rules of docs/security.md.
import { describe, expect, it } from 'vitest';
import { IncidentsPage } from '../../contracts/api/incidents.ts';
import { admission, eventually, LIUZHOU, NANNING, readChild, useHub } from '../helpers/hub.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

const hub = useHub({ simulatorDelayMs: 50, maxReceiveCount: 2 });
const MI = 'medical-insurance';

async function admitFoundlingAt(institutionId: string, certificate: string) {
  const res = await hub().call('POST', '/v1/children', {
    as: `staff:${institutionId}`,
    body: admission({ institutionId, parentsUnknown: true, foundlingCertificateNumber: certificate }),
  });
  expect(res.status).toBe(201);
  const task = res.body.tasks.find((t: { type: string }) => t.type === preEnrollmentV1.type);
  return { institutionId, childId: res.body.childId as string, taskId: task.taskId as string };
}
type Admitted = Awaited<ReturnType<typeof admitFoundlingAt>>;

/** Read by the child's own institution's staff: Liuzhou's children are not Nanning's to read. */
const untilStatus = (a: Admitted, status: string) =>
  eventually(async () => {
    const t = (await readChild(hub(), a.childId, `staff:${a.institutionId}`)).tasks?.find((x: { taskId: string }) => x.taskId === a.taskId);
    return t?.status === status ? t : undefined;
  }, 30_000, `task ${status}`);

async function incidents(as: string, query = '') {
  const res = await hub().call('GET', `/v1/incidents${query}`, { as });
  return { status: res.status, body: res.body, ids: res.status === 200 ? IncidentsPage.parse(res.body).items.map((i) => i.taskId) : [] };
}

async function failWhile(mode: 'refuse' | 'down', admit: () => Promise<Admitted>[]) {
  hub().simulators!.setMode(MI, mode);
  try {
    const admitted = await Promise.all(admit());
    for (const a of admitted) await untilStatus(a, 'failed');
    return admitted;
  } finally {
    hub().simulators!.setMode(MI, 'normal');
  }
}

describe('GET /v1/incidents', () => {
  it('lists the failed deliveries each caller may read, with the reason, and staff resume them', async () => {
    const [nn, lz] = await failWhile('refuse', () => [admitFoundlingAt(NANNING, 'NN-GA-2026-0101'), admitFoundlingAt(LIUZHOU, 'LZ-GA-2026-0101')]);
    const [parked] = await failWhile('down', () => [admitFoundlingAt(NANNING, 'NN-GA-2026-0102')]);

    const own = await incidents(`staff:${NANNING}`);
    expect(own.status).toBe(200);
    expect(own.ids).toEqual(expect.arrayContaining([nn!.taskId, parked!.taskId]));
    expect(own.ids).not.toContain(lz!.taskId);
    const byId = new Map(IncidentsPage.parse(own.body).items.map((i) => [i.taskId, i]));
    expect(byId.get(nn!.taskId)).toMatchObject({ department: MI, institutionId: NANNING, cityCode: '450100', parked: false, reason: 'department answered 422: the department refuses this task' });
    expect(byId.get(parked!.taskId)).toMatchObject({ parked: true, reason: expect.stringMatching(/after 2 attempts .*dead-letter queue$/) });
    // Latest failure first.
    expect(own.ids.indexOf(parked!.taskId)).toBeLessThan(own.ids.indexOf(nn!.taskId));

    // A city's supervisor its city; the region's every city, or one of them; a department filter.
    expect((await incidents('supervisor:450100')).ids).toEqual(expect.arrayContaining([nn!.taskId, parked!.taskId]));
    expect((await incidents('supervisor:450100')).ids).not.toContain(lz!.taskId);
    expect((await incidents('supervisor:450000')).ids).toEqual(expect.arrayContaining([nn!.taskId, lz!.taskId]));
    const liuzhou = await incidents('supervisor:450000', '?cityCode=450200');
    expect(liuzhou.ids).toContain(lz!.taskId);
    expect(liuzhou.ids).not.toContain(nn!.taskId);
    expect((await incidents('supervisor:450000', `?institutionId=${LIUZHOU}`)).ids).toContain(lz!.taskId);
    expect((await incidents(`staff:${NANNING}`, '?department=education')).ids).toEqual([]);

    // Outside the caller's scope: a 403 naming what the caller is not; bad values a 400 naming the field.
    for (const [as, query] of [
      ['supervisor:450100', '?cityCode=450200'],
      ['supervisor:450100', `?institutionId=${LIUZHOU}`],
      [`staff:${NANNING}`, '?cityCode=450100'],
      [`staff:${NANNING}`, `?institutionId=${LIUZHOU}`],
      [`department:${MI}`, ''],
    ] as const) {
      expect((await incidents(as, query)).status, `${as} ${query}`).toBe(403);
    }
    const county = await incidents('supervisor:450000', '?cityCode=450123');
    expect(county.status).toBe(400);
    expect(county.body.issues).toEqual([{ path: 'query.cityCode', message: 'not a city of the region', message_zh: '不是本区的设区市代码' }]);
    expect((await incidents(`staff:${NANNING}`, '?institutionId=nope')).body.issues[0].path).toBe('query.institutionId');
    expect((await incidents(`staff:${NANNING}`, '?limit=5')).status).toBe(400);
    expect((await incidents(`staff:${NANNING}`, '?department=no-such')).status).toBe(404);

    // Resumed (as the console's batch does, one call per task): out of the view, and on its way again.
    for (const { taskId } of [nn!, parked!]) {
      expect((await hub().call('POST', `/v1/tasks/${taskId}/resume`, { as: `staff:${NANNING}`, body: {} })).status).toBe(200);
    }
    const after = await incidents(`staff:${NANNING}`);
    expect(after.ids).not.toContain(nn!.taskId);
    expect(after.ids).not.toContain(parked!.taskId);
    await untilStatus(parked!, 'completed');
    expect((await incidents('supervisor:450000')).ids).toContain(lz!.taskId);
  }, 90_000);
});
