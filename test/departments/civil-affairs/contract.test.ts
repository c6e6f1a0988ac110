import { describe, expect, it } from 'vitest';
import { specialHardshipRecognitionV1 } from '../../../contracts/civil-affairs/special-hardship-recognition.v1.ts';
import { brokenRules, childCase, issuePaths, keysOf } from '../../contracts/fixtures.ts';

describe('civil-affairs.special-hardship-recognition v1 (特困人员认定, 二(六))', () => {
  const c = specialHardshipRecognitionV1;
  const input = { placeCountyCode: '450103', supportMode: 'centralised' as const, welfareInstitutionName: '南宁市社会福利院', labourCapacity: 'none' as const, selfCareCapacity: 'partial' as const };
  const request = c.buildRequest(childCase(), c.input.parse(input));

  it('sends identity, disability, capacities and the support asked for: no hukou, school or certificate', () => {
    expect(keysOf(request)).toEqual([
      'birthDate', 'childId', 'disabled', 'gender', 'idNumber', 'institutionId', 'labourCapacity', 'name', 'placeCountyCode',
      'selfCareCapacity', 'supportMode', 'welfareInstitutionName',
    ]);
    expect(JSON.stringify(request)).not.toMatch(/hukou|foundling|桂南公捡|school/);
  });

  it('centralised support names its institution; opened by the plan for special-hardship categories', () => {
    expect(issuePaths(c.input, { ...input, welfareInstitutionName: undefined })).toEqual(['welfareInstitutionName']);
    expect(issuePaths(c.input, { ...input, supportMode: 'dispersed', welfareInstitutionName: undefined })).toEqual([]);
    expect(c.placement).toMatchObject({ when: ['specialHardshipSupport'] });
  });

  it('a recognition gives mode, certificate and start; a refusal its reason', () => {
    expect(brokenRules(c, { recognised: true, supportMode: 'centralised', certificateNumber: 'X1', supportFrom: '2026-03-02' }, request)).toEqual([]);
    expect(brokenRules(c, { recognised: true }, request)).toEqual(['result.supportMode', 'result.certificateNumber', 'result.supportFrom']);
    expect(brokenRules(c, { recognised: false }, request)).toEqual(['result.reason']);
  });
});
