// Shared by the tests of transfers and scope: a county child in transfer to its city, with an open task held.
import { expect } from 'vitest';
import { admission, eventually, NANNING, readChild, type TestHub } from './hub.ts';
import { hukouMigrationV1 } from '../../contracts/public-security/index.ts';

export const COUNTY = 'MPC-450123'; // 隆安县, Nanning
export const county = `staff:${COUNTY}`;
export const city = `staff:${NANNING}`;
export const POLICE = 'department:public-security';
export const checklist = { guardianship: true, archive: true, property: true };

/** The task as `as` reads it in the child's timeline. */
export const taskAs = async (h: TestHub, childId: string, taskId: string, as: string) =>
  (await readChild(h, childId, as)).tasks.find((t: any) => t.taskId === taskId);

/** Waits until the task, as `as` reads it, reaches `status`. */
export const untilStatusAs = (h: TestHub, childId: string, taskId: string, status: string, as: string) =>
  eventually(async () => {
    const t = await taskAs(h, childId, taskId, as);
    return t?.status === status ? t : undefined;
  }, 15_000, `task ${status}`);

/**
 * A child of the county centre in transfer to the city; the police asked for information on its hukou
 * migration before the county sent it and the city received it.
 */
export async function receivedWhileInformationNeeded(h: TestHub) {
  const admitted = await h.call('POST', '/v1/children', {
    as: county,
    body: admission({
      institutionId: COUNTY,
      birthDate: '2015-03-02',
      hukouAddress: '隆安县城厢镇某街道集体户',
      inSchool: true,
      schoolName: '隆安县第一小学',
      studentRecordNumber: 'G450123201503021234',
    }),
  });
  expect(admitted.status).toBe(201);
  const childId: string = admitted.body.childId;
  const opened = await h.call('POST', '/v1/transfers', {
    as: county,
    body: { fromInstitutionId: COUNTY, toInstitutionId: NANNING, children: [{ childId, hukou: { decision: 'migrate' } }] },
  });
  expect(opened.status).toBe(201);
  const transferId: string = opened.body.transferId;
  const migrationId: string = opened.body.tasks.find((t: any) => t.type === hukouMigrationV1.type).taskId;
  await untilStatusAs(h, childId, migrationId, 'delivered', county);
  const ask = await h.call('POST', `/v1/tasks/${migrationId}/request-information`, {
    as: POLICE,
    body: { missing: [{ field: 'hukouRegistrationNumber', message: '请补充户号' }] },
  });
  expect(ask.status).toBe(200);
  expect((await h.call('POST', `/v1/transfers/${transferId}/send`, { as: county, body: { on: '2026-11-24', checklist } })).status).toBe(200);
  expect((await h.call('POST', `/v1/transfers/${transferId}/receive`, { as: city, body: { on: '2026-11-25', checklist } })).status).toBe(200);
  return { childId, transferId, migrationId };
}
