import { describe, expect, it } from 'vitest';
import { employmentSupportV1 } from '../../../contracts/human-resources/employment-support.v1.ts';
import { fromWire, toWire } from '../../../services/departments/human-resources/mapping.ts';
import { simulator } from '../../../scripts/departments/human-resources/simulator.ts';
import { CHILD_ID, childCase, FEMALE_ID } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('human resources wire: public employment service application (JGJY)', () => {
  const c = employmentSupportV1;
  const placement = c.buildRequest(
    childCase(),
    c.input.parse({ wishes: ['technical-school', 'work'], labourCapacity: 'partial', placeCountyCode: '450103', employmentDifficulty: true }),
  );
  const guidance = c.buildRequest(childCase(), {});
  const wireOf = (r: unknown) => toWire(envelopeFor(c, r, CHILD_ID));

  it('maps the request to the application’s fields and codes', () => {
    expect(wireOf(placement)).toEqual({
      ywlx: 'JGJY',
      sqbh: taskIdOf(CHILD_ID),
      sqsj: TIME,
      bjqx: DEADLINE,
      grxx: { hubId: CHILD_ID, xm: '党小晴', xb: '2', csrq: '2015-03-01', sfzh: FEMALE_ID },
      sqdw: 'CWI-450100',
      jd: '2',
      yy: ['02', '03'],
      ldnl: '2',
      azd: '450103',
      jykn: '1',
    });
    expect(wireOf(guidance)).not.toHaveProperty('yy');
  });

  it('round-trips both stages, and refuses a malformed body', () => {
    expect(fromWire(wireOf(placement)).request).toEqual(placement);
    expect(fromWire(wireOf(guidance)).request).toEqual(guidance);
    expect(() => fromWire(altered(wireOf(placement), (w) => (w.yy = ['09'])))).toThrow(/yy/);
  });

  it('the simulator arranges what the wishes ask for, and the contract accepts it', () => {
    for (const request of [placement, guidance]) {
      const result = c.result.parse(simulator.results[c.type]!(request, TODAY));
      expect(c.checkResult!(result, request)).toEqual([]);
    }
    expect(simulator.results[c.type]!(placement, TODAY)).toMatchObject({
      services: ['technical-school', 'vocational-training', 'employment-guidance', 'employment-assistance'],
    });
  });
});
