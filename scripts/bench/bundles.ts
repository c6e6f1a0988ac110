// Lambda bundle sizes and start-up times against a baseline bundle that holds only the DynamoDB and SQS clients,
// built as the stack builds them (bundle-measure.ts). `npm run bench` reports the same rows beside its targets.
//   npm run bench:bundles [-- --runs 15]
import '../require-node.ts';
import { parseArgs } from 'node:util';
import { measureBundles } from './bundle-measure.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' }, json: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const rows = await measureBundles(runs);
const base = rows[0]!;
if (values.json) console.log(JSON.stringify({ runs, rows }, null, 2));
else {
  console.log(`bundle sizes (minified ESM, gzipped) and median import time over ${runs} fresh processes, Node ${process.versions.node}`);
  for (const r of rows) {
    const kb = (n: number) => (n / 1024).toFixed(0).padStart(5);
    const rel = r === base ? '' : `  (${(r.gzipBytes / base.gzipBytes).toFixed(2)}x gzipped size, ${(r.initMs / base.initMs).toFixed(2)}x init)`;
    console.log(`  ${r.name.padEnd(36)} ${kb(r.bytes)} KB ${kb(r.gzipBytes)} KB gz  ${r.initMs.toFixed(0).padStart(4)} ms${rel}`);
  }
}
