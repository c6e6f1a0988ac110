import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { rehabAssistanceV1 } from '../../../contracts/disability-federation/rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from '../../../contracts/disability-federation/rehab-point-certification.v1.ts';
import {
  brokenRules,
  childCase,
  childValues,
  countyInstitution,
  FEMALE_ID,
  institutionCase,
  issuePaths,
  keysOf,
  leakedValues,
} from '../../contracts/fixtures.ts';

describe('disability-federation.rehab-point-certification v1 (康复救助定点机构认定, 二(四), 四(二))', () => {
  const c = rehabPointCertificationV1;
  const input = c.input.parse({
    servicesOffered: [
      { area: 'physical', interventions: ['rehabilitation-training', 'assistive-devices'] },
      { area: 'autism', interventions: ['rehabilitation-training'] },
    ],
    rehabProfessionalCount: 12,
  });
  const request = c.buildRequest(institutionCase(), input);
  const certified = {
    certified: true,
    certificateNumber: '桂残康定2024-0101',
    validFrom: '2024-07-01',
    validUntil: '2027-06-30',
  };
  const refused = { certified: false, reason: '康复专业技术人员不足，未达到定点服务机构条件' };

  it('builds a request about the institution and no child', () => {
    expect(keysOf(request)).toEqual(
      ['cityCode', 'institutionId', 'institutionKind', 'institutionName', 'rehabProfessionalCount', 'servicesOffered'].sort(),
    );
    expect(c.request.parse(request)).toEqual(request);
    // Even a case that carries a child yields nothing of the child.
    const withChild = c.buildRequest(childCase(), input);
    expect(withChild).toEqual(request);
    expect(leakedValues(withChild, childValues)).toEqual([]);
  });

  it('carries the county of a county institution and the address when given', () => {
    const req = c.buildRequest(institutionCase(countyInstitution), { ...input, address: '隆安县城厢镇兴隆路8号' });
    expect(req).toMatchObject({ countyCode: '450123', institutionKind: 'county-protection', address: '隆安县城厢镇兴隆路8号' });
  });

  it('checks the application: at least one service, each area once, known areas only', () => {
    expect(issuePaths(c.input, { servicesOffered: [] })).toEqual(['servicesOffered']);
    const twice = [input.servicesOffered[0], input.servicesOffered[0]];
    expect(issuePaths(c.input, { servicesOffered: twice })).toEqual(['servicesOffered']);
    expect(issuePaths(c.input, { servicesOffered: [{ area: 'dental', interventions: ['surgery'] }] })).toEqual([
      'servicesOffered.0.area',
    ]);
    expect(issuePaths(c.input, { servicesOffered: [{ area: 'visual', interventions: [] }] })).toEqual([
      'servicesOffered.0.interventions',
    ]);
  });

  it('accepts valid results and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, certified)).toEqual([]);
    expect(issuePaths(c.result, { ...certified, certifiedAreas: ['physical'] })).toEqual([]);
    expect(issuePaths(c.result, refused)).toEqual([]);
    expect(issuePaths(c.result, { ...certified, certified: 'yes' })).toEqual(['certified']);
    expect(issuePaths(c.result, { ...certified, validUntil: '2027-13-01' })).toEqual(['validUntil']);
    expect(issuePaths(c.result, { ...certified, certifiedAreas: ['dental'] })).toEqual(['certifiedAreas.0']);
    expect(issuePaths(c.result, { ...certified, inspector: 'x' })).toEqual(['']);
  });

  it('rule: a certification has a number and a validity', () => {
    expect(brokenRules(c, c.result.parse(certified), request)).toEqual([]);
    const { certificateNumber: _, ...noNumber } = certified;
    expect(brokenRules(c, noNumber, request)).toEqual(['result.certificateNumber']);
    const { validFrom: __, validUntil: ___, ...noValidity } = certified;
    expect(brokenRules(c, noValidity, request)).toEqual(['result.validFrom', 'result.validUntil']);
  });

  it('rule: validity ends after it starts', () => {
    expect(brokenRules(c, { ...certified, validUntil: '2024-07-01' }, request)).toEqual(['result.validUntil']);
    expect(brokenRules(c, { ...certified, validUntil: '2023-07-01' }, request)).toEqual(['result.validUntil']);
  });

  it('rule: a certification covers only areas applied for', () => {
    const wider = { ...certified, certifiedAreas: ['physical' as const, 'hearing' as const] };
    expect(brokenRules(c, wider, request)).toEqual(['result.certifiedAreas']);
  });

  it('rule: a refusal gives its reason and no certificate', () => {
    expect(brokenRules(c, c.result.parse(refused), request)).toEqual([]);
    expect(brokenRules(c, { certified: false }, request)).toEqual(['result.reason']);
    expect(brokenRules(c, { ...refused, certificateNumber: 'x' }, request)).toEqual([
      'result.certificateNumber',
    ]);
  });

  it('requires only the outcome in its result JSON Schema', () => {
    expect(z.toJSONSchema(c.result).required).toEqual(['certified']);
  });
});

describe('disability-federation.rehab-assistance v1 (康复救助, 二(四))', () => {
  const c = rehabAssistanceV1;
  const certificate = `${FEMALE_ID}52`;
  const input = c.input.parse({ disabilityCertificateNumber: certificate, rehabNeeds: ['intellectual', 'speech'] });
  const request = c.buildRequest(childCase(), input);
  const enrolled = {
    enrolled: true,
    planSummary: '每周5次认知与言语训练，为期12个月',
    rehabInstitution: { name: '南宁市儿童福利院康复中心', institutionId: 'CWI-450100' },
    startDate: '2024-06-03',
  };

  it('builds a request with identity and disability facts, nothing about school, hukou or police', () => {
    expect(keysOf(request)).toEqual(
      [
        'birthDate', 'childId', 'disabilityCategory', 'disabilityCertificateNumber', 'disabilityGrade', 'gender', 'idNumber',
        'institutionId', 'institutionName', 'name', 'rehabNeeds',
      ].sort(),
    );
    expect(keysOf(request).filter((k) => /school|studentRecord|hukou|foundling|parents|orphan|unsupported|admitted/i.test(k))).toEqual(
      [],
    );
    expect(leakedValues(request, { cert: childValues.foundlingCertificateNumber, admittedOn: childValues.admittedOn })).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('reads category and grade off the certificate number', () => {
    expect(request).toMatchObject({ disabilityCategory: 'intellectual', disabilityGrade: 2 });
    const typed = c.buildRequest(childCase(), c.input.parse({ disabilityCategory: 'physical', disabilityGrade: 3 }));
    expect(typed).toMatchObject({ disabilityCategory: 'physical', disabilityGrade: 3 });
    expect(typed).not.toHaveProperty('disabilityCertificateNumber');
    const bare = c.buildRequest(childCase({ idNumber: undefined }), {});
    expect(keysOf(bare)).toEqual(['birthDate', 'childId', 'gender', 'institutionId', 'institutionName', 'name'].sort());
  });

  it('checks the input against the certificate number', () => {
    expect(issuePaths(c.input, { disabilityCertificateNumber: certificate, disabilityCategory: 'physical' })).toEqual([
      'disabilityCategory',
    ]);
    expect(issuePaths(c.input, { disabilityCertificateNumber: certificate, disabilityGrade: 1 })).toEqual(['disabilityGrade']);
    expect(issuePaths(c.input, { disabilityCertificateNumber: `${FEMALE_ID}82` })).toEqual(['disabilityCertificateNumber']);
    expect(issuePaths(c.input, { disabilityGrade: 5 })).toEqual(['disabilityGrade']);
    expect(issuePaths(c.input, { diagnosis: 'x' })).toEqual(['']);
  });

  it('accepts valid results and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, enrolled)).toEqual([]);
    expect(issuePaths(c.result, { enrolled: false, reason: '已纳入其他救助项目' })).toEqual([]);
    expect(issuePaths(c.result, { ...enrolled, rehabInstitution: { name: 'x', city: 'y' } })).toEqual(['rehabInstitution']);
    expect(issuePaths(c.result, { ...enrolled, rehabInstitution: { name: 'x', institutionId: 'CWI-1' } })).toEqual([
      'rehabInstitution.institutionId',
    ]);
    expect(issuePaths(c.result, { ...enrolled, startDate: 'soon' })).toEqual(['startDate']);
    expect(issuePaths(c.result, { ...enrolled, diagnosis: '21-三体综合征' })).toEqual(['']);
  });

  it('rule: an enrolment has a plan, an institution and a start date', () => {
    expect(brokenRules(c, c.result.parse(enrolled), request)).toEqual([]);
    expect(brokenRules(c, { enrolled: true }, request)).toEqual([
      'result.planSummary',
      'result.rehabInstitution',
      'result.startDate',
    ]);
  });

  it('rule: a refusal gives its reason and no plan', () => {
    expect(brokenRules(c, { enrolled: false, reason: '已纳入其他救助项目' }, request)).toEqual([]);
    expect(brokenRules(c, { enrolled: false }, request)).toEqual(['result.reason']);
    expect(brokenRules(c, { ...enrolled, enrolled: false, reason: 'x' }, request)).toEqual([
      'result.planSummary',
      'result.rehabInstitution',
      'result.startDate',
    ]);
  });

  // Every contract's request, result and input export to JSON Schema: test/contracts-generated/ validates the
  // examples against the generated schemas and checks they do not drift.
});
