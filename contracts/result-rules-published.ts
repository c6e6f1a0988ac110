// The result rules' published form (`x-rules` in the generated result schemas): the kinds as zod schemas, and a
// declaration as data without the code of a described rule. Apart from the check (./result-rules.ts) so that the
// Lambda bundles, which check results and publish nothing, build none of these schemas at load.
import * as z from 'zod/mini';
import type { DeclaredRule } from './result-rules.ts';

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

/** The declaration as published (`x-rules`): the data, without the code of a described rule. */
export function publishedRules(rules: readonly DeclaredRule<any, any>[]): ResultRule[] {
  return rules.map(({ holds: _h, ...rule }: DeclaredRule<any, any> & { holds?: unknown }) => ResultRule.parse(rule));
}
