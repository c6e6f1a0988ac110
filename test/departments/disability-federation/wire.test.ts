import { describe, expect, it } from 'vitest';
import { rehabAssistanceV1 } from '../../../contracts/disability-federation/rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from '../../../contracts/disability-federation/rehab-point-certification.v1.ts';
import { fromWire, toWire } from '../../../services/departments/disability-federation/mapping.ts';
import { simulator, validUntil } from '../../../scripts/departments/disability-federation/simulator.ts';
import {
  CHILD_ID,
  childCase,
  childValues,
  cityInstitution,
  countyInstitution,
  FEMALE_ID,
  institutionCase,
  leakedValues,
} from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('disability federation wire: rehab point certification (康复救助定点机构认定, DDJGRD)', () => {
  const c = rehabPointCertificationV1;
  const subject = cityInstitution.institutionId;
  const servicesOffered = [
    { area: 'intellectual', interventions: ['rehabilitation-training'] },
    { area: 'autism', interventions: ['rehabilitation-training', 'assistive-devices'] },
  ];
  const input = c.input.parse({ servicesOffered, rehabProfessionalCount: 12, address: '南宁市西乡塘区福利路1号' });
  // Built from a case that holds a child too: none of the child's facts may reach the federation.
  const full = c.buildRequest(childCase(), input);
  const county = c.buildRequest(institutionCase(countyInstitution), c.input.parse({ servicesOffered: [servicesOffered[0]] }));
  const wireOf = (request: unknown, subjectId = subject) => toWire(envelopeFor(c, request, subjectId));

  it('maps the application to the federation’s fields and category codes', () => {
    expect(wireOf(full)).toEqual({
      YWBM: 'DDJGRD',
      SQLSH: taskIdOf(subject),
      SQSJ: TIME,
      BLQX: DEADLINE,
      SQNR: {
        JGBM: 'CWI-450100',
        JGMC: '南宁市儿童福利院',
        JGLX: '1',
        SZSDM: '450100',
        JGDZ: '南宁市西乡塘区福利路1号',
        FWXM: [
          { KFLB: '5', FWNR: ['03'] },
          { KFLB: '6', FWNR: ['03', '02'] },
        ],
        KFZYRS: 12,
      },
    });
    expect(wireOf(county, countyInstitution.institutionId).SQNR).toEqual({
      JGBM: 'MPC-450123',
      JGMC: '隆安县未成年人救助保护中心',
      JGLX: '2',
      SZSDM: '450100',
      SZXDM: '450123',
      FWXM: [{ KFLB: '5', FWNR: ['03'] }],
    });
  });

  it('maps every rehabilitation area and intervention to its code', () => {
    const all = c.request.parse({
      ...county,
      servicesOffered: ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'autism'].map((area) => ({
        area,
        interventions: ['surgery', 'assistive-devices', 'rehabilitation-training'],
      })),
    });
    const wire = wireOf(all, countyInstitution.institutionId);
    if (wire.YWBM !== 'DDJGRD') throw new Error('wrong business code');
    expect(wire.SQNR.FWXM.map((s) => s.KFLB)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(wire.SQNR.FWXM[0]!.FWNR).toEqual(['01', '02', '03']);
    expect(fromWire(wire).request).toEqual(all);
  });

  it('round-trips: the department reads back exactly the request', () => {
    expect(fromWire(wireOf(full))).toEqual({ taskId: taskIdOf(subject), type: c.type, request: full });
    const countyTask = taskIdOf(countyInstitution.institutionId);
    expect(fromWire(wireOf(county, countyInstitution.institutionId))).toEqual({ taskId: countyTask, type: c.type, request: county });
  });

  it('carries no child data at all', () => {
    const wire = wireOf(full);
    expect(leakedValues(wire, childValues)).toEqual([]);
    expect(JSON.stringify(wire)).not.toMatch(/HUB_CHILD_ID|"XM"|CSRQ|SFZH|CJRZH/);
  });

  it('refuses an envelope whose data does not match the contract', () => {
    expect(() => wireOf({ ...full, childId: CHILD_ID })).toThrow(/childId/);
    expect(() => wireOf({ ...full, servicesOffered: [] })).toThrow(/servicesOffered/);
    expect(() => wireOf({ ...full, servicesOffered: [...full.servicesOffered, full.servicesOffered[0]] })).toThrow(/each area once/);
    expect(() => wireOf({ ...full, institutionKind: 'hospital' })).toThrow(/institutionKind/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire(altered(good, (w) => (w.SQNR.JGLX = '3')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.SQNR.FWXM[0].KFLB = '7')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.SQNR.FWXM[0].FWNR = [])))).toThrow(/interventions/);
    expect(() => fromWire(altered(good, (w) => (w.SQNR.KFZYRS = '12')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.YWBM = 'ETKFJZ')))).toThrow();
  });

  it('simulator: certified from today for three years', () => {
    const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(full)).request, TODAY));
    expect(result).toEqual({
      certified: true,
      certificateNumber: '桂残康定〔2026〕450100号',
      validFrom: TODAY,
      validUntil: '2029-11-19',
    });
    expect(c.checkResult!(result, full)).toEqual([]);
    expect(validUntil('2024-02-29', 3)).toBe('2027-02-28');
    expect(validUntil('2026-01-01', 3)).toBe('2028-12-31');
  });
});

describe('disability federation wire: rehab assistance (康复救助, ETKFJZ)', () => {
  const c = rehabAssistanceV1;
  const certificate = `${FEMALE_ID}52`; // intellectual (5), grade 2
  const input = c.input.parse({ disabilityCertificateNumber: certificate, rehabNeeds: ['intellectual', 'speech'] });
  const full = c.buildRequest(childCase(), input);
  const bare = c.buildRequest(childCase({ idNumber: undefined }), c.input.parse({}));
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the child and the certificate facts to the federation’s fields and GB/T 26341 codes', () => {
    expect(wireOf(full)).toEqual({
      YWBM: 'ETKFJZ',
      SQLSH: taskIdOf(CHILD_ID),
      SQSJ: TIME,
      BLQX: DEADLINE,
      SQNR: {
        HUB_CHILD_ID: CHILD_ID,
        XM: '党小晴',
        XB: '2',
        CSRQ: '2015-03-01',
        SFZH: FEMALE_ID,
        JGBM: 'CWI-450100',
        JGMC: '南宁市儿童福利院',
        CJLB: '5',
        CJDJ: '2',
        CJRZH: certificate,
        KFXQ: ['5', '3'],
      },
    });
    expect(wireOf(bare).SQNR).toEqual({
      HUB_CHILD_ID: CHILD_ID,
      XM: '党小晴',
      XB: '2',
      CSRQ: '2015-03-01',
      JGBM: 'CWI-450100',
      JGMC: '南宁市儿童福利院',
    });
  });

  it('maps every disability category to its GB/T 26341 code', () => {
    const categories = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
    const codes = categories.map((disabilityCategory) => {
      const wire = wireOf({ ...bare, disabilityCategory, disabilityGrade: 4 });
      return wire.YWBM === 'ETKFJZ' ? [wire.SQNR.CJLB, wire.SQNR.CJDJ] : [];
    });
    expect(codes).toEqual(['1', '2', '3', '4', '5', '6', '7'].map((code) => [code, '4']));
  });

  it('round-trips: the department reads back exactly the request', () => {
    const male = c.request.parse({ ...bare, gender: 'male', disabilityCategory: 'mental', rehabNeeds: ['autism'] });
    for (const request of [full, bare, male]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId: taskIdOf(CHILD_ID), type: c.type, request });
    }
  });

  it('carries no hukou, police or school data', () => {
    const wire = wireOf(full);
    expect(leakedValues(wire, { admittedOn: childValues.admittedOn, cert: childValues.foundlingCertificateNumber })).toEqual([]);
    expect(JSON.stringify(wire)).not.toMatch(/xjh|hukou|hjdz|jsbazm|ryrq|school/i);
  });

  it('refuses an envelope whose data does not match the contract', () => {
    expect(() => wireOf({ ...full, disabilityGrade: 5 })).toThrow(/disabilityGrade/);
    expect(() => wireOf({ ...full, disabilityCertificateNumber: FEMALE_ID })).toThrow(/disabilityCertificateNumber/);
    expect(() => wireOf({ ...full, admittedOn: '2024-05-20' })).toThrow(/admittedOn/);
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { department: 'fire-rescue' }))).toThrow(/not for the disabled/);
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { contractVersion: 2 }))).toThrow(/no wire mapping/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire(altered(good, (w) => (w.SQNR.CJLB = '8')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.SQNR.CJDJ = 2)))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.SQNR.KFXQ = ['5', '5'])))).toThrow(/each area once/);
    expect(() => fromWire(altered(good, (w) => (w.SQNR.CJRZH = '123')))).toThrow(/disabilityCertificateNumber/);
    expect(() => fromWire(altered(good, (w) => delete w.SQNR.XM))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.SQNR.HKDZ = '隆安县')))).toThrow(/HKDZ/);
  });

  it('simulator: enrolled at the child’s institution with a plan from the assessed needs', () => {
    const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(full)).request, TODAY));
    expect(result).toEqual({
      enrolled: true,
      planSummary: expect.stringMatching(/^智力、言语康复训练，/),
      rehabInstitution: { name: '南宁市儿童福利院', institutionId: 'CWI-450100' },
      startDate: TODAY,
    });
    expect(c.checkResult!(result, full)).toEqual([]);
    const generic = c.result.parse(simulator.results[c.type]!(bare, TODAY));
    expect(generic.planSummary).toMatch(/^综合评估后/);
    expect(c.checkResult!(generic, bare)).toEqual([]);
    const byCategory = c.request.parse({ ...bare, disabilityCategory: 'hearing' });
    expect(simulator.results[c.type]!(byCategory, TODAY)).toMatchObject({ planSummary: expect.stringMatching(/^听力康复训练/) });
  });
});
