// Example payloads, one file per task type and major version, beside its contract:
// contracts/<department>/examples/<name>.v<N>.json for task type `<department>.<name>` v<N>. The generated AsyncAPI
// and OpenAPI documents show them, and test/contracts-generated/examples.test.ts checks them against both the JSON
// Schema and the zod contract (with checkResult), so they cannot rot.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as z from 'zod/mini';
import type { TaskTypeContract } from '../../contracts/task-type.ts';

export const ExampleFile = z.strictObject({
  type: z.string(),
  version: z.int().check(z.gte(1)),
  /** One sentence: the situation the example shows. */
  summary: z.string().check(z.minLength(1)),
  input: z.record(z.string(), z.unknown()),
  request: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  /** Other outcomes worth showing (a refusal, an exemption), by a short name. */
  alternativeResults: z.optional(z.record(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)), z.record(z.string(), z.unknown()))),
  /**
   * A result (and, if it needs one, a request) breaking a `described` result rule, by the rule's id: the rules held as
   * data are broken from the sample by scripts/contracts/rule-samples.ts, these only by hand.
   */
  counterExamples: z.optional(z.record(z.string(), z.strictObject({ request: z.optional(z.record(z.string(), z.unknown())), result: z.record(z.string(), z.unknown()) }))),
});
export type ExampleFile = z.infer<typeof ExampleFile>;

/** A department's examples folder. */
export const examplesDir = (root: string, department: string) => join(root, 'contracts', department, 'examples');
/** A task type's example file, relative to the repository root. */
export const exampleFile = (t: Pick<TaskTypeContract, 'type' | 'version' | 'department'>) =>
  join('contracts', t.department, 'examples', `${t.type.slice(t.department.length + 1)}.v${t.version}.json`);

/** Reads and shape-checks the example of each contract; a missing or misnamed file is an error. */
export function loadExamples(root: string, contracts: readonly TaskTypeContract[]): Map<string, ExampleFile> {
  const out = new Map<string, ExampleFile>();
  for (const c of contracts) {
    const file = join(root, exampleFile(c));
    if (!existsSync(file)) throw new Error(`no example for ${c.type} v${c.version}: add ${exampleFile(c)}`);
    const parsed = ExampleFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${exampleFile(c)}: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.type !== c.type || parsed.data.version !== c.version) {
      throw new Error(`${exampleFile(c)} names ${parsed.data.type} v${parsed.data.version}, not ${c.type} v${c.version}`);
    }
    out.set(`${c.type}.v${c.version}`, parsed.data);
  }
  const known = new Set(contracts.map(exampleFile));
  const stray = [...new Set(contracts.map((c) => c.department))].flatMap((d) => {
    const dir = examplesDir(root, d);
    return existsSync(dir) ? readdirSync(dir).map((f) => relative(root, join(dir, f))).filter((f) => f.endsWith('.json') && !known.has(f)) : [];
  });
  if (stray.length) throw new Error(`examples for no task type in the topology: ${stray.join(', ')}`);
  return out;
}

/** All named results of an example: `result` first, then the alternatives. */
export function exampleResults(example: ExampleFile): [string, Record<string, unknown>][] {
  return [['result', example.result], ...Object.entries(example.alternativeResults ?? {})];
}
