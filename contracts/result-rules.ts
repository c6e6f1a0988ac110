// The rules a task type's result must meet beyond its shape (answered 422), declared once as data beside the result
// schema. The hub checks a result by reading the declaration (checkRules below), and the generated result schema
// publishes the same declaration as `x-rules` (scripts/contracts/schemas.ts), so the published rule and the enforced
// one cannot differ. A rule too particular for a kind (`described`) keeps its check in code next to its words, and is
// published by its words alone.
import * as z from 'zod/mini';

const han = /[\u4e00-\u9fff]/;
/** `result.<field>` or `request.<field>`: the other side of a comparison, or what a condition looks at. */
const FieldRef = z.string().check(z.regex(/^(result|request)\.[A-Za-z][A-Za-z0-9]*$/));
const Scalar = z.union([z.string(), z.boolean(), z.number()]);

export const RuleCondition = z
  .discriminatedUnion('is', [
    z.strictObject({ field: FieldRef, is: z.literal('equal'), value: Scalar }),
    z.strictObject({ field: FieldRef, is: z.literal('not-equal'), value: Scalar }),
    z.strictObject({ field: FieldRef, is: z.literal('including'), value: Scalar }),
    z.strictObject({ field: FieldRef, is: z.literal('empty') }),
    z.strictObject({ field: FieldRef, is: z.literal('non-empty') }),
  ]).check(z.describe('A test on one field: equal / not-equal to a value, a list including a value, empty (absent or []) or non-empty'));
export type RuleCondition = z.infer<typeof RuleCondition>;

const base = {
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/), z.describe('Stable within the task type and version')),
  field: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]*$/), z.describe('The result field a 422 names (`result.<field>`)')),
  en: z.string().check(z.minLength(1), z.describe('The rule in English: the 422 issue\'s `message`')),
  zh: z.string().check(z.regex(han), z.describe('The rule in Chinese: the 422 issue\'s `message_zh`')),
};

export const ResultRule = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...base, kind: z.literal('required'), when: z.optional(RuleCondition) }),
    z.strictObject({ ...base, kind: z.literal('absent'), unless: RuleCondition }),
    z.strictObject({ ...base, kind: z.literal('equal'), value: Scalar, when: z.optional(RuleCondition) }),
    z.strictObject({ ...base, kind: z.literal('not-before'), other: FieldRef }),
    z.strictObject({ ...base, kind: z.literal('after'), other: FieldRef }),
    z.strictObject({ ...base, kind: z.literal('not-after'), other: FieldRef }),
    z.strictObject({ ...base, kind: z.literal('described') }),
  ]).check(z.describe('required: the field is given (when the condition holds, if any); absent: not given unless the condition holds; ' +
      'equal: has the value (when …); not-before / after / not-after: a date compared with `other`, when both are ' +
      'given; described: checked by the hub as the words say (no data form)'));
export type ResultRule = z.infer<typeof ResultRule>;
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

/** The declaration as published (`x-rules`): the data, without the code of a described rule. */
export function publishedRules(rules: readonly DeclaredRule<any, any>[]): ResultRule[] {
  return rules.map(({ holds: _h, ...rule }: DeclaredRule<any, any> & { holds?: unknown }) => ResultRule.parse(rule));
}
