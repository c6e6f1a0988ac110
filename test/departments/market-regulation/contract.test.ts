import { describe, expect, it } from 'vitest';
import { foodSafetyInspectionV1 } from '../../../contracts/market-regulation/food-safety-inspection.v1.ts';
import { brokenRules, childCase, childValues, institutionCase, keysOf, leakedValues } from '../../contracts/fixtures.ts';

describe('market-regulation.food-safety-inspection v1 (食品安全检查指导, 四(二), 二(九))', () => {
  const c = foodSafetyInspectionV1;
  const input = c.input.parse({ inspectionKind: 'requested', address: '南宁市青秀区民族大道1号食堂', requestReason: '新食堂启用' });
  const request = c.buildRequest(institutionCase(), input);
  const clean = { hazardsFound: [], guidanceGiven: true, rating: 'good' as const, inspectedOn: '2026-12-01' };

  it('is about the premises: the same request when the case carries a child, and no child data', () => {
    expect(keysOf(request)).toEqual(['address', 'inspectionKind', 'institutionId', 'institutionName', 'requestReason']);
    expect(c.buildRequest(childCase(), input)).toEqual(request);
    expect(leakedValues(c.buildRequest(childCase(), input), childValues)).toEqual([]);
  });

  it('hazards need a remediation deadline after the inspection, and only hazards', () => {
    const hazard = { description: '留样不全', severity: 'general' as const };
    expect(brokenRules(c, clean, request)).toEqual([]);
    expect(brokenRules(c, { ...clean, hazardsFound: [hazard] }, request)).toEqual(['result.remediationDeadline']);
    expect(brokenRules(c, { ...clean, remediationDeadline: '2026-12-15' }, request)).toEqual(['result.remediationDeadline']);
    expect(brokenRules(c, { ...clean, hazardsFound: [hazard], remediationDeadline: '2026-11-30' }, request)).toEqual(['result.remediationDeadline']);
  });
});
