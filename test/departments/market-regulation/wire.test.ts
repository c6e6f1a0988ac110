import { describe, expect, it } from 'vitest';
import { foodSafetyInspectionV1 } from '../../../contracts/market-regulation/food-safety-inspection.v1.ts';
import { fromWire, toWire } from '../../../services/departments/market-regulation/mapping.ts';
import { simulator } from '../../../scripts/departments/market-regulation/simulator.ts';
import { cityInstitution, institutionCase } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('market regulation wire: food-safety inspection (食品安全监督检查, SPAQJC)', () => {
  const c = foodSafetyInspectionV1;
  const city = cityInstitution.institutionId;
  const requested = c.buildRequest(institutionCase(), c.input.parse({ inspectionKind: 'requested', requestReason: '新食堂启用' }));
  const periodic = c.buildRequest(institutionCase(), c.input.parse({ inspectionKind: 'periodic' }));
  const wireOf = (r: unknown) => toWire(envelopeFor(c, r, city));

  it('maps to the inspection record’s fields and codes', () => {
    expect(wireOf(requested)).toEqual({
      ywlx: 'SPAQJC',
      sqbh: taskIdOf(city),
      sqsj: TIME,
      bjqx: DEADLINE,
      dwxx: { dwbm: 'CWI-450100', dwmc: '南宁市儿童福利院' },
      jcxx: { jclx: '03', sqly: '新食堂启用' },
    });
  });

  it('round-trips and refuses a malformed body', () => {
    expect(fromWire(wireOf(periodic))).toEqual({ taskId: taskIdOf(city), type: c.type, request: periodic });
    expect(() => fromWire(altered(wireOf(periodic), (w) => (w.jcxx.jclx = '09')))).toThrow(/jclx/);
  });

  it('the simulator’s results pass the contract: clean when periodic, a problem to remedy when requested', () => {
    for (const r of [periodic, requested]) expect(c.checkResult!(c.result.parse(simulator.results[c.type]!(r, TODAY)), r)).toEqual([]);
    expect(simulator.results[c.type]!(requested, TODAY)).toMatchObject({ remediationDeadline: '2026-12-04', rating: 'fair' });
  });
});
