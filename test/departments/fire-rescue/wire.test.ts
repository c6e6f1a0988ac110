import { describe, expect, it } from 'vitest';
import { safetyInspectionV1 } from '../../../contracts/fire-rescue/safety-inspection.v1.ts';
import { fromWire, toWire } from '../../../services/departments/fire-rescue/mapping.ts';
import { REMEDIATION_DAYS, simulator } from '../../../scripts/departments/fire-rescue/simulator.ts';
import {
  CHILD_ID,
  childCase,
  childValues,
  cityInstitution,
  countyInstitution,
  institutionCase,
  leakedValues,
} from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('fire rescue wire: safety inspection (消防安全检查, XFAQJC)', () => {
  const c = safetyInspectionV1;
  const city = cityInstitution.institutionId;
  const county = countyInstitution.institutionId;
  const input = c.input.parse({ inspectionKind: 'requested', address: '南宁市青秀区民族大道1号', requestReason: '宿舍楼改造完工' });
  // Built from a case that holds a child too: the inspection is about premises, never about children.
  const requested = c.buildRequest(childCase(), input);
  const periodic = c.buildRequest(institutionCase(countyInstitution), c.input.parse({ inspectionKind: 'periodic' }));
  const wireOf = (request: unknown, subjectId = city) => toWire(envelopeFor(c, request, subjectId));

  it('maps the request to the inspection application’s fields and inspection-type codes', () => {
    expect(wireOf(requested)).toEqual({
      ywlx: 'XFAQJC',
      sqbh: taskIdOf(city),
      sqsj: TIME,
      bjqx: DEADLINE,
      dwxx: { dwbm: 'CWI-450100', dwmc: '南宁市儿童福利院', dwdz: '南宁市青秀区民族大道1号' },
      jcxx: { jclx: '05', sqly: '宿舍楼改造完工' },
    });
    expect(wireOf(periodic, county)).toEqual({
      ywlx: 'XFAQJC',
      sqbh: taskIdOf(county),
      sqsj: TIME,
      bjqx: DEADLINE,
      dwxx: { dwbm: 'MPC-450123', dwmc: '隆安县未成年人救助保护中心' },
      jcxx: { jclx: '01' },
    });
  });

  it('leaves out the deadline when the envelope has none', () => {
    const { deadline: _, ...envelope } = envelopeFor(c, periodic, county);
    expect(toWire(envelope)).not.toHaveProperty('bjqx');
  });

  it('round-trips: the department reads back exactly the request', () => {
    expect(fromWire(wireOf(requested))).toEqual({ taskId: taskIdOf(city), type: c.type, request: requested });
    expect(fromWire(wireOf(periodic, county))).toEqual({ taskId: taskIdOf(county), type: c.type, request: periodic });
  });

  it('carries no child data at all', () => {
    const wire = wireOf(requested);
    expect(leakedValues(wire, { ...childValues, name: '党小晴' })).toEqual([]);
    expect(JSON.stringify(wire)).not.toMatch(/hub_child_id|"xm"|csrq|gmsfhm|sfzjh/);
  });

  it('refuses an envelope whose data does not match the contract, including one that smuggles a child in', () => {
    expect(() => wireOf({ ...requested, childId: CHILD_ID })).toThrow(/childId/);
    expect(() => wireOf({ ...requested, children: [{ name: '党小晴' }] })).toThrow(/children/);
    expect(() => wireOf({ ...requested, inspectionKind: 'surprise' })).toThrow(/inspectionKind/);
    const { institutionName: _, ...noName } = requested;
    expect(() => wireOf(noName)).toThrow(/institutionName/);
    expect(() => toWire(envelopeFor(c, requested, city, { contractVersion: 2 }))).toThrow(/no wire mapping/);
    expect(() => toWire(envelopeFor(c, requested, city, { department: 'education' }))).toThrow(/not for fire rescue/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(requested);
    expect(() => fromWire(altered(good, (w) => (w.ywlx = 'XFJC')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.jcxx.jclx = 'periodic')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.dwxx.xm = '党小晴')))).toThrow(/xm/);
    expect(() => fromWire(altered(good, (w) => (w.dwxx.dwbm = 'FIRE-1')))).toThrow(/institutionId/);
    expect(() => fromWire(altered(good, (w) => delete w.sqbh))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ertxx = [])))).toThrow(/ertxx/);
  });

  it('simulator: a requested inspection finds a general hazard, to be remedied within 30 days', () => {
    const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(requested)).request, TODAY));
    expect(REMEDIATION_DAYS).toBe(30);
    expect(result).toEqual({
      hazardsFound: [{ description: expect.stringContaining('疏散指示标志'), severity: 'general' }],
      remediationDeadline: '2026-12-20',
      drillHeld: true,
      evacuationPlanReviewed: true,
      inspectedOn: TODAY,
    });
    expect(c.checkResult!(result, requested)).toEqual([]);
  });

  it('simulator: a periodic inspection finds nothing and sets no deadline', () => {
    const result = c.result.parse(simulator.results[c.type]!(periodic, TODAY));
    expect(result).toEqual({ hazardsFound: [], drillHeld: true, evacuationPlanReviewed: true, inspectedOn: TODAY });
    expect(c.checkResult!(result, periodic)).toEqual([]);
  });
});
