// Lambda bundle sizes and start-up times, against a baseline bundle that holds only the DynamoDB and SQS
// clients. Bundles are built with the stack's own esbuild settings (infra/hub-function.ts); start-up is the
// median wall time of `node` importing the bundle in a fresh process (what a cold start adds on top of the
// runtime's own), over --runs runs.
//   npm run bench:bundles [-- --runs 15]
import '../require-node.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { ESBUILD_TARGET, ESM_REQUIRE_BANNER } from '../../infra/hub-function.ts';
import { adapterEntry, departments, functions } from '../../services/topology.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' }, json: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const out = mkdtempSync(join(tmpdir(), 'hub-bundles-'));

const baseline = resolve('scripts/bench/baseline-entry.ts');

const entries: Record<string, string> = {
  'baseline (DynamoDB + SQS clients)': baseline,
  ...Object.fromEntries(Object.entries(functions).map(([name, f]) => [name, resolve(f.entry)])),
  [`adapter (${departments[0]!.code})`]: resolve(adapterEntry(departments[0]!.code)),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function startupMs(file: string): number {
  // Import and time inside the child, so node's own boot is not counted.
  const script = `const t=performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now()-t);`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const ms = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, AWS_REGION: 'us-east-1', TABLE_NAME: 't', QUEUE_URLS: '{}', AUTH_MODE: 'local', LOCAL_TOKENS: '{}', DEPARTMENT: 'x' },
      encoding: 'utf8',
    });
    times.push(Number(ms.trim().split('\n').at(-1)));
  }
  return median(times);
}

const rows: { name: string; bytes: number; startupMs: number }[] = [];
for (const [name, entry] of Object.entries(entries)) {
  const dir = join(out, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  await build({
    entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'esm', target: ESBUILD_TARGET,
    mainFields: ['module', 'main'], banner: { js: ESM_REQUIRE_BANNER }, minify: true, logLevel: 'error',
  });
  rows.push({ name, bytes: statSync(file).size, startupMs: startupMs(file) });
}
rmSync(out, { recursive: true, force: true });

const base = rows[0]!;
if (values.json) console.log(JSON.stringify({ runs, rows }, null, 2));
else {
  console.log(`bundle sizes (minified ESM) and median import time over ${runs} fresh processes, Node ${process.versions.node}`);
  for (const r of rows) {
    const kb = (r.bytes / 1024).toFixed(0).padStart(5);
    const rel = r === base ? '' : `  (${(r.bytes / base.bytes).toFixed(2)}x size, +${(r.startupMs - base.startupMs).toFixed(0)} ms)`;
    console.log(`  ${r.name.padEnd(36)} ${kb} KB  ${r.startupMs.toFixed(0).padStart(4)} ms${rel}`);
  }
}
