// What deploys is apart from what runs only locally: every Lambda entry the topology lists is bundled as the stack
// bundles it (infra/hub-function.ts's esbuild settings), and esbuild's metafile shows every file the bundle holds.
// None may come from scripts/ (the local runtime, emulators, simulators, partner-check, operations tools), from
// test/, docs/ or infra/, or from a package that is only a dev dependency; and every file in services/ is in some
// bundle, but the web console's source (services/console/), which is built to static assets, and the topology's
// aggregate (services/topology.ts), whose parts the Lambda code imports.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESBUILD_TARGET, ESM_REQUIRE_BANNER } from '../../infra/hub-function.ts';
import { adapterEntry, departments, functions } from '../../services/topology.ts';

const devOnly = new Set(Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: object }).devDependencies));

const entries: [string, string][] = [
  ...Object.entries(functions).map(([name, f]): [string, string] => [name, f.entry]),
  ...departments.map((d): [string, string] => [`adapter-${d.code}`, adapterEntry(d.code)]),
];

async function bundle(options: { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string } }): Promise<Metafile> {
  const out = await build({
    ...options,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: ESBUILD_TARGET,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    logLevel: 'silent',
  });
  return out.metafile;
}

/** The package a bundled file comes from (`@scope/name` or `name`), or undefined for the project's own files. */
function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [first, second] = input.slice(at + 'node_modules/'.length).split('/');
  return first!.startsWith('@') ? `${first}/${second}` : first;
}

/** What a bundle must not hold: the offending inputs, with why. */
function localOnly(meta: Metafile): string[] {
  return Object.keys(meta.inputs).flatMap((input) => {
    const pkg = packageOf(input);
    if (pkg) return devOnly.has(pkg) ? [`${input} (dev dependency ${pkg})`] : [];
    return /^(scripts|test|docs|infra)\//.test(input) ? [input] : [];
  });
}

describe('Lambda bundles', () => {
  const metas = new Map<string, Metafile>();
  beforeAll(async () => {
    for (const [, entry] of entries) metas.set(entry, await bundle({ entryPoints: [entry] }));
  });

  it.each(entries)('%s (%s) exports its handler and holds nothing local-only', (_name, entry) => {
    const meta = metas.get(entry)!;
    const [output] = Object.values(meta.outputs);
    expect(output!.exports).toContain('handler');
    expect(Object.keys(meta.inputs)).toContain(entry);
    expect(localOnly(meta)).toEqual([]);
  });

  it('services/ holds nothing a Lambda bundle leaves out, but the web console (static assets) and the topology in one', () => {
    const bundled = new Set([...metas.values()].flatMap((m) => Object.keys(m.inputs)));
    const files = execFileSync('git', ['ls-files', 'services'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.startsWith('services/console/'));
    // services/topology.ts gathers the topology's parts for the stack, the local runtime and the tests; Lambda code
    // imports the part it needs (a bundle that imported the whole would carry every task type's contracts).
    expect(files.filter((f) => !bundled.has(f))).toEqual(['services/topology.ts']);
  });

  /** The files a bundle's output holds code of (what tree shaking kept). */
  const kept = (entry: string) => {
    const [output] = Object.values(metas.get(entry)!.outputs);
    return Object.entries(output!.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([input]) => input);
  };

  it('a bundle that answers no HTTP holds no Chinese message table; the read-audit consumer no task type either', () => {
    const messages = ['contracts/api/messages-zh.ts', 'services/lib/messages-zh.ts'];
    const silent = [functions.readAudit.entry, ...departments.map((d) => adapterEntry(d.code))];
    for (const entry of silent) expect(kept(entry).filter((f) => messages.includes(f)), entry).toEqual([]);
    expect(kept(functions.readAudit.entry).filter((f) => f === 'services/topology/departments.ts' || /^contracts\/[a-z-]+\/index\.ts$/.test(f))).toEqual([]);
    // The answering ones do hold it: the check would see the table.
    expect(kept(functions.api.entry)).toEqual(expect.arrayContaining(messages));
  });

  it('the sweeps, which open tasks but answer no HTTP, hold no Chinese message table, no read view and no assessment schema', () => {
    // Their task builder's issues carry zod's details for the API's answer to put in Chinese (services/lib/zod-issues.ts);
    // they write as a machine (services/auth/who.ts), not through a caller's token and its read views' Person.
    const api = ['contracts/api/messages-zh.ts', 'services/lib/messages-zh.ts', 'contracts/api/views.ts', 'contracts/api/clocks.ts', 'contracts/coming-of-age.ts', 'contracts/result-rules-published.ts'];
    for (const entry of [functions.overdue.entry, functions.clocks.entry, functions.redispatch.entry]) {
      const files = kept(entry);
      expect(files.filter((f) => api.includes(f)), entry).toEqual([]);
      // They open and release tasks of every type: the check would see a file they hold.
      expect(files, entry).toContain('services/cases/open-tasks.ts');
    }
  });

  it('no Lambda bundle holds zod\'s classic API: the schemas are on zod/mini (one classic import would add ~16 KB gzipped to each)', () => {
    for (const [name, entry] of entries) expect(kept(entry).filter((f) => /node_modules\/zod\/v4\/classic\//.test(f)), name).toEqual([]);
    // What the check looks for is what a classic import brings.
    expect(kept(functions.api.entry).some((f) => /node_modules\/zod\/v4\/(mini|core)\//.test(f))).toBe(true);
  });

  it('the check sees zod\'s classic API when an entry imports it', async () => {
    const meta = await bundle({ stdin: { contents: "import * as z from 'zod'; export const s = z.string().min(1);", resolveDir: process.cwd() } });
    expect(Object.keys(meta.inputs).some((f) => /node_modules\/zod\/v4\/classic\//.test(f))).toBe(true);
  });

  it("an adapter holds its own department's contracts and no other department's, nor the topology's registry", () => {
    // A task type's contract file: contracts/<department>/<name>.v<N>.ts (a department's shared field schemas, which
    // the case's own schema reads, are not one).
    const contractOf = (f: string) => /^contracts\/([a-z-]+)\/[a-z-]+\.v\d+\.ts$/.exec(f)?.[1];
    for (const d of departments) {
      const files = kept(adapterEntry(d.code));
      const departmentsOf = new Set(files.map(contractOf).filter((c) => c !== undefined));
      expect([...departmentsOf], d.code).toEqual([d.code]);
      expect(files, d.code).not.toContain('services/topology/task-types.ts');
      // Nor the seed's institutions (only the APIs and the sweeps read them): the task store needs no city list.
      expect(files.filter((f) => f.startsWith('services/seed/')), d.code).toEqual([]);
    }
    // The APIs check every task type: they do hold every department's.
    expect(new Set(kept(functions.api.entry).map(contractOf).filter((c) => c !== undefined))).toEqual(new Set(departments.map((d) => d.code)));
  });

  it('the supervision API writes its XLSX without a spreadsheet or zip library', () => {
    expect(kept(functions.supervisionApi.entry).filter((f) => /node_modules\/(exceljs|jszip|fflate|archiver)\//.test(f))).toEqual([]);
    expect(kept(functions.supervisionApi.entry)).toContain('services/reports/xlsx.ts');
  });

  it('the check sees a local-only module and a dev dependency when an entry imports them', async () => {
    const meta = await bundle({
      stdin: { contents: "export * from './scripts/local/lru-cache.ts'; export { default } from 'ajv-formats';", resolveDir: process.cwd() },
    });
    const found = localOnly(meta);
    expect(found).toContain('scripts/local/lru-cache.ts');
    expect(found.some((f) => f.endsWith('(dev dependency ajv-formats)'))).toBe(true);
  });
});
