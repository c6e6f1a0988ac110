import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { schoolPlacementV1 } from '../../../contracts/education/school-placement.v1.ts';
import { schoolRecordTransferV1 } from '../../../contracts/education/school-record-transfer.v1.ts';
import {
  brokenRules,
  childCase,
  childValues,
  countyInstitution,
  FEMALE_ID,
  issuePaths,
  keysOf,
  leakedValues,
} from '../../contracts/fixtures.ts';

/** Nothing about hukou, police, guardianship status or medical detail reaches education. */
const FORBIDDEN_KEYS = /hukou|foundling|parents|orphan|unsupported|certificate|admitted|disabilityCategory|disabilityGrade/i;

describe('education.school-placement v1 (入学安置, 二(五))', () => {
  const c = schoolPlacementV1;
  const request = c.buildRequest(childCase(), c.input.parse({ level: 'primary', grade: 4 }));
  const result = {
    schoolName: '南宁市特殊教育学校',
    mode: 'special-education-school',
    studentRecordNumber: `G${FEMALE_ID}`,
    startDate: '2024-09-01',
  };

  it('builds a request with only what education needs', () => {
    expect(keysOf(request)).toEqual(
      ['birthDate', 'childId', 'disabled', 'gender', 'grade', 'idNumber', 'institutionId', 'institutionName', 'level', 'name'].sort(),
    );
    expect(keysOf(request).filter((k) => FORBIDDEN_KEYS.test(k))).toEqual([]);
    expect(leakedValues(request, { cert: childValues.foundlingCertificateNumber, admittedOn: childValues.admittedOn })).toEqual([]);
    expect(request).toMatchObject({ disabled: true, institutionName: '南宁市儿童福利院', level: 'primary', grade: 4 });
    expect(c.request.parse(request)).toEqual(request);
  });

  it('leaves out what the case does not have', () => {
    const bare = c.buildRequest(childCase({ idNumber: undefined }), c.input.parse({}));
    expect(keysOf(bare)).toEqual(['birthDate', 'childId', 'disabled', 'gender', 'institutionId', 'institutionName', 'name'].sort());
    expect(c.request.safeParse(bare).success).toBe(true);
  });

  it('refuses a case whose child belongs to another institution, and a case without a child', () => {
    const wrong = { ...childCase(), institution: countyInstitution };
    expect(() => c.buildRequest(wrong, {})).toThrow(/belongs to CWI-450100/);
    expect(() => c.buildRequest({ institution: countyInstitution }, {})).toThrow(/needs a child/);
  });

  it('checks the input: a grade needs a level and must exist in it, unknown keys refused', () => {
    expect(issuePaths(c.input, { grade: 2 })).toEqual(['grade']);
    expect(issuePaths(c.input, { level: 'junior-secondary', grade: 4 })).toEqual(['grade']);
    expect(issuePaths(c.input, { level: 'kindergarten', grade: 3 })).toEqual([]);
    expect(issuePaths(c.input, { level: 'university' })).toEqual(['level']);
    expect(issuePaths(c.input, { hukouAddress: 'x' })).toEqual(['']);
  });

  it('accepts a valid result in every mode', () => {
    for (const mode of ['regular-school', 'special-education-school', 'special-class-in-institution', 'home-delivered', 'remote']) {
      expect(issuePaths(c.result, { ...result, mode })).toEqual([]);
    }
    expect(issuePaths(c.result, { ...result, studentRecordNumber: 'L450100201503011234' })).toEqual([]);
  });

  it('refuses malformed results, naming the field', () => {
    expect(issuePaths(c.result, { ...result, mode: 'boarding-school' })).toEqual(['mode']);
    expect(issuePaths(c.result, { ...result, studentRecordNumber: FEMALE_ID })).toEqual(['studentRecordNumber']);
    expect(issuePaths(c.result, { ...result, startDate: '2024-09-31' })).toEqual(['startDate']);
    expect(issuePaths(c.result, { ...result, schoolName: ' ' })).toEqual(['schoolName']);
    const { schoolName: _, ...noSchool } = result;
    expect(issuePaths(c.result, noSchool)).toEqual(['schoolName']);
    expect(issuePaths(c.result, { ...result, diagnosis: 'x' })).toEqual(['']);
  });

  it('rule: schooling starts after birth', () => {
    const ok = c.result.parse(result);
    expect(brokenRules(c, ok, request)).toEqual([]);
    expect(brokenRules(c, { ...ok, startDate: '2014-09-01' }, request)).toEqual(['result.startDate']);
  });

  it('exports request and result to JSON Schema', () => {
    expect(z.toJSONSchema(c.request).required).toContain('disabled');
    expect(z.toJSONSchema(c.result).additionalProperties).toBe(false);
  });
});

describe('education.school-record-transfer v1 (学籍转移, 四(二), 三(一))', () => {
  const c = schoolRecordTransferV1;
  const input = c.input.parse({
    fromSchoolName: '隆安县城厢镇第一小学',
    studentRecordNumber: `G${FEMALE_ID}`,
    toInstitutionId: 'CWI-450100',
  });
  const request = c.buildRequest(childCase({}, countyInstitution), input);
  const result = { newSchoolName: '南宁市滨湖路小学', studentRecordNumber: `G${FEMALE_ID}`, effectiveDate: '2024-09-01' };

  it('builds a request with only what education needs', () => {
    expect(keysOf(request)).toEqual(
      ['birthDate', 'childId', 'fromSchoolName', 'gender', 'idNumber', 'name', 'studentRecordNumber', 'toInstitutionId'].sort(),
    );
    expect(keysOf(request).filter((k) => FORBIDDEN_KEYS.test(k) || /disabled/.test(k))).toEqual([]);
    expect(leakedValues(request, { cert: childValues.foundlingCertificateNumber, admittedOn: childValues.admittedOn })).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('needs the from school, the record number and the destination', () => {
    expect(issuePaths(c.input, {}).sort()).toEqual(['fromSchoolName', 'studentRecordNumber', 'toInstitutionId']);
    expect(issuePaths(c.input, { ...input, toInstitutionId: '450100' })).toEqual(['toInstitutionId']);
  });

  it('accepts a valid result and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, result)).toEqual([]);
    expect(issuePaths(c.result, { ...result, studentRecordNumber: 'X123' })).toEqual(['studentRecordNumber']);
    expect(issuePaths(c.result, { ...result, effectiveDate: '1 Sept' })).toEqual(['effectiveDate']);
    expect(issuePaths(c.result, { ...result, newSchool: 'x' })).toEqual(['']);
  });

  it('rule: a formal record number survives the transfer (一人一号、终身不变)', () => {
    expect(brokenRules(c, c.result.parse(result), request)).toEqual([]);
    const changed = { ...result, studentRecordNumber: `G${'450123201503010028'}` };
    expect(brokenRules(c, c.result.parse(changed), request)).toEqual(['result.studentRecordNumber']);
  });

  it('rule: a temporary (L) number may be replaced by a formal one', () => {
    const temporary = c.buildRequest(childCase({}, countyInstitution), { ...input, studentRecordNumber: 'L450123201503011234' });
    expect(brokenRules(c, c.result.parse(result), temporary)).toEqual([]);
  });

  // Every contract's request, result and input export to JSON Schema: test/contracts-generated/ validates the
  // examples against the generated schemas and checks they do not drift.
});
