import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isSubstantiveReason } from '../../../contracts/public-security/fields.ts';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';
import { brokenRules, childCase, countyInstitution, FEMALE_ID, issuePaths, keysOf, MALE_ID } from '../../contracts/fixtures.ts';

/** Nothing about schooling, disability or benefits reaches the police. */
const FORBIDDEN_KEYS = /school|studentRecord|level|grade|disab|rehab|orphan|unsupported|subsidy|insur/i;
const forbiddenIn = (request: object) => keysOf(request).filter((k) => FORBIDDEN_KEYS.test(k));

describe('public-security.foundling-report v1 (捡拾报案证明, 三(一))', () => {
  const c = foundlingReportV1;
  const input = c.input.parse({
    foundPlace: '隆安县城厢镇汽车站候车室',
    foundCountyCode: '450123',
    foundOn: '2024-05-18',
    circumstances: '襁褓内有出生日期字条',
  });
  const request = c.buildRequest(childCase({ idNumber: undefined }), input);
  const result = { certificateNumber: '隆公捡字2024第17号', issuedOn: '2024-05-19', policeStation: '隆安县公安局城厢派出所' };

  it('builds a request with who the child is and where and when the child was found', () => {
    expect(keysOf(request)).toEqual(
      ['birthDate', 'childId', 'circumstances', 'foundCountyCode', 'foundOn', 'foundPlace', 'gender', 'institutionId', 'name'].sort(),
    );
    expect(forbiddenIn(request)).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('passes an identity number on when one is known', () => {
    expect(c.buildRequest(childCase(), input)).toHaveProperty('idNumber', FEMALE_ID);
  });

  it('needs where and when', () => {
    expect(issuePaths(c.input, {}).sort()).toEqual(['foundCountyCode', 'foundOn', 'foundPlace']);
    expect(issuePaths(c.input, { ...input, foundCountyCode: '45012' })).toEqual(['foundCountyCode']);
  });

  it('accepts a valid result and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, result)).toEqual([]);
    expect(issuePaths(c.result, { ...result, certificateNumber: '' })).toEqual(['certificateNumber']);
    expect(issuePaths(c.result, { ...result, issuedOn: '2024/05/19' })).toEqual(['issuedOn']);
    expect(issuePaths(c.result, { ...result, parentsFound: false })).toEqual(['']);
  });

  it('rule: the certificate is issued on or after the day the child was found', () => {
    expect(brokenRules(c, c.result.parse(result), request)).toEqual([]);
    expect(brokenRules(c, { ...result, issuedOn: '2024-05-18' }, request)).toEqual([]);
    expect(brokenRules(c, { ...result, issuedOn: '2024-05-17' }, request)).toEqual(['result.issuedOn']);
  });
});

describe('public-security.hukou-registration v1 (落户, 四(二))', () => {
  const c = hukouRegistrationV1;
  const request = c.buildRequest(childCase({ idNumber: undefined }), c.input.parse({}));
  const result = {
    hukouRegistrationNumber: '450103000123',
    address: '广西南宁市青秀区民族大道1号(南宁市儿童福利院集体户)',
    registeredOn: '2024-06-10',
    idNumber: FEMALE_ID,
  };

  it('builds a request with identity, institution and the foundling certificate', () => {
    expect(keysOf(request)).toEqual(
      [
        'admittedOn', 'birthDate', 'childId', 'foundlingCertificateNumber', 'gender', 'institutionId', 'institutionName',
        'name', 'parentsUnknown',
      ].sort(),
    );
    expect(forbiddenIn(request)).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('leaves the certificate out when there is none', () => {
    const req = c.buildRequest(childCase({ idNumber: undefined, foundlingCertificateNumber: undefined, parentsUnknown: false }), {});
    expect(req).not.toHaveProperty('foundlingCertificateNumber');
    expect(req.parentsUnknown).toBe(false);
  });

  it('takes no input', () => {
    expect(issuePaths(c.input, {})).toEqual([]);
    expect(issuePaths(c.input, { address: 'x' })).toEqual(['']);
  });

  it('accepts a valid result and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, result)).toEqual([]);
    const { idNumber: _, ...withoutId } = result;
    expect(issuePaths(c.result, withoutId)).toEqual([]);
    expect(issuePaths(c.result, { ...result, idNumber: FEMALE_ID.slice(0, 17) + 'x' })).toEqual(['idNumber']);
    expect(issuePaths(c.result, { ...result, idNumber: '450102201503010021' })).toEqual(['idNumber']);
    const { address: __, ...withoutAddress } = result;
    expect(issuePaths(c.result, withoutAddress)).toEqual(['address']);
  });

  it('rule: the identity number’s gender digit matches the child', () => {
    expect(brokenRules(c, c.result.parse(result), request)).toEqual([]);
    expect(brokenRules(c, { ...result, idNumber: MALE_ID }, request)).toEqual(['result.idNumber']);
  });

  it('rule: registration is not dated before birth', () => {
    expect(brokenRules(c, { ...result, registeredOn: '2014-01-01' }, request)).toEqual(['result.registeredOn']);
  });
});

describe('public-security.hukou-migration v1 (户口迁移, 三(一))', () => {
  const c = hukouMigrationV1;
  const input = c.input.parse({
    fromHukouAddress: '广西隆安县城厢镇兴隆路8号(隆安县儿童福利院集体户)',
    toInstitutionId: 'CWI-450100',
  });
  const request = c.buildRequest(childCase({ hukouRegistered: true }, countyInstitution), input);
  const migrated = { outcome: 'migrated', newHukouAddress: '广西南宁市青秀区民族大道1号', migratedOn: '2024-07-01' };
  const exempt = { outcome: 'exempt', reason: '儿童在原籍享有土地承包经营权，迁移户口将丧失该权益' };

  it('builds a request with identity and both ends of the move', () => {
    expect(keysOf(request)).toEqual(
      ['birthDate', 'childId', 'fromHukouAddress', 'gender', 'idNumber', 'name', 'toInstitutionId'].sort(),
    );
    expect(forbiddenIn(request)).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
    const full = c.buildRequest(childCase({}, countyInstitution), {
      ...input,
      hukouRegistrationNumber: '450123000045',
      toHukouAddress: '广西南宁市青秀区民族大道1号',
    });
    expect(keysOf(full)).toEqual([...keysOf(request), 'hukouRegistrationNumber', 'toHukouAddress'].sort());
  });

  it('accepts both outcomes', () => {
    expect(issuePaths(c.result, migrated)).toEqual([]);
    expect(issuePaths(c.result, { ...migrated, newHukouRegistrationNumber: '450103000124' })).toEqual([]);
    expect(issuePaths(c.result, exempt)).toEqual([]);
  });

  it('refuses malformed results, naming the field', () => {
    expect(issuePaths(c.result, { outcome: 'exempt' })).toEqual(['reason']);
    expect(issuePaths(c.result, { outcome: 'exempt', reason: '   ' })).toEqual(['reason']);
    expect(issuePaths(c.result, { outcome: 'migrated', migratedOn: '2024-07-01' })).toEqual(['newHukouAddress']);
    expect(issuePaths(c.result, { outcome: 'postponed' })).toEqual(['outcome']);
    // An exemption carries no new address, and a migration no reason: the branches do not mix.
    expect(issuePaths(c.result, { ...exempt, newHukouAddress: 'x' })).toEqual(['']);
    expect(issuePaths(c.result, { ...migrated, reason: 'x' })).toEqual(['']);
  });

  it('rule: an exemption needs a reason that says something', () => {
    expect(brokenRules(c, c.result.parse(exempt), request)).toEqual([]);
    expect(brokenRules(c, c.result.parse(migrated), request)).toEqual([]);
    for (const reason of ['无', 'N/A', '其他。', 'other', '对儿童不利', 'aaaaaaaaaaaaaaaaaaaaaaaa', 'harmful']) {
      expect(brokenRules(c, { outcome: 'exempt', reason }, request), reason).toEqual(['result.reason']);
    }
  });

  it('judges reasons in Chinese and in English', () => {
    expect(isSubstantiveReason('迁移将使儿童丧失原籍集体经济组织成员权益')).toBe(true);
    expect(isSubstantiveReason('Migration would forfeit the child’s land contract rights')).toBe(true);
    expect(isSubstantiveReason('不 适 用')).toBe(false);
  });
});

describe('public-security.dna-comparison v1 (采血比对, 四(二))', () => {
  const c = dnaComparisonV1;
  const request = c.buildRequest(childCase(), c.input.parse({}));
  const noMatch = { sampleId: 'GX-DNA-2024-000815', sampledOn: '2024-05-22', compared: true, matchFound: false };
  const match = { ...noMatch, matchFound: true, matchCaseReference: '桂公刑2019拐字第33号' };

  it('builds a request to find and identify the child, linked to the police case', () => {
    expect(keysOf(request)).toEqual(
      ['birthDate', 'childId', 'foundlingCertificateNumber', 'gender', 'institutionId', 'institutionName', 'name'].sort(),
    );
    expect(forbiddenIn(request)).toEqual([]);
    expect(request).not.toHaveProperty('idNumber');
    expect(c.request.parse(request)).toEqual(request);
  });

  it('accepts valid results and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, noMatch)).toEqual([]);
    expect(issuePaths(c.result, { ...noMatch, compared: false })).toEqual([]);
    expect(issuePaths(c.result, match)).toEqual([]);
    expect(issuePaths(c.result, { ...noMatch, matchFound: 'no' })).toEqual(['matchFound']);
    const { sampleId: _, ...noSample } = noMatch;
    expect(issuePaths(c.result, noSample)).toEqual(['sampleId']);
    expect(issuePaths(c.result, { ...noMatch, profile: 'D3S1358:15,16' })).toEqual(['']);
  });

  it('rule: a match needs a comparison', () => {
    expect(brokenRules(c, match, request)).toEqual([]);
    expect(brokenRules(c, { ...match, compared: false }, request)).toEqual(['result.compared']);
  });

  it('rule: a match names its case, and only a match does', () => {
    const { matchCaseReference: _, ...bare } = match;
    expect(brokenRules(c, bare, request)).toEqual(['result.matchCaseReference']);
    expect(brokenRules(c, noMatch, request)).toEqual([]);
    expect(brokenRules(c, { ...noMatch, matchCaseReference: 'x' }, request)).toEqual([
      'result.matchCaseReference',
    ]);
  });
});

describe('public-security JSON Schemas', () => {
  // Every contract's request, result and input export to JSON Schema: test/contracts-generated/ validates the
  // examples against the generated schemas and checks they do not drift.
  it('documents the migration result as one of two outcomes', () => {
    const outcomes = z.toJSONSchema(hukouMigrationV1.result).oneOf?.map(({ properties }) => {
      const outcome = properties?.outcome;
      return typeof outcome === 'object' ? outcome.const : outcome;
    });
    expect(outcomes).toEqual(['migrated', 'exempt']);
  });
});
