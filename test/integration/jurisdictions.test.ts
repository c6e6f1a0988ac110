// A city bureau acts on its city's tasks only; the region-wide system on all (docs/decisions/0013-jurisdictions.md).
// A task belongs to the city of the child's institution, or for a foundling report to the county where the child
// was found: that county's city's police investigate, whichever city's institution took the child in.
import { describe, expect, it } from 'vitest';
import { admission, NANNING, readChild, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });

const inbox = async (as: string, department: string) =>
  (await hub().call('GET', `/v1/departments/${department}/tasks`, { as })).body.items.map((t: any) => t.taskId) as string[];

describe('jurisdictions', () => {
  it('a city bureau sees and acts on its city’s tasks only; another city’s bureau gets 404s and changes nothing', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission({ parentsUnknown: true, foundlingCertificateNumber: 'NN-GA-2026-7' }) });
    expect(res.status).toBe(201);
    const task = res.body.tasks.find((t: any) => t.department !== 'public-security');
    expect(task.jurisdiction).toBe('450100');
    const dept = task.department as string;
    await untilTaskStatus(hub(), res.body.childId, task.taskId, 'delivered');

    expect(await inbox(`department:${dept}@450100`, dept)).toContain(task.taskId);
    expect(await inbox(`department:${dept}`, dept)).toContain(task.taskId);
    expect(await inbox(`department:${dept}@450200`, dept)).not.toContain(task.taskId);

    const foreign = `department:${dept}@450200`;
    expect((await hub().call('GET', `/v1/tasks/${task.taskId}`, { as: foreign })).status).toBe(404);
    expect((await hub().call('POST', `/v1/tasks/${task.taskId}/acknowledge`, { as: foreign, body: {} })).status).toBe(404);
    const unchanged = (await readChild(hub(), res.body.childId)).tasks.find((t: any) => t.taskId === task.taskId);
    expect(unchanged.status).toBe('delivered');

    expect((await hub().call('GET', `/v1/tasks/${task.taskId}`, { as: `department:${dept}@450100` })).status).toBe(200);
    expect((await hub().call('POST', `/v1/tasks/${task.taskId}/acknowledge`, { as: `department:${dept}@450100`, body: {} })).status).toBe(200);
  });

  it('a foundling report belongs to the county where the child was found: that city’s police, not the institution’s', async () => {
    const res = await hub().call('POST', '/v1/children', {
      as: `staff:${NANNING}`,
      body: admission({ parentsUnknown: true, foundPlace: '柳州市柳北区某街道', foundCountyCode: '450205', foundOn: '2026-11-18' }),
    });
    expect(res.status).toBe(201);
    const report = res.body.tasks.find((t: any) => t.type === 'public-security.foundling-report');
    expect(report).toMatchObject({ jurisdiction: '450205', cityCode: '450100' });
    expect(await inbox('department:public-security@450200', 'public-security')).toContain(report.taskId);
    expect(await inbox('department:public-security@450100', 'public-security')).not.toContain(report.taskId);
    expect((await hub().call('GET', `/v1/tasks/${report.taskId}`, { as: 'department:public-security@450100' })).status).toBe(404);
    expect((await hub().call('GET', `/v1/tasks/${report.taskId}`, { as: 'department:public-security@450200' })).status).toBe(200);
  });

  it('refuses an admission whose dates lie in the future, naming each field', async () => {
    const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission({ birthDate: '2030-01-01', admittedOn: '2030-02-01' }) });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(['admittedOn', 'birthDate']);
    const after = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission({ birthDate: '2030-03-01' }) });
    expect(after.status).toBe(400);
    expect(after.body.issues.map((i: any) => i.path)).toContain('birthDate');
  });
});
