// One command for the hub's performance on the embedded emulators (DynamoDB Local, fauxqs, simulators at zero
// delay): the backend's raw rates and the bound they imply, hub throughput (burst and sustained) with latency, calls
// and the AWS bill per task, cold start of every bundle, and a scale run. A table, then as the very last line one
// JSON summary (also in .local/bench.json). docs/performance.md explains the method and the figures.
//   npm run bench              the full form (1,000-admission burst, 10,000 children by the bulk import)
//   npm run bench:scale        the scale part alone: -- --children 10000
//   npm run bench -- --quick   CI's form, under two minutes on an idle 2-core machine
//   --batching-window-ms 1000  the adapters' batching window (default the stack's event sources', delivery.batchingWindowSeconds)
//   --rate 1000                every department's push rate (default the configured delivery.pushesPerSecond, decision
//                              0021): lifted, the burst measures the hub against its backend alone
import '../require-node.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { delivery, departments } from '../../services/topology.ts';
import { localBatchingWindowMs } from '../local/departments.ts';
import { startHub } from '../local/hub.ts';
import { BASELINE, measureBundles } from './bundle-measure.ts';
import { cpuMeter } from './cpu.ts';
import { countCalls, type CallCounts } from './counters.ts';
import { installFetchProbe } from './fetch-probe.ts';
import { runImportLoad } from './import-load.ts';
import { runLoad, type LoadRun } from './load.ts';
import { boundTasksPerSecond, costPer1000Tasks, peakPerSecond, percentile, stepFunctionsCostPer1000TasksUsd } from './model.ts';
import { measureRawRates } from './raw-rates.ts';
import { printReport } from './report.ts';
import { measureUnitVariants } from './unit-variants.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'batching-window-ms': { type: 'string', default: String(localBatchingWindowMs) },
    rate: { type: 'string', default: String(delivery.pushesPerSecond) },
  },
});
const rate = Number(values.rate);
if (!Number.isInteger(rate) || rate < 2) throw new Error(`--rate must be a whole number of pushes per second, at least 2 (got ${values.rate})`);
const quick = values.quick;
const size = quick
  ? { burst: 60, sustainedSeconds: 8, scale: 100, rawSeconds: 1, initRuns: 3 }
  : { burst: 1000, sustainedSeconds: 60, scale: 10_000, rawSeconds: 5, initRuns: 11 };
process.env.LOG_LEVEL = 'ERROR';
// The scale run measures the hub, not the import's pace (docs/decisions/0015-bulk-import.md): 500 rows a second.
process.env.IMPORT_ROWS_PER_SECOND ??= '500';
const load0 = loadavg();
const sections: Record<string, number> = {};
let mark = performance.now();
const lap = (name: string) => {
  sections[name] = (performance.now() - mark) / 1000;
  mark = performance.now();
};

const hub = await startHub({ port: 0, inMemory: true, prefix: `bench-${Date.now()}-`, simulatorDelayMs: 0, redispatchEverySeconds: 0, overdueEverySeconds: 0, clocksEverySeconds: 0, console: false, batchingWindowMs: Number(values['batching-window-ms']),
  departmentRates: Object.fromEntries(departments.map((d) => [d.code, rate])) });
const calls = countCalls();
const probe = installFetchProbe(hub.apiUrl, hub.simulators?.url);
const pollerTotals = () =>
  Object.values(hub.pollers).reduce((a, p) => ({ receives: a.receives + p!.stats.receiveRequests, deletes: a.deletes + p!.stats.deleteRequests, batches: a.batches + p!.stats.batches }), { receives: 0, deletes: 0, batches: 0 });
let peakRss = process.memoryUsage().rss;
const sampleRss = () => void (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const rssTimer = setInterval(sampleRss, 200);

try {
  // (2) burst first: its counts give the operations per task and the concurrency the raw rates are measured at.
  calls.reset();
  const p0 = pollerTotals();
  const apiBefore = { ...probe.apiRequests };
  const apiMs0 = { ...probe.apiMs };
  const cpu = cpuMeter(hub.endpoints.dynamodb);
  const burst = await runLoad(hub, probe, { children: size.burst, inFlight: size.burst, timeoutMs: 10 * 60_000, label: 'burst' });
  const c: CallCounts = calls.snapshot();
  const burstCpu = cpu.read();
  lap('burst');
  const p1 = pollerTotals();
  const burstSeconds = (burst.finishedAt - burst.startedAt) / 1000;
  const tasks = burst.tasks;
  const apiRequests = Object.entries(probe.apiRequests).reduce((s, [k, v]) => s + v - (apiBefore[k] ?? 0), 0);
  const apiMeanMs = (probe.apiMs.sum - apiMs0.sum) / (probe.apiMs.count - apiMs0.count);
  const sqsHub = Object.values(c.sqsByCommand).reduce((a, b) => a + b, 0);
  const receives = p1.receives - p0.receives;
  const deletes = p1.deletes - p0.deletes;
  const opsPerTask: Record<string, number> = {
    ...Object.fromEntries(Object.entries(c.byCommand).map(([k, v]) => [k, v.requests / tasks])),
    ...Object.fromEntries(Object.entries(c.sqsByCommand).map(([k, v]) => [k, v / tasks])),
    ReceiveMessageCommand: receives / tasks,
    DeleteMessageBatchCommand: deletes / tasks,
  };
  const concurrency = Math.max(1, Math.round(c.ddbBusyMs / (burstSeconds * 1000)));
  const perDept = Object.fromEntries(Object.entries(probe.pushes.startedAt).map(([d, t]) => [d, { peakPerSecond: peakPerSecond(t), peakInFlight: probe.pushes.peakInFlight[d] ?? 0 }]));

  // (1) the backend's own rates at that concurrency, on a table of the hub's shape with items of the hub's size.
  const sample = [...burst.openedAt.keys()][0]!;
  const taskId = [...probe.completed.keys()].find((id) => id.startsWith(`${sample}.T`))!;
  const raw = new DynamoDBClient({ endpoint: hub.endpoints.dynamodb });
  const { Item } = await raw.send(new GetItemCommand({ TableName: hub.provisioned.tableName, Key: { pk: { S: `CHILD#${sample}` }, sk: { S: `TASK#${taskId}` } } }));
  const { Item: childItem } = await raw.send(new GetItemCommand({ TableName: hub.provisioned.tableName, Key: { pk: { S: `CHILD#${sample}` }, sk: { S: 'CHILD' } } }));
  raw.destroy();
  if (!Item || !childItem) throw new Error(`child ${sample} or task ${taskId} not found: the key layout changed`);
  const rates = await measureRawRates({ endpoints: hub.endpoints, taskItem: Item, concurrency, seconds: size.rawSeconds });
  const bound = boundTasksPerSecond(opsPerTask, rates);
  lap('raw rates');
  const unitVariants = await measureUnitVariants(hub.endpoints.dynamodb, childItem, Item);
  const itemBytes = { task: JSON.stringify(Item).length, child: JSON.stringify(childItem).length };

  // (2) sustained at half the bound.
  const sustainedRate = bound.tasksPerSecond / 2;
  const tasksPerChild = tasks / size.burst;
  const s0 = pollerTotals();
  const sustained = await runLoad(hub, probe, {
    children: Math.max(1, Math.round((sustainedRate / tasksPerChild) * size.sustainedSeconds)),
    perSecond: sustainedRate / tasksPerChild,
    timeoutMs: 5 * 60_000,
    label: 'sustained',
  });

  const s1 = pollerTotals();
  // What the batching window trades: adapter invocations (one per batch) and receives per task at a steady rate.
  const sustainedPollers = { adapterBatchesPerTask: (s1.batches - s0.batches) / sustained.tasks, receivesPerTask: (s1.receives - s0.receives) / sustained.tasks };
  lap('sustained');
  // (5) scale: the children admitted by the bulk import.
  const scaleStarted = performance.now();
  const scale = await runImportLoad(hub, probe, { children: size.scale, timeoutMs: 60 * 60_000, label: `scale ${size.scale}`, onTick: sampleRss });
  const scaleSeconds = (performance.now() - scaleStarted) / 1000;
  lap('scale');
  sampleRss();
  clearInterval(rssTimer);
  probe.stop();
  await hub.stop();

  // (4) cold start.
  const bundles = await measureBundles(size.initRuns, quick);
  lap('bundles');

  const invocations = [
    { count: apiRequests, memoryMb: 512, meanMs: apiMeanMs },
    // Adapter batches: their duration is not timed here; the API's mean stands in (both wait on DynamoDB writes).
    { count: p1.batches - p0.batches, memoryMb: 256, meanMs: apiMeanMs },
  ];
  const cost = costPer1000Tasks({ ddbWriteUnits: c.writeUnits / tasks, ddbReadUnits: c.readUnits / tasks, sqsRequests: (sqsHub + receives + deletes) / tasks, apiRequests: apiRequests / tasks, invocations: invocations.map((i) => ({ ...i, count: i.count / tasks })) });
  const lat = (r: LoadRun) => ({
    tasksPerSecond: r.completedMs.length / ((r.finishedAt - r.startedAt) / 1000),
    p50DeliveredMs: percentile(r.deliveredMs, 50), p99DeliveredMs: percentile(r.deliveredMs, 99),
    p50CompletedMs: percentile(r.completedMs, 50), p99CompletedMs: percentile(r.completedMs, 99),
    completed: r.completedMs.length, tasks: r.tasks,
  });
  const base = bundles.find((b) => b.name === BASELINE)!;
  const result = {
    machine: { batchingWindowMs: Number(values['batching-window-ms']), pushesPerSecond: rate, sectionsSeconds: sections, loadAverageStart: load0, loadAverageEnd: loadavg(), node: process.versions.node, quick },
    rates, concurrency, opsPerTask, bound,
    burst: { ...lat(burst), admissions: size.burst, seconds: burstSeconds, ...burstCpu, perDepartment: perDept },
    sustained: { offeredTasksPerSecond: sustainedRate, ...lat(sustained), ...sustainedPollers },
    calls: {
      ddbWritesPerTask: c.ddbWrites / tasks, ddbWriteUnitsPerTask: c.writeUnits / tasks, ddbReadUnitsPerTask: c.readUnits / tasks,
      tableUnitsPerTask: c.writeUnitsTable / tasks,
      indexUnitsPerTask: Object.fromEntries(Object.entries(c.writeUnitsByIndex).map(([k, v]) => [k, v / tasks])),
      byCommand: c.byCommand, sqsRequestsPerTask: (sqsHub + receives + deletes) / tasks, apiRequestsPerTask: apiRequests / tasks,
      conflicts409: probe.conflicts, invocationsPerTask: invocations.reduce((s, i) => s + i.count, 0) / tasks, apiMeanMs,
    },
    unitVariants, itemBytes,
    cost,
    scale: { children: size.scale, importSeconds: scale.importSeconds, tasks: scale.tasks, completed: scale.completedMs.length, allCompleted: scale.allCompleted, seconds: scaleSeconds, peakRssMb: peakRss / 2 ** 20 },
    bundles: bundles.map((b) => ({ ...b, sizeRatio: b.gzipBytes / base.gzipBytes, initRatio: b.initMs / base.initMs })),
  };
  const summary = {
    efficiency: result.burst.tasksPerSecond / bound.tasksPerSecond,
    tasksPerSecond: result.burst.tasksPerSecond,
    boundTasksPerSecond: bound.tasksPerSecond,
    p50DeliveredMs: result.sustained.p50DeliveredMs,
    p99DeliveredMs: result.sustained.p99DeliveredMs,
    p99CompletedMs: result.sustained.p99CompletedMs,
    ddbWritesPerTask: result.calls.ddbWritesPerTask,
    ddbWriteUnitsPerTask: result.calls.ddbWriteUnitsPerTask,
    sqsRequestsPerTask: result.calls.sqsRequestsPerTask,
    apiRequestsPerTask: result.calls.apiRequestsPerTask,
    costPer1000TasksUsd: cost.total,
    stepFunctionsCostPer1000TasksUsd: stepFunctionsCostPer1000TasksUsd(),
    bundles: Object.fromEntries(result.bundles.map((b) => [b.name, { gzipKb: +(b.gzipBytes / 1024).toFixed(1), initMs: +b.initMs.toFixed(1), sizeRatio: +b.sizeRatio.toFixed(2), initRatio: +b.initRatio.toFixed(2) }])),
  };
  printReport(result, summary);
  mkdirSync('.local', { recursive: true });
  writeFileSync('.local/bench.json', JSON.stringify({ ...result, summary }, null, 2));
  console.log(JSON.stringify(summary));
} catch (err) {
  clearInterval(rssTimer);
  probe.stop();
  await hub.stop();
  throw err;
}
