// After a transfer is received, and for the task types that belong to a transfer: who acts on the child's tasks,
// and where the transfer's facts come from. Reproduces what an outside probe got through; [matrix] is the class
// for the security suite. No simulators: the test acts as the departments.
import { describe, expect, it } from 'vitest';
import { city, county, receivedWhileInformationNeeded, taskAs } from '../helpers/transfer.ts';
import { admission, NANNING, readChild, useHub } from '../helpers/hub.ts';
import { schoolRecordTransferV1 } from '../../contracts/education/index.ts';
import { hukouMigrationV1 } from '../../contracts/public-security/index.ts';

const hub = useHub({ simulators: false });
const task = (childId: string, taskId: string, as: string) => taskAs(hub(), childId, taskId, as);

describe('[matrix] after a transfer is received, the receiving institution owns the child’s open tasks', () => {
  it('refuses supply-information from the former institution as for an unknown task, and changes nothing', async () => {
    const { childId, migrationId } = await receivedWhileInformationNeeded(hub());
    const before = await readChild(hub(), childId, city);
    const former = await hub().call('POST', `/v1/tasks/${migrationId}/supply-information`, {
      as: county,
      body: { facts: { hukouAddress: '被前机构改写的地址', name: '被前机构改名' }, note: 'former institution edits' },
    });
    expect(former.status).toBe(404);
    expect(JSON.stringify(former.body)).not.toContain('测试儿童');
    expect(await readChild(hub(), childId, city)).toEqual(before);
  });

  it('lets the receiving institution supply the information, and shows the open tasks as its own', async () => {
    const { childId, migrationId } = await receivedWhileInformationNeeded(hub());
    const moved = await task(childId, migrationId, city);
    expect(moved).toMatchObject({ institutionId: NANNING, cityCode: '450100', status: 'information-needed' });
    const supply = await hub().call('POST', `/v1/tasks/${migrationId}/supply-information`, {
      as: city,
      body: { facts: { hukouRegistrationNumber: 'HH4501230001' }, note: '补充户号' },
    });
    expect(supply.status).toBe(200);
    expect(supply.body).toMatchObject({ status: 'dispatched', requestVersion: 2, institutionId: NANNING });
    expect(supply.body.request.hukouRegistrationNumber).toBe('HH4501230001');
  });
});

describe('[matrix] task types that belong to a transfer take their destination from the transfer', () => {
  it('refuses to open hukou migration or a school-record transfer by hand, and dispatches nothing', async () => {
    const liuzhouCounty = 'MPC-450202';
    const admitted = await hub().call('POST', '/v1/children', {
      as: `staff:${liuzhouCounty}`,
      body: admission({
        institutionId: liuzhouCounty,
        birthDate: '2015-03-02',
        hukouAddress: '柳州市城中区某街',
        inSchool: true,
        schoolName: '城中区第一小学',
        studentRecordNumber: 'G450202201503021234',
      }),
    });
    const { childId } = admitted.body;
    const migration = await hub().call('POST', `/v1/children/${childId}/tasks`, {
      as: `staff:${liuzhouCounty}`,
      body: { type: hukouMigrationV1.type, input: { fromHukouAddress: '柳州市城中区某街', toInstitutionId: 'CWI-451400' } },
    });
    expect(migration.status).toBe(400);
    expect(migration.body.issues.map((i: any) => i.path)).toEqual(['type']);
    expect(migration.body.issues[0].message).toMatch(/transfer/);
    const record = await hub().call('POST', `/v1/children/${childId}/tasks`, {
      as: `staff:${liuzhouCounty}`,
      body: { type: schoolRecordTransferV1.type, input: { toInstitutionId: 'MPC-450123' } },
    });
    expect(record.status).toBe(400);
    expect(record.body.issues.map((i: any) => i.path)).toEqual(['type']);
    expect((await readChild(hub(), childId, `staff:${liuzhouCounty}`)).tasks).toEqual([]);
  });

  it('refuses supply-information that would change where the transfer goes, and changes nothing', async () => {
    const { childId, migrationId } = await receivedWhileInformationNeeded(hub());
    const before = await task(childId, migrationId, city);
    const res = await hub().call('POST', `/v1/tasks/${migrationId}/supply-information`, {
      as: city,
      body: { input: { toInstitutionId: 'CWI-451400', toHukouAddress: '崇左市某地' }, note: '改去崇左' },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(['input.toHukouAddress', 'input.toInstitutionId']);
    expect(await task(childId, migrationId, city)).toEqual(before);
    expect(before.request.toInstitutionId).toBe(NANNING);
  });
});
