import { describe, expect, it } from 'vitest';
import { preEnrollmentV1 } from '../../../contracts/medical-insurance/pre-enrollment.v1.ts';
import { brokenRules, childCase, childValues, FEMALE_ID, issuePaths, keysOf, leakedValues } from '../../contracts/fixtures.ts';

describe('medical-insurance.pre-enrollment v1 (医保预参保登记, 二(三))', () => {
  const c = preEnrollmentV1;
  const request = c.buildRequest(childCase(), c.input.parse({}));
  const result = {
    insuredBefore: false,
    enrollmentNumber: 'GX-YB-2024-000815',
    enrolledOn: '2024-05-21',
    benefitStartDate: '2024-05-21',
    contributionSubsidised: true,
  };

  it('builds a request with identity, institution and subsidy category only', () => {
    expect(keysOf(request)).toEqual(
      ['admittedOn', 'birthDate', 'childId', 'gender', 'idNumber', 'institutionId', 'name', 'subsidyCategory'].sort(),
    );
    expect(keysOf(request).filter((k) => /school|hukou|foundling|disab|parents|orphan|unsupported/i.test(k))).toEqual([]);
    expect(leakedValues(request, { cert: childValues.foundlingCertificateNumber })).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('derives the subsidy category (二(三)): parents unknown counts as orphan', () => {
    const category = (o: Parameters<typeof childCase>[0]) => c.buildRequest(childCase(o), {}).subsidyCategory;
    expect(category({ parentsUnknown: true, orphan: false })).toBe('orphan');
    expect(category({ parentsUnknown: false, orphan: true })).toBe('orphan');
    expect(category({ parentsUnknown: false, orphan: false, factuallyUnsupported: true })).toBe('factually-unsupported');
    expect(category({ parentsUnknown: false, orphan: false, factuallyUnsupported: false })).toBe('none');
  });

  it('leaves the identity number out when there is none, and needs a child', () => {
    expect(c.buildRequest(childCase({ idNumber: undefined }), {})).not.toHaveProperty('idNumber');
    expect(() => c.buildRequest({ institution: childCase().institution }, {})).toThrow(/needs a child/);
  });

  it('accepts a valid result and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, result)).toEqual([]);
    expect(issuePaths(c.result, { ...result, enrolledOn: '2024-02-30' })).toEqual(['enrolledOn']);
    expect(issuePaths(c.result, { ...result, enrollmentNumber: '' })).toEqual(['enrollmentNumber']);
    expect(issuePaths(c.result, { ...result, contributionSubsidised: 'yes' })).toEqual(['contributionSubsidised']);
    const { benefitStartDate: _, ...noStart } = result;
    expect(issuePaths(c.result, noStart)).toEqual(['benefitStartDate']);
  });

  it('refuses an identity number with a wrong check character in the request', () => {
    expect(issuePaths(c.request, { ...request, idNumber: `${FEMALE_ID.slice(0, 17)}0` })).toEqual(['idNumber']);
  });

  it('rule: no waiting period (不设待遇等待期)', () => {
    expect(brokenRules(c, result, request)).toEqual([]);
    expect(brokenRules(c, { ...result, benefitStartDate: '2024-05-20' }, request)).toEqual([]);
    expect(brokenRules(c, { ...result, benefitStartDate: '2024-06-21' }, request)).toEqual([
      'result.benefitStartDate',
    ]);
  });

  it('rule: orphans and de-facto-unsupported children have their contribution subsidised', () => {
    const unsubsidised = { ...result, contributionSubsidised: false };
    expect(brokenRules(c, unsubsidised, request)).toEqual(['result.contributionSubsidised']);
    const none = c.buildRequest(childCase({ parentsUnknown: false, orphan: false, factuallyUnsupported: false }), {});
    expect(brokenRules(c, unsubsidised, none)).toEqual([]);
  });

  // Every contract's request, result and input export to JSON Schema: test/contracts-generated/ validates the
  // examples against the generated schemas and checks they do not drift.
  it('refuses unknown keys in a result', () => {
    expect(issuePaths(c.result, { ...result, diagnosis: 'x' })).toEqual(['']);
  });
});
