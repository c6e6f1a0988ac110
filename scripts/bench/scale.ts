// bench's scale part alone (issue 14's fifth measure): N children admitted by the bulk import on the embedded hub
// (DynamoDB Local, fauxqs, simulators at zero delay, as `npm run bench`) and carried to completion; wall time, the
// peak RSS of this process (the hub and the importing client both run in it), everything completed or the count.
//   npm run bench:scale                       10,000 children
//   npm run bench:scale -- --children 500
import '../require-node.ts';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startHub } from '../local/hub.ts';
import { cpuMeter } from './cpu.ts';
import { installFetchProbe } from './fetch-probe.ts';
import { runImportLoad } from './import-load.ts';

const { values } = parseArgs({ options: { children: { type: 'string', default: '10000' } } });
const children = Number(values.children);
if (!(Number.isInteger(children) && children > 0)) throw new Error(`--children '${values.children}' must be a positive whole number`);
process.env.IMPORT_ROWS_PER_SECOND ??= '500';
const load0 = loadavg();
const hub = await startHub({ port: 0, inMemory: true, prefix: `bench-scale-${Date.now()}-`, simulatorDelayMs: 0, redispatchEverySeconds: 0, overdueEverySeconds: 0, clocksEverySeconds: 0, console: false });
const probe = installFetchProbe(hub.apiUrl, hub.simulators?.url);
let peakRss = process.memoryUsage().rss;
const sampleRss = () => void (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const rssTimer = setInterval(sampleRss, 200);
const cpu = cpuMeter(hub.endpoints.dynamodb);
try {
  const started = performance.now();
  const run = await runImportLoad(hub, probe, { children, timeoutMs: 60 * 60_000, label: `scale ${children}`, onTick: sampleRss });
  const seconds = (performance.now() - started) / 1000;
  sampleRss();
  const used = cpu.read();
  console.log(JSON.stringify({
    children, tasks: run.tasks, completed: run.completedMs.length, allCompleted: run.allCompleted,
    importSeconds: Number(run.importSeconds.toFixed(1)), seconds: Number(seconds.toFixed(1)),
    tasksPerSecond: Number((run.completedMs.length / seconds).toFixed(1)), peakRssMb: Math.round(peakRss / 2 ** 20),
    hubCpuSeconds: Number(used.hubCpuSeconds.toFixed(1)), dynamodbCpuSeconds: Number(used.dynamodbCpuSeconds.toFixed(1)),
    loadAverageStart: load0.map((l) => Number(l.toFixed(1))), loadAverageEnd: loadavg().map((l) => Number(l.toFixed(1))),
  }, null, 2));
} finally {
  clearInterval(rssTimer);
  probe.stop();
  await hub.stop();
}
