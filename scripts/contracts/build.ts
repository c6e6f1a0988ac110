// Everything under contracts/generated/, built in memory: path (relative to the repo root) → file content.
// generate.ts writes it; the drift test compares it with what is committed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { taskTypes } from '../../services/topology.ts';
import { buildAsyncApi } from './asyncapi.ts';
import { canonicalJson } from './canonical.ts';
import { loadExamples } from './examples.ts';
import { buildOpenApi } from './openapi.ts';
import { allSchemas } from './all-schemas.ts';

export const GENERATED_DIR = 'contracts/generated';
export const SCHEMAS_DIR = `${GENERATED_DIR}/schemas`;
export const ASYNCAPI_FILE = `${GENERATED_DIR}/asyncapi.json`;
export const OPENAPI_FILE = `${GENERATED_DIR}/openapi.json`;

/** The command that rewrites the generated files; messages name it. */
export const GENERATE_COMMAND = 'npx tsx scripts/contracts/generate.ts';
export const PUBLISH_COMMAND = 'npx tsx scripts/contracts/generate.ts --publish';

export function buildGenerated(root: string): Map<string, string> {
  const examples = loadExamples(root, taskTypes.map((t) => t.contract));
  const files = new Map<string, string>();
  for (const s of allSchemas()) files.set(`${SCHEMAS_DIR}/${s.file}`, canonicalJson(s.schema));
  files.set(ASYNCAPI_FILE, canonicalJson(buildAsyncApi(examples)));
  files.set(OPENAPI_FILE, canonicalJson(buildOpenApi(examples)));
  return files;
}

/** Files under a directory, as paths relative to the repo root (empty when the directory does not exist). */
export function listFiles(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(abs);
  return out;
}

export interface Drift {
  /** Generated content differs from the committed file. */
  changed: string[];
  /** Generated, not committed. */
  missing: string[];
  /** Committed under contracts/generated/, no longer generated. */
  stale: string[];
}

export function findDrift(root: string, files: Map<string, string>, read: (path: string) => string | undefined): Drift {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of files) {
    const committed = read(path);
    if (committed === undefined) missing.push(path);
    else if (committed !== content) changed.push(path);
  }
  const stale = listFiles(root, GENERATED_DIR).filter((p) => !files.has(p));
  return { changed, missing, stale };
}

export const hasDrift = (d: Drift) => d.changed.length + d.missing.length + d.stale.length > 0;

export function describeDrift(d: Drift): string {
  const lines = [
    ...d.changed.map((p) => `  changed: ${p}`),
    ...d.missing.map((p) => `  missing: ${p}`),
    ...d.stale.map((p) => `  stale:   ${p}`),
  ];
  return `contracts/generated/ is out of date with the zod contracts:\n${lines.join('\n')}\nRun: ${GENERATE_COMMAND}`;
}
