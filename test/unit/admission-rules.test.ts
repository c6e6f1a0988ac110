import { describe, expect, it } from 'vitest';
import type { Child } from '../../contracts/case.ts';
import { ageOn, admissionFacts, planAdmission } from '../../services/cases/admission.ts';
import { ValidationError } from '../../services/lib/errors.ts';
import { rehabAssistanceV1 } from '../../contracts/disability-federation/index.ts';
import { schoolPlacementV1 } from '../../contracts/education/index.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { dnaComparisonV1, foundlingReportV1, hukouRegistrationV1 } from '../../contracts/public-security/index.ts';

const base: Child = {
  childId: 'CH01JDABCDEFGHJKMNPQRSTVWXYZ',
  institutionId: 'CWI-450100',
  name: '测试',
  gender: 'male',
  birthDate: '2023-05-01',
  admittedOn: '2026-11-20',
  parentsUnknown: false,
  hukouRegistered: true,
  disabled: false,
};
const types = (c: Partial<Child>, at?: 'city-welfare' | 'county-protection') =>
  planAdmission({ ...base, ...c }, { at }).map((p) => p.type).sort();
const found = { foundPlace: '南宁市青秀区某路口', foundCountyCode: '450103', foundOn: '2026-11-18' };

describe('admission rules (接收, docs/task-types.md)', () => {
  it('opens nothing for a child who needs nothing', () => {
    expect(types({})).toEqual([]);
  });

  it('parents unknown → DNA comparison, medical pre-enrollment, and the foundling report when there is no certificate', () => {
    expect(types({ parentsUnknown: true, ...found })).toEqual([
      preEnrollmentV1.type,
      dnaComparisonV1.type,
      foundlingReportV1.type,
    ]);
    expect(types({ parentsUnknown: true, foundlingCertificateNumber: 'NN-1' })).toEqual([
      preEnrollmentV1.type,
      dnaComparisonV1.type,
    ]);
  });

  it('no hukou → hukou registration, waiting for the foundling report opened with it', () => {
    const plan = planAdmission({ ...base, hukouRegistered: false, parentsUnknown: true, ...found });
    const reg = plan.find((p) => p.type === hukouRegistrationV1.type)!;
    expect(plan[reg.after!]!.type).toBe(foundlingReportV1.type);
    const alone = planAdmission({ ...base, hukouRegistered: false });
    expect(alone.map((p) => p.type)).toEqual([hukouRegistrationV1.type]);
    expect(alone[0]!.after).toBeUndefined();
  });

  it('school age (6 to 17 on the admission date) → school placement', () => {
    expect(types({ birthDate: '2020-11-20' })).toEqual([schoolPlacementV1.type]); // 6 that day
    expect(types({ birthDate: '2020-11-21' })).toEqual([]); // 6 tomorrow
    expect(types({ birthDate: '2008-11-21' })).toEqual([schoolPlacementV1.type]); // 17
    expect(types({ birthDate: '2008-11-20' })).toEqual([]); // 18
    expect(types({ birthDate: '2015-01-01', inSchool: true })).toEqual([]); // its record moves instead
  });

  it('disabled → rehab assistance, carrying the disability facts recorded', () => {
    const plan = planAdmission({ ...base, disabled: true, disabilityCategory: 'hearing', disabilityGrade: 2 });
    expect(plan).toEqual([{ type: rehabAssistanceV1.type, input: { disabilityCategory: 'hearing', disabilityGrade: 2 } }]);
  });

  it('at a county centre opens only the foundling report', () => {
    expect(types({ parentsUnknown: true, hukouRegistered: false, ...found }, 'county-protection')).toEqual([
      foundlingReportV1.type,
    ]);
  });

  it('names the admission fields a task needs but staff did not record', () => {
    try {
      planAdmission({ ...base, parentsUnknown: true, foundOn: '2026-11-18' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues!.map((i) => i.path).sort()).toEqual(['foundCountyCode', 'foundPlace']);
    }
  });

  it('skips what the child already has (a receipt after transfer)', () => {
    const plan = planAdmission({ ...base, parentsUnknown: true, ...found }, { alreadyOpened: [foundlingReportV1.type] });
    expect(plan.map((p) => p.type)).not.toContain(foundlingReportV1.type);
  });

  it('computes ages in whole years', () => {
    expect(ageOn('2020-02-29', '2026-02-28')).toBe(5);
    expect(ageOn('2020-02-29', '2026-03-01')).toBe(6);
    expect(admissionFacts({ ...base, birthDate: '2010-01-01' }).schoolAge).toBe(true);
  });
});
