import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ChildFacts } from '../../../contracts/case.ts';
import { safetyInspectionV1 } from '../../../contracts/fire-rescue/safety-inspection.v1.ts';
import {
  brokenRules,
  childCase,
  childValues,
  countyInstitution,
  institutionCase,
  issuePaths,
  keysOf,
  leakedValues,
} from '../../contracts/fixtures.ts';

describe('fire-rescue.safety-inspection v1 (消防安全检查, 四(二), 二(九))', () => {
  const c = safetyInspectionV1;
  const input = c.input.parse({ inspectionKind: 'requested', address: '南宁市青秀区民族大道1号', requestReason: '宿舍楼改造完工' });
  const request = c.buildRequest(institutionCase(), input);
  const clean = { hazardsFound: [], drillHeld: true, evacuationPlanReviewed: true, inspectedOn: '2024-10-09' };
  const withHazards = {
    ...clean,
    hazardsFound: [
      { description: '二楼疏散通道堆放杂物', severity: 'general' },
      { description: '厨房燃气报警装置失效', severity: 'major' },
    ],
    remediationDeadline: '2024-10-31',
    drillHeld: false,
  };

  it('builds a request about the premises and no child at all', () => {
    expect(keysOf(request)).toEqual(['address', 'inspectionKind', 'institutionId', 'institutionName', 'requestReason']);
    const childKeys = Object.keys(ChildFacts.shape).filter((k) => k !== 'institutionId');
    expect(keysOf(request).filter((k) => childKeys.includes(k) || /child/i.test(k))).toEqual([]);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('yields the same request when the case happens to carry a child', () => {
    const withChild = c.buildRequest(childCase(), input);
    expect(withChild).toEqual(request);
    expect(leakedValues(withChild, childValues)).toEqual([]);
  });

  it('sends a periodic inspection with only id, name and kind', () => {
    const periodic = c.buildRequest(institutionCase(countyInstitution), c.input.parse({ inspectionKind: 'periodic' }));
    expect(periodic).toEqual({
      institutionId: 'MPC-450123',
      institutionName: '隆安县未成年人救助保护中心',
      inspectionKind: 'periodic',
    });
  });

  it('needs a known inspection kind', () => {
    expect(issuePaths(c.input, {})).toEqual(['inspectionKind']);
    expect(issuePaths(c.input, { inspectionKind: 'surprise' })).toEqual(['inspectionKind']);
    expect(issuePaths(c.input, { inspectionKind: 'periodic', childCount: 40 })).toEqual(['']);
  });

  it('accepts valid results and refuses malformed ones, naming the field', () => {
    expect(issuePaths(c.result, clean)).toEqual([]);
    expect(issuePaths(c.result, withHazards)).toEqual([]);
    expect(issuePaths(c.result, { ...withHazards, hazardsFound: [{ description: '灭火器过期', severity: 'critical' }] })).toEqual([
      'hazardsFound.0.severity',
    ]);
    expect(issuePaths(c.result, { ...withHazards, hazardsFound: [{ severity: 'general' }] })).toEqual(['hazardsFound.0.description']);
    const { drillHeld: _, ...noDrill } = clean;
    expect(issuePaths(c.result, noDrill)).toEqual(['drillHeld']);
    const { hazardsFound: __, ...noHazardList } = clean;
    expect(issuePaths(c.result, noHazardList)).toEqual(['hazardsFound']);
    expect(issuePaths(c.result, { ...clean, inspectedOn: '2024-10-09T10:00:00Z' })).toEqual(['inspectedOn']);
    expect(issuePaths(c.result, { ...clean, residents: 40 })).toEqual(['']);
  });

  it('rule: hazards need a remediation deadline', () => {
    expect(brokenRules(c, c.result.parse(withHazards), request)).toEqual([]);
    const { remediationDeadline: _, ...noDeadline } = c.result.parse(withHazards);
    expect(brokenRules(c, noDeadline, request)).toEqual(['result.remediationDeadline']);
  });

  it('rule: no hazards, no remediation deadline', () => {
    expect(brokenRules(c, c.result.parse(clean), request)).toEqual([]);
    expect(brokenRules(c, { ...clean, remediationDeadline: '2024-10-31' }, request)).toEqual([
      'result.remediationDeadline',
    ]);
  });

  it('rule: the remediation deadline falls after the inspection', () => {
    const parsed = c.result.parse(withHazards);
    expect(brokenRules(c, { ...parsed, remediationDeadline: '2024-10-09' }, request)).toEqual([
      'result.remediationDeadline',
    ]);
    expect(brokenRules(c, { ...parsed, remediationDeadline: '2024-10-01' }, request)).toEqual([
      'result.remediationDeadline',
    ]);
    expect(brokenRules(c, { ...parsed, remediationDeadline: '2024-10-10' }, request)).toEqual([]);
  });

  it('documents the request fields in its JSON Schema', () => {
    const req = z.toJSONSchema(c.request) as { properties: Record<string, unknown> };
    expect(Object.keys(req.properties).sort()).toEqual(['address', 'inspectionKind', 'institutionId', 'institutionName', 'requestReason']);
  });
});
