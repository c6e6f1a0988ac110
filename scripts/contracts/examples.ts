// Example payloads, one file per task type and major version: contracts/examples/<type>.v<N>.json. The
// generated AsyncAPI and OpenAPI documents show them, and test/contracts-generated/examples.test.ts checks them
// against both the JSON Schema and the zod contract (with checkResult), so they cannot rot.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { TaskTypeContract } from '../../contracts/task-type.ts';

export const ExampleFile = z.strictObject({
  type: z.string(),
  version: z.int().min(1),
  /** One sentence: the situation the example shows. */
  summary: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  request: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  /** Other outcomes worth showing (a refusal, an exemption), by a short name. */
  alternativeResults: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.record(z.string(), z.unknown())).optional(),
});
export type ExampleFile = z.infer<typeof ExampleFile>;

export const examplesDir = (root: string) => join(root, 'contracts', 'examples');
export const exampleFileName = (t: Pick<TaskTypeContract, 'type' | 'version'>) => `${t.type}.v${t.version}.json`;

/** Reads and shape-checks the example of each contract; a missing or misnamed file is an error. */
export function loadExamples(root: string, contracts: readonly TaskTypeContract[]): Map<string, ExampleFile> {
  const dir = examplesDir(root);
  const out = new Map<string, ExampleFile>();
  for (const c of contracts) {
    const file = join(dir, exampleFileName(c));
    if (!existsSync(file)) throw new Error(`no example for ${c.type} v${c.version}: add ${file}`);
    const parsed = ExampleFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.type !== c.type || parsed.data.version !== c.version) {
      throw new Error(`${file} names ${parsed.data.type} v${parsed.data.version}, not ${c.type} v${c.version}`);
    }
    out.set(`${c.type}.v${c.version}`, parsed.data);
  }
  const known = new Set(contracts.map(exampleFileName));
  const stray = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !known.has(f)) : [];
  if (stray.length) throw new Error(`examples for no task type in the topology: ${stray.join(', ')}`);
  return out;
}

/** All named results of an example: `result` first, then the alternatives. */
export function exampleResults(example: ExampleFile): [string, Record<string, unknown>][] {
  return [['result', example.result], ...Object.entries(example.alternativeResults ?? {})];
}
