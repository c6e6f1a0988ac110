// A department built from the published contracts alone passes the partner check: the generic verifier
// (generic-verifier.ts) reads only contracts/generated/openapi.json, and `hub partner-check` finds nothing wrong with
// it, for every push department of the topology, whatever its signature scheme. Its reading of the documents also
// verifies every published signed example.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../scripts/contracts/build.ts';
import { runPartnerCheck } from '../../scripts/partner-check/run.ts';
import { departments, taskTypesOf } from '../../services/topology.ts';
import { brokenPublishedRules, readWebhook, startGenericEndpoint, verifyByRules } from './generic-verifier.ts';

const pushDepartments = departments.filter((d) => d.delivery === 'push').map((d) => [d.code, d] as const);
type Json = Record<string, any>;
const secret = 'the-secret-this-department-was-given';
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('the generic verifier', () => {
  it('imports nothing but Node and Ajv: it knows only what the documents say', () => {
    const source = readFileSync(new URL('./generic-verifier.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => !/^(node:|ajv\/|ajv-formats$)/.test(i!))).toEqual([]);
  });

  it.each(pushDepartments)('%s: verifies every published signed example, and refuses it altered', (code) => {
    const { operation, rules, validate } = readWebhook(OPENAPI_FILE, code);
    const examples = Object.entries(operation['x-signed-examples'] as Record<string, { secret: string; headers: Record<string, string>; body: string }>);
    const types = taskTypesOf(code).map((t) => `${t.contract.type}.v${t.contract.version}`);
    expect(examples.map(([k]) => k).sort()).toEqual(types.sort());
    for (const [, e] of examples) {
      const at = Number(e.headers[rules.timestampHeader]);
      expect(verifyByRules(rules, e.secret, e.headers, e.body, at)).toEqual({ ok: true });
      expect(verifyByRules(rules, e.secret, e.headers, e.body.replace('"', ' "'), at)).toEqual({ ok: false, why: 'signature mismatch' });
      expect(verifyByRules(rules, e.secret, e.headers, e.body, at + rules.toleranceSeconds + 1)).toMatchObject({ ok: false });
      expect(validate(JSON.parse(e.body)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('applies the published result rules given as data: the samples meet them, each 422 example breaks what the hub named', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    const refusals = Object.entries(doc.components.responses.RuleViolation.content['application/json'].examples as Record<string, any>);
    // The results the document shows for completing a task (CompleteRequest's examples), by `<type>.v<N>`.
    const samples = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((ops) =>
      Object.values(ops).flatMap((op) => Object.entries(op.requestBody?.content?.['application/json']?.examples ?? {})),
    ).filter(([, e]) => (e as { value: Json }).value.result);
    expect(refusals.length).toBe(departments.flatMap((d) => taskTypesOf(d.code)).filter((t) => t.contract.rules.length > 0).length);
    let described = 0;
    for (const [key, e] of refusals) {
      const rules = doc.components.schemas[`${key}.result`]['x-rules'];
      const found = brokenPublishedRules(rules, e['x-result'], e['x-request']);
      described += found.unchecked.length;
      const hubPaths = (e.value.issues as { path: string }[]).map((i) => i.path);
      // The data rules name what the hub named, except where only a described rule (the hub's code) applies.
      if (rules[0].kind !== 'described') expect(found.paths.sort(), key).toEqual([...new Set(hubPaths)].sort());
      const sample = samples.find(([name]) => name === key)?.[1] as { value: { result: Json } } | undefined;
      expect(sample, key).toBeDefined();
      expect(brokenPublishedRules(rules, sample!.value.result, e['x-request']).paths, key).toEqual([]);
    }
    expect(described).toBeGreaterThan(0);
  });

  it.each(pushDepartments)('%s: passes hub partner-check, every check, no warning', async (code) => {
    const endpoint = await startGenericEndpoint({ openApiFile: OPENAPI_FILE, department: code, secret });
    closers.push(endpoint.close);
    const report = await runPartnerCheck({ department: code, url: endpoint.url, secret, timeoutMs: 5000 });
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ok).toBe(true);
    // It took the samples, one per task type, and nothing else.
    expect(endpoint.received.size).toBe(report.taskTypes.length);
  });
});
