import { describe, expect, it } from 'vitest';
import { priorityEnlistmentV1 } from '../../../contracts/conscription/priority-enlistment.v1.ts';
import { brokenRules, childCase, keysOf } from '../../contracts/fixtures.ts';

describe('conscription.priority-enlistment v1 (优先安排入伍, 二(六), 四(二))', () => {
  const c = priorityEnlistmentV1;
  const request = c.buildRequest(childCase(), c.input.parse({ placeCountyCode: '450103' }));

  it('sends identity, the institution and the county of placement: no medical, disability or hukou history', () => {
    expect(keysOf(request)).toEqual(['birthDate', 'childId', 'gender', 'idNumber', 'institutionId', 'name', 'placeCountyCode']);
    expect(JSON.stringify(request)).not.toMatch(/disab|hukou|foundling|桂南公捡|medical/);
  });

  it('is opened by the plan only, for those who wish to serve and pass the institution’s first look', () => {
    expect(c.workflow).toMatchObject({ name: 'coming-of-age', step: 'placement' });
    expect(c.placement).toMatchObject({ when: ['wantsEnlistment', 'fitForService'] });
  });

  it('an enlistment has its date, a refusal its reason, a call-up a registration', () => {
    expect(brokenRules(c, { registered: true, outcome: 'enlisted', enlistedOn: '2026-09-10' }, request)).toEqual([]);
    expect(brokenRules(c, { registered: true, outcome: 'enlisted' }, request)).toEqual(['result.enlistedOn']);
    expect(brokenRules(c, { registered: true, outcome: 'not-selected' }, request)).toEqual(['result.reason']);
    expect(brokenRules(c, { registered: false, outcome: 'awaiting-call-up' }, request)).toEqual(['result.registered']);
  });
});
