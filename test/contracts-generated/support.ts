// What the generated-contract tests share: the repo root, committed files, and an Ajv (draft 2020-12, with
// formats) that knows every generated JSON Schema by its $id.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { allSchemas } from '../../scripts/contracts/all-schemas.ts';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const readCommitted = (path: string): string | undefined => {
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
};

export const readJson = <T = Record<string, unknown>>(path: string): T => JSON.parse(readCommitted(path) ?? 'null') as T;

/** An Ajv with every generated schema added under its $id. */
export function schemaAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
  formats.default(ajv);
  // The annotations the published schemas carry (docs/contracts.md): strict Ajv must be told they are keywords.
  ajv.addVocabulary(['x-codes', 'x-rules']);
  for (const s of allSchemas()) ajv.addSchema(s.schema, s.id);
  return ajv;
}

/** Ajv errors as `path: message` lines, for readable failures. */
export const ajvErrors = (errors: { instancePath: string; message?: string }[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '(root)'}: ${e.message}`);

/** Deep copy with every `$ref` string passed through `map`. */
export function mapRefs<T>(value: T, map: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => mapRefs(v, map)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? map(v) : mapRefs(v, map)]),
  ) as T;
}
