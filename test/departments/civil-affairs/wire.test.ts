import { describe, expect, it } from 'vitest';
import { specialHardshipRecognitionV1 } from '../../../contracts/civil-affairs/special-hardship-recognition.v1.ts';
import { fromWire, toWire } from '../../../services/departments/civil-affairs/mapping.ts';
import { simulator } from '../../../scripts/departments/civil-affairs/simulator.ts';
import { CHILD_ID, childCase, FEMALE_ID } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('civil affairs wire: special-hardship application (特困人员供养申请, TKRD)', () => {
  const c = specialHardshipRecognitionV1;
  const request = c.buildRequest(childCase(), c.input.parse({ placeCountyCode: '450103', supportMode: 'dispersed', labourCapacity: 'none', selfCareCapacity: 'none' }));
  const wire = toWire(envelopeFor(c, request, CHILD_ID));

  it('maps to the application’s fields and codes, routed by the county of placement', () => {
    expect(wire).toEqual({
      ywlx: 'TKRD',
      sqbh: taskIdOf(CHILD_ID),
      sqsj: TIME,
      bjqx: DEADLINE,
      sqr: { hubId: CHILD_ID, xm: '党小晴', xb: '2', csrq: '2015-03-01', sfzh: FEMALE_ID, sfcj: '1' },
      sqdw: 'CWI-450100',
      xzqh: '450103',
      gyfs: '1',
      ldnl: '3',
      zlnl: '3',
    });
  });

  it('round-trips and refuses a malformed body', () => {
    expect(fromWire(wire)).toEqual({ taskId: taskIdOf(CHILD_ID), type: c.type, request });
    expect(() => fromWire(altered(wire, (w) => (w.gyfs = '3')))).toThrow(/gyfs/);
  });

  it('the simulator recognises the support asked for, and the contract accepts it', () => {
    const result = c.result.parse(simulator.results[c.type]!(request, TODAY));
    expect(result).toMatchObject({ recognised: true, supportMode: 'dispersed', supportFrom: TODAY });
    expect(c.checkResult!(result, request)).toEqual([]);
  });
});
