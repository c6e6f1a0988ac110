// Every write records who acted and for whom: the person a token names and the organisation (docs/decisions/0006-auth.md).
// A token that names no person is a machine's (a department's system, the hub's sweeps), recorded as such.
import { describe, expect, it } from 'vitest';
import { COUNTY, county } from '../helpers/transfer.ts';
import { admitFoundling, NANNING, readChild, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });
const zhang = { by: `staff:${NANNING}`, person: { id: 'u1', name: '张三' } };

describe('who acted, for which office', () => {
  it('records the person and the organisation on the child and every history entry; a system token as a machine', async () => {
    const res = await hub().call('POST', '/v1/children', {
      as: `staff:${NANNING}#u1`,
      body: { institutionId: NANNING, name: '测试儿童', gender: 'female', birthDate: '2023-05-01', admittedOn: '2026-11-20', parentsUnknown: true, hukouRegistered: true, disabled: false, foundlingCertificateNumber: 'NN-2026-9' },
    });
    expect(res.status).toBe(201);
    const childId: string = res.body.childId;
    const task = res.body.tasks[0];
    expect(task.history[0]).toMatchObject({ to: 'requested', ...zhang });
    expect(task.history[1]).toMatchObject({ to: 'dispatched', by: 'system:hub' });
    expect(task.history[1].person).toBeUndefined();
    expect((await readChild(hub(), childId)).child.admittedBy).toEqual(zhang);

    const dept = `department:${task.department}`;
    await untilTaskStatus(hub(), childId, task.taskId, 'delivered');
    expect((await hub().call('POST', `/v1/tasks/${task.taskId}/acknowledge`, { as: `${dept}@450100#u2`, body: {} })).status).toBe(200);
    const other = res.body.tasks[1];
    await untilTaskStatus(hub(), childId, other.taskId, 'delivered');
    expect((await hub().call('POST', `/v1/tasks/${other.taskId}/acknowledge`, { as: `department:${other.department}`, body: {} })).status).toBe(200);

    const tasks = (await readChild(hub(), childId)).tasks;
    const acked = tasks.find((t: any) => t.taskId === task.taskId).history.at(-1);
    expect(acked).toMatchObject({ to: 'acknowledged', by: `${dept}@450100`, person: { id: 'u2', name: expect.any(String) } });
    const bySystem = tasks.find((t: any) => t.taskId === other.taskId).history.at(-1);
    expect(bySystem).toMatchObject({ to: 'acknowledged', by: `department:${other.department}` });
    expect(bySystem.person).toBeUndefined();
    const delivered = tasks.find((t: any) => t.taskId === task.taskId).history.find((h: any) => h.to === 'delivered');
    expect(delivered).toMatchObject({ by: 'system:adapter' });
  });

  it('records the person on a transfer’s history', async () => {
    const child = await hub().call('POST', '/v1/children', {
      as: county,
      body: { institutionId: COUNTY, name: '测试', gender: 'male', birthDate: '2022-01-01', admittedOn: '2026-11-01', parentsUnknown: false, hukouRegistered: true, disabled: false },
    });
    const opened = await hub().call('POST', '/v1/transfers', {
      as: `${county}#u2`,
      body: { fromInstitutionId: COUNTY, toInstitutionId: NANNING, children: [{ childId: child.body.childId, hukou: { decision: 'exempt', reason: '户口迁移将损害儿童合法权益，暂不迁移' } }] },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.history[0]).toMatchObject({ by: county, person: { id: 'u2', name: expect.any(String) } });
  });

  it('shows who a foundling’s admission was by as a person reads it', async () => {
    const { childId } = await admitFoundling(hub());
    // admitFoundling acts with the institution's own token: no person.
    expect((await readChild(hub(), childId)).child.admittedBy).toEqual({ by: `staff:${NANNING}` });
  });
});
