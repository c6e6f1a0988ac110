// Each kind of result rule (contracts/result-rules.ts) against results that meet it and break it: the hub's 422 and
// the published `x-rules` are read from the same declaration, so this is what a partner may rely on.
import { describe, expect, it } from 'vitest';
import { checkRules, conditionHolds, type DeclaredRule } from '../../contracts/result-rules.ts';
import { publishedRules } from '../../contracts/result-rules-published.ts';

const words = { en: 'the rule', zh: '规则' };
const broken = (rule: DeclaredRule, result: Record<string, unknown>, request: Record<string, unknown> = {}) =>
  checkRules([rule], result, request).map((v) => v.path);

describe('result rule kinds', () => {
  it('required: the field is given when the condition holds, and only then is it asked for', () => {
    const rule: DeclaredRule = { id: 'r', kind: 'required', field: 'reason', when: { field: 'result.ok', is: 'equal', value: false }, ...words };
    expect(broken(rule, { ok: false })).toEqual(['result.reason']);
    expect(broken(rule, { ok: false, reason: '' })).toEqual(['result.reason']);
    expect(broken(rule, { ok: false, reason: '理由' })).toEqual([]);
    expect(broken(rule, { ok: true })).toEqual([]);
    expect(broken({ id: 'r', kind: 'required', field: 'reason', ...words }, {})).toEqual(['result.reason']);
  });

  it('absent: the field is left out unless the condition holds', () => {
    const rule: DeclaredRule = { id: 'r', kind: 'absent', field: 'deadline', unless: { field: 'result.hazards', is: 'non-empty' }, ...words };
    expect(broken(rule, { hazards: [], deadline: '2024-10-10' })).toEqual(['result.deadline']);
    expect(broken(rule, { hazards: ['x'], deadline: '2024-10-10' })).toEqual([]);
    expect(broken(rule, { hazards: [] })).toEqual([]);
  });

  it('equal: the field has the value, when the condition (on the request too) holds', () => {
    const rule: DeclaredRule = {
      id: 'r', kind: 'equal', field: 'subsidised', value: true, when: { field: 'request.category', is: 'not-equal', value: 'none' }, ...words,
    };
    expect(broken(rule, { subsidised: false }, { category: 'orphan' })).toEqual(['result.subsidised']);
    expect(broken(rule, { subsidised: true }, { category: 'orphan' })).toEqual([]);
    expect(broken(rule, { subsidised: false }, { category: 'none' })).toEqual([]);
  });

  it('not-before, after, not-after: date order against the other field, only when both are given', () => {
    const notBefore: DeclaredRule = { id: 'r', kind: 'not-before', field: 'issuedOn', other: 'request.foundOn', ...words };
    expect(broken(notBefore, { issuedOn: '2024-05-17' }, { foundOn: '2024-05-18' })).toEqual(['result.issuedOn']);
    expect(broken(notBefore, { issuedOn: '2024-05-18' }, { foundOn: '2024-05-18' })).toEqual([]);
    expect(broken(notBefore, {}, { foundOn: '2024-05-18' })).toEqual([]);
    const after: DeclaredRule = { id: 'r', kind: 'after', field: 'until', other: 'result.from', ...words };
    expect(broken(after, { from: '2024-07-01', until: '2024-07-01' })).toEqual(['result.until']);
    expect(broken(after, { from: '2024-07-01', until: '2024-07-02' })).toEqual([]);
    const notAfter: DeclaredRule = { id: 'r', kind: 'not-after', field: 'benefitsFrom', other: 'result.enrolledOn', ...words };
    expect(broken(notAfter, { enrolledOn: '2024-05-21', benefitsFrom: '2024-05-22' })).toEqual(['result.benefitsFrom']);
    expect(broken(notAfter, { enrolledOn: '2024-05-21', benefitsFrom: '2024-05-21' })).toEqual([]);
  });

  it('described: its code decides, its words are answered and published without the code', () => {
    const rule: DeclaredRule = { id: 'r', kind: 'described', field: 'n', holds: (r) => r.n === 1, ...words };
    expect(checkRules([rule], { n: 2 }, {})).toEqual([{ path: 'result.n', message: 'the rule', message_zh: '规则' }]);
    expect(checkRules([rule], { n: 1 }, {})).toEqual([]);
    expect(publishedRules([rule])).toEqual([{ id: 'r', kind: 'described', field: 'n', ...words }]);
  });

  it('conditions: equal, not-equal, including, empty and non-empty', () => {
    const at = (is: string, value: unknown, v: unknown) => conditionHolds({ field: 'result.f', is, value } as never, { f: v }, {});
    expect([at('equal', 'a', 'a'), at('equal', 'a', 'b')]).toEqual([true, false]);
    expect([at('not-equal', 'a', 'b'), at('not-equal', 'a', 'a')]).toEqual([true, false]);
    expect([at('including', 'x', ['x', 'y']), at('including', 'x', ['y']), at('including', 'x', undefined)]).toEqual([true, false, false]);
    expect([at('empty', undefined, []), at('empty', undefined, undefined), at('empty', undefined, ['x'])]).toEqual([true, true, false]);
    expect([at('non-empty', undefined, ['x']), at('non-empty', undefined, [])]).toEqual([true, false]);
  });

  it('publishing refuses a declaration that is not of a kind (a typo would otherwise go out unchecked)', () => {
    expect(() => publishedRules([{ id: 'r', kind: 'nto-before', field: 'a', other: 'request.b', ...words } as never])).toThrow(/kind/);
  });
});
