import { describe, expect, it } from 'vitest';
import { publicRentalHousingV1 } from '../../../contracts/housing/public-rental-housing.v1.ts';
import { fromWire, toWire } from '../../../services/departments/housing/mapping.ts';
import { simulator } from '../../../scripts/departments/housing/simulator.ts';
import { CHILD_ID, childCase, FEMALE_ID } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

describe('housing wire: housing security application (住房保障申请, ZFBZ)', () => {
  const c = publicRentalHousingV1;
  const request = c.buildRequest(childCase(), c.input.parse({ placeCountyCode: '450103', placeAddress: '南宁市青秀区竹溪社区' }));
  const wire = toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the request to the application’s fields and codes', () => {
    expect(wire).toEqual({
      ywlx: 'ZFBZ',
      sqbh: taskIdOf(CHILD_ID),
      sqsj: TIME,
      bjqx: DEADLINE,
      sqr: { hubId: CHILD_ID, xm: '党小晴', xb: '2', csrq: '2015-03-01', sfzh: FEMALE_ID },
      sqdw: 'CWI-450100',
      azd: { xzqh: '450103', dz: '南宁市青秀区竹溪社区' },
      yxap: '1',
    });
  });

  it('round-trips, and refuses a malformed body or another department’s envelope', () => {
    expect(fromWire(wire)).toEqual({ taskId: taskIdOf(CHILD_ID), type: c.type, request });
    expect(() => fromWire(altered(wire, (w) => (w.sqr.xb = '9')))).toThrow(/xb/);
    expect(() => fromWire(altered(wire, (w) => (w.extra = 1)))).toThrow(/extra/);
    expect(() => toWire(envelopeFor(c, request, CHILD_ID, { department: 'education' }))).toThrow(/not for housing/);
  });

  it('the simulator grants a flat in the place of placement that the contract accepts', () => {
    const result = c.result.parse(simulator.results[c.type]!(request, TODAY));
    expect(result).toMatchObject({ approved: true, leaseStart: TODAY, address: expect.stringContaining('竹溪社区') });
    expect(c.checkResult!(result, request)).toEqual([]);
  });
});
