// The workflows that fan out into tasks, end to end with every department simulated: a transfer of several
// children (one hukou exemption), a foundling from police report to city admission, a dependency chain,
// and institution duties that recur.
import { describe, expect, it } from 'vitest';
import { admission, eventually, NANNING, useHub } from '../helpers/hub.ts';
import { rehabPointCertificationV1 } from '../../contracts/disability-federation/index.ts';
import { schoolPlacementV1, schoolRecordTransferV1 } from '../../contracts/education/index.ts';
import { safetyInspectionV1 } from '../../contracts/fire-rescue/index.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { dnaComparisonV1, foundlingReportV1, hukouMigrationV1, hukouRegistrationV1 } from '../../contracts/public-security/index.ts';

const hub = useHub({ simulatorDelayMs: 60 });
const COUNTY = 'MPC-450102'; // 兴宁区, Nanning
const countyStaff = `staff:${COUNTY}`;
const cityStaff = `staff:${NANNING}`;
const found = { foundPlace: '南宁市兴宁区民主路', foundCountyCode: '450102', foundOn: '2026-11-10' };

const child = async (childId: string, as = cityStaff) => (await hub().call('GET', `/v1/children/${childId}`, { as })).body;
const allSettled = (childId: string, as = cityStaff, count?: number) =>
  eventually(async () => {
    const c = await child(childId, as);
    const settled = c.tasks.every((t: any) => ['completed', 'rejected', 'cancelled', 'failed'].includes(t.status));
    return settled && (count === undefined || c.tasks.length === count) ? c : undefined;
  }, 30_000, `tasks of ${childId} settled`);

async function register(body: Record<string, unknown>) {
  const res = await hub().call('POST', '/v1/children', { as: countyStaff, body: admission({ institutionId: COUNTY, ...body }) });
  expect(res.status).toBe(201);
  return res.body;
}

const checklist = { guardianship: true, archive: true, property: true };

describe('transfer from a county centre to the city institution (移交)', () => {
  it('moves several children, one exempt from hukou migration, and shows both sides what is outstanding', async () => {
    const a = await register({
      birthDate: '2015-03-02',
      hukouAddress: '南宁市兴宁区某街道集体户',
      inSchool: true,
      schoolName: '兴宁区第一小学',
      studentRecordNumber: 'G450102201503021234',
    });
    const b = await register({ birthDate: '2019-06-01', hukouAddress: '兴宁区某村' });
    const c = await register({ birthDate: '2021-01-09', hukouAddress: '兴宁区某社区' });
    expect([a.tasks, b.tasks, c.tasks]).toEqual([[], [], []]); // a county centre's intake opens nothing for these

    const res = await hub().call('POST', '/v1/transfers', {
      as: countyStaff,
      body: {
        fromInstitutionId: COUNTY,
        toInstitutionId: NANNING,
        children: [
          { childId: a.childId, hukou: { decision: 'migrate' } },
          { childId: b.childId, hukou: { decision: 'exempt', reason: '迁移户口将使其丧失农村集体经济组织成员权益' } },
          { childId: c.childId, hukou: { decision: 'migrate' } },
        ],
        entrustedCare: { agreementNumber: 'WT-2026-017', signedOn: '2026-11-01', visitEveryDays: 14 },
      },
    });
    expect(res.status).toBe(201);
    const t = res.body;
    expect(t.tasks.map((x: any) => x.type).sort()).toEqual([
      schoolRecordTransferV1.type,
      hukouMigrationV1.type,
      hukouMigrationV1.type,
    ]);
    expect(t.children.find((x: any) => x.childId === b.childId).hukou).toEqual({
      decision: 'exempt',
      reason: '迁移户口将使其丧失农村集体经济组织成员权益',
    });
    expect(t.outstanding.notSent.sort()).toEqual([a.childId, b.childId, c.childId].sort());
    // A visit was due 14 days after signing; it is overdue for all three.
    expect(t.outstanding.visitsDue.every((v: any) => v.dueOn === '2026-11-15' && v.overdue)).toBe(true);

    // The same children cannot be put in a second transfer.
    const again = await hub().call('POST', '/v1/transfers', {
      as: countyStaff,
      body: { fromInstitutionId: COUNTY, toInstitutionId: NANNING, children: [{ childId: c.childId, hukou: { decision: 'migrate' } }] },
    });
    expect(again.status).toBe(409);

    // The city sees it incoming; the county outgoing; a city in another city sees nothing.
    const cityView = (await hub().call('GET', `/v1/institutions/${NANNING}/transfers`, { as: cityStaff })).body;
    expect(cityView.incoming.map((x: any) => x.transferId)).toContain(t.transferId);
    expect((await hub().call('GET', `/v1/institutions/${COUNTY}/transfers`, { as: countyStaff })).body.outgoing.map((x: any) => x.transferId)).toContain(
      t.transferId,
    );
    expect((await hub().call('GET', `/v1/transfers/${t.transferId}`, { as: 'staff:CWI-450200' })).status).toBe(404);
    expect((await hub().call('GET', `/v1/transfers/${t.transferId}`, { as: 'supervisor:450100' })).status).toBe(200);

    // A visit under the entrusted-care agreement, by the city.
    const visit = await hub().call('POST', `/v1/transfers/${t.transferId}/visits`, {
      as: cityStaff,
      body: { childId: a.childId, visitedOn: '2026-11-20', note: '生活照料良好' },
    });
    expect(visit.status).toBe(201);
    expect(visit.body.outstanding.visitsDue.find((v: any) => v.childId === a.childId).dueOn).toBe('2026-12-04');

    // Receiving before sending is refused; the county sends two, the city receives them.
    expect((await hub().call('POST', `/v1/transfers/${t.transferId}/receive`, { as: cityStaff, body: { childIds: [a.childId], on: '2026-11-25', checklist } })).status).toBe(409);
    expect((await hub().call('POST', `/v1/transfers/${t.transferId}/send`, { as: cityStaff, body: { on: '2026-11-24', checklist } })).status).toBe(403);
    const sent = await hub().call('POST', `/v1/transfers/${t.transferId}/send`, {
      as: countyStaff,
      body: { childIds: [a.childId, b.childId], on: '2026-11-24', checklist },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.outstanding).toMatchObject({ notSent: [c.childId] });
    expect(sent.body.outstanding.sentNotReceived.sort()).toEqual([a.childId, b.childId].sort());
    const summary = (await hub().call('GET', `/v1/institutions/${NANNING}/transfers`, { as: cityStaff })).body.summary;
    expect(summary.sentNotReceived).toBeGreaterThanOrEqual(2);

    const received = await hub().call('POST', `/v1/transfers/${t.transferId}/receive`, { as: cityStaff, body: { on: '2026-11-25', checklist } });
    expect(received.status).toBe(200);
    expect(received.body.outstanding.sentNotReceived).toEqual([]);
    expect(received.body.status).toBe('open'); // c is still at the county
    // a is now the city's child. In school already, it moves its record rather than being placed anew.
    const aNow = await allSettled(a.childId);
    expect(aNow.tasks.map((x: any) => x.type)).not.toContain(schoolPlacementV1.type);
    expect(aNow.child).toMatchObject({ institutionId: NANNING, admittedOn: '2026-11-25' });
    const migration = aNow.tasks.find((x: any) => x.type === hukouMigrationV1.type);
    expect(migration).toMatchObject({ status: 'completed' });
    expect(migration.request.fromHukouAddress).toBe('南宁市兴宁区某街道集体户');
    expect(aNow.tasks.find((x: any) => x.type === schoolRecordTransferV1.type).result.studentRecordNumber).toBe('G450102201503021234');
    // The county no longer reads a's record (to it the child is now unknown); the city does.
    expect((await hub().call('GET', `/v1/children/${a.childId}`, { as: countyStaff })).status).toBe(404);

    // c goes last, and the transfer completes.
    await hub().call('POST', `/v1/transfers/${t.transferId}/send`, { as: countyStaff, body: { on: '2026-11-26', checklist } });
    const last = await hub().call('POST', `/v1/transfers/${t.transferId}/receive`, { as: cityStaff, body: { on: '2026-11-27', checklist } });
    expect(last.body.status).toBe('completed');
    expect(last.body.history.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a transfer to another city, of a child of another centre, with the field named', async () => {
    const a = await register({ hukouAddress: '兴宁区某社区' });
    const wrongCity = await hub().call('POST', '/v1/transfers', {
      as: countyStaff,
      body: { fromInstitutionId: COUNTY, toInstitutionId: 'CWI-450200', children: [{ childId: a.childId, hukou: { decision: 'migrate' } }] },
    });
    expect(wrongCity.status).toBe(400);
    expect(wrongCity.body.issues[0].path).toBe('toInstitutionId');
    const other = await hub().call('POST', '/v1/transfers', {
      as: 'staff:MPC-450103',
      body: { fromInstitutionId: 'MPC-450103', toInstitutionId: NANNING, children: [{ childId: a.childId, hukou: { decision: 'migrate' } }] },
    });
    expect(other.status).toBe(400);
    expect(other.body.issues[0].path).toBe('children.0.childId');
    const vague = await hub().call('POST', '/v1/transfers', {
      as: countyStaff,
      body: { fromInstitutionId: COUNTY, toInstitutionId: NANNING, children: [{ childId: a.childId, hukou: { decision: 'exempt', reason: '无' } }] },
    });
    expect(vague.status).toBe(400);
    expect(vague.body.issues[0].path).toBe('children.0.hukou.reason');
  });
});

describe('[matrix] resume after a transfer follows the child’s institution', () => {
  it('lets the receiving institution resume the child’s failed task, and answers the former one as for an unknown task', async () => {
    const a = await register({ hukouAddress: '兴宁区某社区' });
    hub().simulators!.setMode('public-security', 'refuse');
    let transferId: string;
    let migrationId: string;
    try {
      const t = await hub().call('POST', '/v1/transfers', {
        as: countyStaff,
        body: { fromInstitutionId: COUNTY, toInstitutionId: NANNING, children: [{ childId: a.childId, hukou: { decision: 'migrate' } }] },
      });
      transferId = t.body.transferId;
      migrationId = t.body.tasks[0].taskId;
      await eventually(async () => {
        const m = (await child(a.childId, countyStaff)).tasks.find((x: any) => x.taskId === migrationId);
        return m?.status === 'failed' ? m : undefined;
      }, 20_000, 'migration failed');
    } finally {
      hub().simulators!.setMode('public-security', 'normal');
    }
    await hub().call('POST', `/v1/transfers/${transferId}/send`, { as: countyStaff, body: { on: '2026-11-24', checklist } });
    await hub().call('POST', `/v1/transfers/${transferId}/receive`, { as: cityStaff, body: { on: '2026-11-25', checklist } });
    const former = await hub().call('POST', `/v1/tasks/${migrationId}/resume`, { as: countyStaff, body: {} });
    expect(former.status).toBe(404);
    const resumed = await hub().call('POST', `/v1/tasks/${migrationId}/resume`, { as: cityStaff, body: {} });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'dispatched', institutionId: NANNING });
    const done = await allSettled(a.childId);
    expect(done.tasks.find((x: any) => x.taskId === migrationId).status).toBe('completed');
  });
});

describe('a foundling, from the police report to the city admission (捡拾)', () => {
  it('reports first, transfers after, and the city admission opens what is still needed', async () => {
    hub().simulators!.setMode('public-security', 'down');
    let f: any;
    try {
      f = await register({ parentsUnknown: true, hukouRegistered: false, birthDate: '2026-10-01', ...found });
      expect(f.tasks.map((x: any) => x.type)).toEqual([foundlingReportV1.type]);
      // The transfer must wait for the report.
      const early = await hub().call('POST', '/v1/transfers', {
        as: countyStaff,
        body: {
          fromInstitutionId: COUNTY,
          toInstitutionId: NANNING,
          children: [{ childId: f.childId, hukou: { decision: 'exempt', reason: '尚未登记户口，由接收的儿童福利机构办理落户' } }],
        },
      });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/foundling report/);
    } finally {
      hub().simulators!.setMode('public-security', 'normal');
    }
    const reported = await allSettled(f.childId, countyStaff, 1);
    const report = reported.tasks[0];
    expect(report.status).toBe('completed');
    expect(reported.child.foundlingCertificateNumber).toBe(report.result.certificateNumber);

    const t = (
      await hub().call('POST', '/v1/transfers', {
        as: countyStaff,
        body: {
          fromInstitutionId: COUNTY,
          toInstitutionId: NANNING,
          children: [{ childId: f.childId, hukou: { decision: 'exempt', reason: '尚未登记户口，由接收的儿童福利机构办理落户' } }],
        },
      })
    ).body;
    await hub().call('POST', `/v1/transfers/${t.transferId}/send`, { as: countyStaff, body: { on: '2026-11-20', checklist } });
    const received = await hub().call('POST', `/v1/transfers/${t.transferId}/receive`, { as: cityStaff, body: { on: '2026-11-21', checklist } });
    expect(received.body.opened.map((x: any) => x.type).sort()).toEqual([
      preEnrollmentV1.type,
      dnaComparisonV1.type,
      hukouRegistrationV1.type,
    ]);
    const admitted = await allSettled(f.childId, cityStaff, 4);
    expect(admitted.tasks.every((x: any) => x.status === 'completed')).toBe(true);
    // The DNA comparison and the registration carry the certificate the police issued.
    const dna = admitted.tasks.find((x: any) => x.type === dnaComparisonV1.type);
    expect(dna.request.foundlingCertificateNumber).toBe(report.result.certificateNumber);
    expect(admitted.child.hukouRegistered).toBe(true);
  });
});

describe('dependencies', () => {
  it('holds hukou registration until the foundling report completes, then sends it with the certificate', async () => {
    const res = await hub().call('POST', '/v1/children', {
      as: cityStaff,
      body: admission({ parentsUnknown: true, hukouRegistered: false, ...found }),
    });
    const reg0 = res.body.tasks.find((x: any) => x.type === hukouRegistrationV1.type);
    const report0 = res.body.tasks.find((x: any) => x.type === foundlingReportV1.type);
    expect(reg0).toMatchObject({ status: 'requested', waitingFor: [report0.taskId] });
    const done = await allSettled(res.body.childId, cityStaff, 4);
    const report = done.tasks.find((x: any) => x.type === foundlingReportV1.type);
    const reg = done.tasks.find((x: any) => x.type === hukouRegistrationV1.type);
    expect(reg.status).toBe('completed');
    expect(reg.history[1]).toMatchObject({ from: 'requested', to: 'dispatched', by: 'system:dependencies' });
    expect(reg.history[1].at >= report.history.at(-1).at).toBe(true);
    expect(reg.request.foundlingCertificateNumber).toBe(report.result.certificateNumber);
  });
});

describe('institution duties', () => {
  it('opens a fire-safety inspection that recurs, and a rehab-point certification', async () => {
    const inst = 'CWI-450300';
    const res = await hub().call('POST', `/v1/institutions/${inst}/tasks`, {
      as: `staff:${inst}`,
      body: { type: safetyInspectionV1.type, input: { inspectionKind: 'periodic' }, recurEveryMonths: 3 },
    });
    expect(res.status).toBe(201);
    expect(res.body.recurs.everyMonths).toBe(3);
    expect(Object.keys(res.body.request).sort()).toEqual(['inspectionKind', 'institutionId', 'institutionName']);
    const cert = await hub().call('POST', `/v1/institutions/${inst}/tasks`, {
      as: `staff:${inst}`,
      body: {
        type: rehabPointCertificationV1.type,
        input: { servicesOffered: [{ area: 'autism', interventions: ['rehabilitation-training'] }] },
      },
    });
    expect(cert.status).toBe(201);
    expect((await hub().call('POST', `/v1/institutions/${inst}/tasks`, { as: 'staff:CWI-450100', body: { type: safetyInspectionV1.type, input: { inspectionKind: 'periodic' } } })).status).toBe(403);
    const view = await eventually(async () => {
      const v = (await hub().call('GET', `/v1/institutions/${inst}`, { as: `staff:${inst}` })).body;
      return v.tasks.length === 2 && v.tasks.every((x: any) => x.status === 'completed') ? v : undefined;
    }, 20_000, 'institution tasks completed');
    expect(view.schedules).toEqual([{ type: safetyInspectionV1.type, everyMonths: 3, nextDueOn: expect.any(String), input: { inspectionKind: 'periodic' } }]);
    // Three months on, the sweep opens the next inspection, once.
    const later = new Date(Date.now() + 100 * 86_400_000);
    const opened = await hub().openRecurring(later);
    expect(opened.map((x) => x.type)).toEqual([safetyInspectionV1.type]);
    expect(await hub().openRecurring(later)).toEqual([]);
  });
});
