// Every result rule a task type declares refuses a counter-example built from the type's own published example
// (scripts/contracts/rule-samples.ts: by its kind, or the example file's `counterExamples` for a described rule), with
// its own path and words; the counter-example is well-shaped, so the refusal is the rule's and not the schema's. The
// result schema publishes exactly the declaration (`x-rules`), so the rule published and the rule enforced are one.
import { describe, expect, it } from 'vitest';
import { ResultRule, publishedRules } from '../../contracts/result-rules-published.ts';
import { loadExamples } from '../../scripts/contracts/examples.ts';
import { counterExample } from '../../scripts/contracts/rule-samples.ts';
import { taskTypeSchemas } from '../../scripts/contracts/schemas.ts';
import { taskTypes } from '../../services/topology.ts';
import { root } from './support.ts';

const contracts = taskTypes.map((t) => t.contract);
const examples = loadExamples(root, contracts);
const cases = contracts.flatMap((c) => c.rules.map((rule) => [`${c.type}.v${c.version} ${rule.id}`, c, rule] as const));

describe('result rules', () => {
  it('every task type declares its rules (most have some), each id once, each in a published form', () => {
    expect(contracts.filter((c) => c.rules.length === 0).length).toBeLessThan(contracts.length / 4);
    for (const c of contracts) {
      expect(new Set(c.rules.map((r) => r.id)).size, c.type).toBe(c.rules.length);
      for (const rule of publishedRules(c.rules)) expect(ResultRule.safeParse(rule).success).toBe(true);
    }
  });

  it.each(cases)('%s refuses a well-shaped counter-example built from the sample', (_name, contract, rule) => {
    const example = examples.get(`${contract.type}.v${contract.version}`)!;
    const broken = counterExample(rule, example);
    expect(broken, 'no counter-example: add an alternative result or a counterExamples entry to the example file').toBeDefined();
    const result = contract.result.safeParse(broken!.result);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(contract.request.safeParse(broken!.request).success).toBe(true);
    expect(contract.checkResult(result.data!, broken!.request)).toContainEqual({ path: `result.${rule.field}`, message: rule.en, message_zh: rule.zh });
  });

  it('the generated result schema publishes the declaration, without a described rule\'s code', () => {
    for (const doc of taskTypeSchemas().filter((d) => d.part === 'result')) {
      const c = contracts.find((x) => `${x.type}.v${x.version}` === doc.key)!;
      expect(doc.schema['x-rules']).toEqual(publishedRules(c.rules));
      expect(JSON.stringify(doc.schema['x-rules'])).not.toContain('holds');
    }
  });
});
