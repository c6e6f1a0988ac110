// Builds every Lambda bundle as the CDK stack does (infra/bundling.ts: ESM, minified, source map without sources)
// beside a baseline holding only the DynamoDB and SQS clients, and measures each: minified and gzipped size, and
// module init time, the median over fresh `node` processes importing it (with --enable-source-maps, as the stack
// sets NODE_OPTIONS), timed inside the child so node's own boot is not counted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESBUILD_TARGET, ESM_REQUIRE_BANNER, hubBundling } from '../../infra/hub-function.ts';
import { adapterEntry, departments, functions } from '../../services/topology.ts';
import { percentile } from './model.ts';

export interface BundleRow {
  name: string;
  bytes: number;
  gzipBytes: number;
  initMs: number;
}

export const BASELINE = 'baseline (DynamoDB + SQS clients)';

/** `oneAdapter`: only the first department's adapter (the adapters differ by their mapping only: within 1% in size). */
export async function measureBundles(runs: number, oneAdapter = false): Promise<BundleRow[]> {
  const entries: Record<string, string> = {
    [BASELINE]: resolve('scripts/bench/baseline-entry.ts'),
    ...Object.fromEntries(Object.entries(functions).map(([name, f]) => [name, resolve(f.entry)])),
    ...Object.fromEntries((oneAdapter ? departments.slice(0, 1) : departments).map((d) => [`adapter (${d.code})`, resolve(adapterEntry(d.code))])),
  };
  const out = mkdtempSync(join(tmpdir(), 'hub-bundles-'));
  const built: { name: string; file: string; bytes: number; gzipBytes: number }[] = [];
  try {
    for (const [name, entry] of Object.entries(entries)) {
      const dir = join(out, name.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'index.mjs');
      await build({
        entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'esm', target: ESBUILD_TARGET,
        mainFields: ['module', 'main'], banner: { js: ESM_REQUIRE_BANNER }, minify: hubBundling.minify,
        sourcemap: hubBundling.sourceMap, sourcesContent: hubBundling.sourcesContent, logLevel: 'error',
      });
      built.push({ name, file, bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length });
    }
    // Round robin: run i imports every bundle once before run i+1 starts, so a load that moves during the measurement
    // moves every bundle's times alike and the ratios to the baseline hold (one bundle after another, identical
    // adapters differed 83-161 ms on a shared machine).
    const times = built.map(() => [] as number[]);
    for (let i = 0; i < runs; i++) built.forEach((b, j) => times[j]!.push(importMs(b.file)));
    return built.map((b, j) => ({ name: b.name, bytes: b.bytes, gzipBytes: b.gzipBytes, initMs: percentile(times[j]!, 50) }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One fresh process importing the bundle: the time of the import, inside the child (node's own boot not counted). */
function importMs(file: string): number {
  const script = `const t=performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now()-t);`;
  const ms = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { ...process.env, AWS_REGION: 'us-east-1', TABLE_NAME: 't', QUEUE_URLS: '{}', AUTH_MODE: 'local', LOCAL_TOKENS: '{}', DEPARTMENT: 'x' },
    encoding: 'utf8',
  });
  return Number(ms.trim().split('\n').at(-1));
}
