// The children's clocks as data (decision 14): when each clock strikes, from when its rule opens what it calls for,
// and what a child's page says of each on a given day. Pure; the sweep that writes them is an integration test.
import { describe, expect, it } from 'vitest';
import { Child } from '../../contracts/case.ts';
import { comingOfAgeClock } from '../../contracts/coming-of-age.ts';
import { schoolPlacementV1 } from '../../contracts/education/index.ts';
import { birthday, childClocks, eventOn, type ClockEntry } from '../../services/cases/clock-events.ts';
import { clockEntries } from '../../services/cases/clocks.ts';
import { ageOn } from '../../services/cases/admission.ts';
import { taskTypes } from '../../services/topology.ts';

const child = (overrides: Partial<Child> = {}) =>
  Child.parse({
    childId: 'CH01JDABCDEFGHJKMNPQRSTVWXYZ',
    institutionId: 'CWI-450100',
    name: '测试',
    gender: 'female',
    birthDate: '2023-03-10',
    admittedOn: '2027-05-01',
    parentsUnknown: false,
    hukouRegistered: true,
    disabled: false,
    ...overrides,
  });
const inCare = (c = child()) => ({ child: c, kind: 'city-welfare' as const });
const ofRule = (rule: string, ...args: Parameters<typeof childClocks>) => childClocks(...args).filter((e) => e.rule === rule);
const entries = clockEntries();

describe('when a clock strikes', () => {
  it('school age is 1 September of the year the child turns 6, whatever its birthday', () => {
    expect(eventOn('school-age', '2023-03-10')).toBe('2029-09-01');
    expect(eventOn('school-age', '2023-12-31')).toBe('2029-09-01');
    expect(eventOn('school-age', '2023-09-02')).toBe('2029-09-01');
  });

  it('16 and 18 are the birthdays, the first day ageOn counts them (29 February: 1 March)', () => {
    expect(eventOn('age-16', '2010-07-15')).toBe('2026-07-15');
    expect(eventOn('age-18', '2010-07-15')).toBe('2028-07-15');
    expect(birthday('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29');
    for (const [birth, years] of [['2008-02-29', 18], ['2011-12-31', 16], ['2010-01-01', 18]] as const) {
      const on = birthday(birth, years);
      expect(ageOn(birth, on)).toBe(years);
      expect(ageOn(birth, new Date(Date.parse(on) - 86_400_000).toISOString().slice(0, 10))).toBe(years - 1);
    }
  });
});

describe('the clock rules', () => {
  it('are each task type’s `clock` and the coming-of-age workflow’s, listed once', () => {
    const fromContracts = taskTypes.filter((t) => t.contract.clock).map((t) => t.contract.type);
    expect(entries.map((e) => e.id)).toEqual([...fromContracts, 'coming-of-age']);
    expect(entries.find((e) => e.id === schoolPlacementV1.type)!.rule).toEqual({ event: 'school-age', leadMonths: 3, untilMonths: 12, policy: '二(五)' });
    expect(comingOfAgeClock).toEqual({ event: 'age-18', leadMonths: 6, policy: '二(六)' });
  });

  it('school placement: upcoming at 4, due from the June before the school year in which the child turns 6, until that year ends', () => {
    const at = (today: string) => ofRule(schoolPlacementV1.type, inCare(), entries, [], today);
    expect(at('2027-05-01')).toEqual([
      { rule: schoolPlacementV1.type, opens: 'task', event: 'school-age', eventOn: '2029-09-01', opensOn: '2029-06-01', closesOn: '2030-09-01', policy: '二(五)', state: 'upcoming' },
    ]);
    expect(at('2029-05-31')[0]!.state).toBe('upcoming');
    expect(at('2029-06-01')[0]!.state).toBe('due');
    expect(at('2030-08-31')[0]!.state).toBe('due');
    expect(at('2030-09-01')).toEqual([]);
  });

  it('coming of age: due six months before the 18th birthday, and as long as the young person is in care', () => {
    const c = child({ birthDate: '2009-01-20', admittedOn: '2026-07-01' });
    const at = (today: string) => ofRule('coming-of-age', inCare(c), entries, [], today);
    expect(at('2026-07-19')).toEqual([
      { rule: 'coming-of-age', opens: 'workflow', event: 'age-18', eventOn: '2027-01-20', opensOn: '2026-07-20', policy: '二(六)', state: 'upcoming' },
    ]);
    expect(at('2026-07-20')[0]!.state).toBe('due');
    expect(at('2031-01-01')[0]!.state).toBe('due');
  });

  it('says what a clock did once it has, even after the child left care; a child who left has nothing else', () => {
    const records = [{ rule: schoolPlacementV1.type, openedOn: '2029-06-01', taskId: 'CH01JDABCDEFGHJKMNPQRSTVWXYZ.T01JDABCDEFGHJKMNPQRSTVWXYZ' }];
    const left = { ...inCare(), leftCareOn: '2029-07-01' };
    expect(childClocks(left, entries, records, '2029-07-02')).toEqual([
      expect.objectContaining({ rule: schoolPlacementV1.type, state: 'opened', openedOn: '2029-06-01', taskId: records[0]!.taskId }),
    ]);
    const covered = childClocks(inCare(), entries, [{ rule: schoolPlacementV1.type, openedOn: '2029-06-01', covered: true }], '2029-06-02');
    expect(covered.find((e) => e.rule === schoolPlacementV1.type)!.state).toBe('covered');
  });

  it('runs where the rule applies (a city institution’s care by default), on the facts as they stand that day', () => {
    expect(childClocks({ ...inCare(), kind: 'county-protection' }, entries, [], '2029-06-01')).toEqual([]);
    const rule: ClockEntry = { id: 'example', opens: 'task', rule: { event: 'age-16', leadMonths: 0, when: ['disabled'], unless: ['inSchool'], policy: '四(二)' } };
    const c = child({ birthDate: '2010-03-01', disabled: true });
    expect(childClocks(inCare(c), [rule], [], '2026-03-01').map((e) => e.state)).toEqual(['due']);
    expect(childClocks(inCare({ ...c, inSchool: true }), [rule], [], '2026-03-01')).toEqual([]);
    expect(childClocks(inCare({ ...c, disabled: false }), [rule], [], '2026-03-01')).toEqual([]);
  });
});
