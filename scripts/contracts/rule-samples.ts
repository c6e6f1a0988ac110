// A result breaking each of a task type's result rules, built from its published example: the 422 examples of the
// OpenAPI document are the real check's answer to the first rule's counter-example (openapi-errors.ts), and
// test/contracts-generated/rules.test.ts checks that every declared rule refuses its own. A rule held as data is broken
// by its kind; a `described` one by the example file's `counterExamples`.
import { conditionHolds, type DeclaredRule, type RuleCondition } from '../../contracts/result-rules.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { exampleResults, type ExampleFile } from './examples.ts';

type Doc = Record<string, unknown>;
export interface CounterExample {
  request: Doc;
  result: Doc;
}

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const valueAt = (ref: string, result: Doc, request: Doc) => {
  const [side, key] = ref.split('.') as [string, string];
  return (side === 'result' ? result : request)[key];
};
const holds = (c: RuleCondition | undefined, result: Doc, request: Doc) => !c || conditionHolds(c, result, request);
const without = (doc: Doc, key: string) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

/** One sample result changed to break `rule`, or undefined when no sample result can be. */
function breakFrom(rule: DeclaredRule<any, any>, result: Doc, request: Doc, samples: Doc[]): Doc | undefined {
  const other = 'other' in rule ? valueAt(rule.other, result, request) : undefined;
  const dated = typeof result[rule.field] === 'string' && typeof other === 'string';
  switch (rule.kind) {
    case 'required':
      return holds(rule.when, result, request) && result[rule.field] !== undefined ? without(result, rule.field) : undefined;
    case 'absent': {
      const value = samples.map((s) => s[rule.field]).find((v) => v !== undefined);
      return !conditionHolds(rule.unless, result, request) && value !== undefined ? { ...result, [rule.field]: value } : undefined;
    }
    case 'equal':
      return holds(rule.when, result, request) && typeof rule.value === 'boolean' ? { ...result, [rule.field]: !rule.value } : undefined;
    case 'not-before':
      return dated ? { ...result, [rule.field]: shift(other as string, -1) } : undefined;
    case 'after':
      return dated ? { ...result, [rule.field]: other } : undefined;
    case 'not-after':
      return dated ? { ...result, [rule.field]: shift(other as string, 1) } : undefined;
    case 'described':
      return undefined;
  }
}

/** A request and result breaking `rule`, from the example, or undefined when neither kind nor example gives one. */
export function counterExample(rule: DeclaredRule<any, any>, example: ExampleFile): CounterExample | undefined {
  if (rule.kind === 'described') {
    const given = example.counterExamples?.[rule.id];
    return given && { request: given.request ?? example.request, result: given.result };
  }
  const samples = exampleResults(example).map(([, r]) => r);
  for (const sample of samples) {
    const result = breakFrom(rule, sample, example.request, samples);
    if (result) return { request: example.request, result };
  }
  return undefined;
}

/** The first rule's counter-example of a task type, the one its 422 example shows. */
export function firstCounterExample(c: TaskTypeContract, example: ExampleFile): CounterExample | undefined {
  const first = c.rules[0];
  return first && counterExample(first, example);
}
