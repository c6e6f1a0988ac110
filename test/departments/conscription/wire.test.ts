import { describe, expect, it } from 'vitest';
import { priorityEnlistmentV1 } from '../../../contracts/conscription/priority-enlistment.v1.ts';
import { fromWire, toWire } from '../../../services/departments/conscription/mapping.ts';
import { simulator } from '../../../scripts/departments/conscription/simulator.ts';
import { CHILD_ID, childCase, FEMALE_ID } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('conscription wire: conscription referral (征兵推荐, YXRW)', () => {
  const c = priorityEnlistmentV1;
  const request = c.buildRequest(childCase(), { placeCountyCode: '450103' });
  const wire = toWire(envelopeFor(c, request, CHILD_ID));

  it('maps identity and place, flagged for priority', () => {
    expect(wire).toEqual({
      ywlx: 'YXRW',
      sqbh: taskIdOf(CHILD_ID),
      sqsj: TIME,
      bjqx: DEADLINE,
      yzxx: { hubId: CHILD_ID, xm: '党小晴', xb: '2', csrq: '2015-03-01', gmsfhm: FEMALE_ID },
      tjdw: 'CWI-450100',
      djd: '450103',
      yxtj: '1',
    });
  });

  it('round-trips and refuses a malformed body', () => {
    expect(fromWire(wire)).toEqual({ taskId: taskIdOf(CHILD_ID), type: c.type, request });
    expect(() => fromWire(altered(wire, (w) => (w.yxtj = '0')))).toThrow(/yxtj/);
  });

  it('the simulator registers the young person, and the contract accepts it', () => {
    const result = c.result.parse(simulator.results[c.type]!(request, TODAY));
    expect(result).toEqual({ registered: true, outcome: 'awaiting-call-up' });
    expect(c.checkResult!(result, request)).toEqual([]);
  });
});
