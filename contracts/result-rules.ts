// The rules a task type's result must meet beyond its shape (answered 422), declared once as data beside the result
// schema. The hub checks a result by reading the declaration (checkRules below), and the generated result schema
// publishes the same declaration as `x-rules` (scripts/contracts/schemas.ts, with ./result-rules-published.ts), so
// the published rule and the enforced one cannot differ. A rule too particular for a kind (`described`) keeps its check in code next to its words, and is
// published by its words alone.
import type { ResultRule, RuleCondition } from './result-rules-published.ts';

export type { ResultRule, RuleCondition };
export type RuleKind = ResultRule['kind'];

type Described = Extract<ResultRule, { kind: 'described' }>;
/**
 * A rule as a contract declares it: data, or words with the code that checks them (`holds`). `field` is one of the
 * result's own fields.
 */
export type DeclaredRule<Res = Record<string, unknown>, Req = Record<string, unknown>> = (
  | Exclude<ResultRule, Described>
  | (Described & { holds(result: Res, request: Req): boolean })
) & { field: FieldOf<Res> };
/** A field of the result, of any branch when the result is a union. */
type FieldOf<T> = T extends unknown ? keyof T & string : never;

export interface RuleViolation {
  path: string;
  message: string;
  message_zh?: string;
}

type Doc = Record<string, unknown>;
const valueAt = (ref: string, result: Doc, request: Doc): unknown => {
  const [side, key] = ref.split('.') as [string, string];
  return (side === 'result' ? result : request)[key];
};
const given = (v: unknown) => v !== undefined && v !== null && v !== '';
const isEmpty = (v: unknown) => !given(v) || (Array.isArray(v) && v.length === 0);

export function conditionHolds(c: RuleCondition, result: Doc, request: Doc): boolean {
  const v = valueAt(c.field, result, request);
  switch (c.is) {
    case 'equal':
      return v === c.value;
    case 'not-equal':
      return v !== c.value;
    case 'including':
      return Array.isArray(v) && v.includes(c.value);
    case 'empty':
      return isEmpty(v);
    case 'non-empty':
      return !isEmpty(v);
  }
}

/** Whether a well-shaped result meets one rule, for the task's request. */
export function ruleHolds(rule: DeclaredRule<any, any>, result: Doc, request: Doc): boolean {
  const v = result[rule.field];
  const other = 'other' in rule ? valueAt(rule.other, result, request) : undefined;
  // Dates are ISO strings (YYYY-MM-DD): their order is the strings' order. A missing side is the shape's concern.
  const compared = (ok: (a: string, b: string) => boolean) => !given(v) || !given(other) || ok(String(v), String(other));
  switch (rule.kind) {
    case 'required':
      return (rule.when && !conditionHolds(rule.when, result, request)) || given(v);
    case 'absent':
      return conditionHolds(rule.unless, result, request) || v === undefined;
    case 'equal':
      return (rule.when && !conditionHolds(rule.when, result, request)) || v === rule.value;
    case 'not-before':
      return compared((a, b) => a >= b);
    case 'after':
      return compared((a, b) => a > b);
    case 'not-after':
      return compared((a, b) => a <= b);
    case 'described':
      return rule.holds(result, request);
  }
}

/** Every rule the result breaks, in declaration order, each with its words in both languages. */
export function checkRules(rules: readonly DeclaredRule<any, any>[], result: Doc, request: Doc): RuleViolation[] {
  return rules
    .filter((r) => !ruleHolds(r, result, request))
    .map((r) => ({ path: `result.${r.field}`, message: r.en, message_zh: r.zh }));
}
