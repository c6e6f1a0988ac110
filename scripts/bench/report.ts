// The benchmark's table: every measured figure beside the issue's target for it.
import type { BundleRow } from './bundle-measure.ts';
import { prices, stepFunctionsLifecycle } from './model.ts';
import type { VariantUnits } from './unit-variants.ts';

/** The issue's targets. */
export const targets = {
  efficiency: 0.7,
  p99DeliveredMs: 1000,
  ddbWritesPerTask: 6,
  ddbWriteUnitsPerTask: 8,
  sqsRequestsPerTask: 1.5,
  bundleSizeRatio: 1.5,
  bundleInitRatio: 1.25,
  scalePeakRssMb: 1024,
} as const;

interface Latency { tasksPerSecond: number; p50DeliveredMs: number; p99DeliveredMs: number; p50CompletedMs: number; p99CompletedMs: number; completed: number; tasks: number }

/** What bench.ts measured, as the table reads it. */
export interface BenchResult {
  machine: { quick: boolean; node: string; batchingWindowMs: number; pushesPerSecond: number; sectionsSeconds: Record<string, number>; loadAverageStart: number[]; loadAverageEnd: number[] };
  rates: Record<string, number>;
  concurrency: number;
  opsPerTask: Record<string, number>;
  bound: { unrated: string[] };
  burst: Latency & { admissions: number; seconds: number; hubCpuSeconds: number; dynamodbCpuSeconds: number; perDepartment: Record<string, { peakPerSecond: number; peakInFlight: number }> };
  sustained: Latency & { offeredTasksPerSecond: number; adapterBatchesPerTask: number; receivesPerTask: number };
  calls: {
    ddbWritesPerTask: number; ddbWriteUnitsPerTask: number; ddbReadUnitsPerTask: number; tableUnitsPerTask: number; indexUnitsPerTask: Record<string, number>;
    sqsRequestsPerTask: number; apiRequestsPerTask: number; conflicts409: number; invocationsPerTask: number;
  };
  unitVariants: VariantUnits[];
  itemBytes: { task: number; child: number };
  cost: Record<'dynamodb' | 'sqs' | 'lambda' | 'apiGateway' | 'total', number>;
  scale: { children: number; importSeconds: number; tasks: number; completed: number; allCompleted: boolean; seconds: number; peakRssMb: number };
  bundles: (BundleRow & { sizeRatio: number; initRatio: number })[];
}

export interface BenchSummary { efficiency: number; boundTasksPerSecond: number; stepFunctionsCostPer1000TasksUsd: number }

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const row = (name: string, value: string, target = '', met?: boolean) =>
  console.log(`  ${name.padEnd(44)} ${value.padStart(14)}  ${target.padEnd(10)} ${met === undefined ? '' : met ? 'met' : 'NOT MET'}`);

export function printReport(r: BenchResult, s: BenchSummary): void {
  const m = r.machine;
  console.log(`hub benchmark${m.quick ? ' (--quick)' : ''}, Node ${m.node}, embedded emulators; shared 2-core machine, rates are noisy`);
  console.log(`adapters' batching window ${m.batchingWindowMs} ms, each department's push rate ${m.pushesPerSecond}/s; load average at start ${m.loadAverageStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.loadAverageEnd.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`\n(1) backend raw rates at concurrency ${r.concurrency} (ops/s) and the hub's ops per task`);
  for (const [op, n] of Object.entries(r.opsPerTask)) row(op, `${f(r.rates[op] ?? NaN, 0)} /s`, `${f(n, 2)}/task`);
  row('bound (tasks/s)', f(s.boundTasksPerSecond), r.bound.unrated.length ? `unrated: ${r.bound.unrated.join(',')}` : '');
  console.log(`\n(2) hub throughput (simulators at zero delay)`);
  const b = r.burst;
  row(`burst: ${b.tasks} tasks (${b.admissions} admissions at once)`, `${f(b.tasksPerSecond)} /s`, `${b.completed}/${b.tasks} done`);
  row('efficiency (burst / bound)', f(s.efficiency, 2), `>= ${targets.efficiency}`, s.efficiency >= targets.efficiency);
  row('burst CPU s: hub process / DynamoDB Local', `${f(b.hubCpuSeconds)} / ${f(b.dynamodbCpuSeconds)}`, `of ${f(b.seconds)} s wall`);
  row('burst p50 / p99 open -> delivered (ms)', `${f(b.p50DeliveredMs, 0)} / ${f(b.p99DeliveredMs, 0)}`);
  row('burst p50 / p99 open -> completed (ms)', `${f(b.p50CompletedMs, 0)} / ${f(b.p99CompletedMs, 0)}`);
  const su = r.sustained;
  row(`sustained at half the bound (${f(su.offeredTasksPerSecond)} tasks/s)`, `${f(su.tasksPerSecond)} /s`, `${su.completed}/${su.tasks} done`);
  row('sustained p50 open -> delivered (ms)', f(su.p50DeliveredMs, 0));
  row('sustained p99 open -> delivered (ms)', f(su.p99DeliveredMs, 0), `< ${targets.p99DeliveredMs}`, su.p99DeliveredMs < targets.p99DeliveredMs);
  row('sustained p50 / p99 open -> completed (ms)', `${f(su.p50CompletedMs, 0)} / ${f(su.p99CompletedMs, 0)}`);
  row('sustained adapter invocations / receives per task', `${f(su.adapterBatchesPerTask, 2)} / ${f(su.receivesPerTask, 2)}`);
  for (const [d, v] of Object.entries(b.perDepartment))
    row(`burst pushes to ${d}: peak /s, in flight`, `${v.peakPerSecond}, ${v.peakInFlight}`, `<= ${r.machine.pushesPerSecond}/s`, v.peakPerSecond <= r.machine.pushesPerSecond);
  console.log(`\n(3) calls per completed task (burst run, counted at the SDK clients) and the bill at ${prices.region} list prices`);
  const c = r.calls;
  row('DynamoDB write requests', f(c.ddbWritesPerTask, 2), `<= ${targets.ddbWritesPerTask}`, c.ddbWritesPerTask <= targets.ddbWritesPerTask);
  row('DynamoDB write units (indexes included)', f(c.ddbWriteUnitsPerTask, 2), `<= ${targets.ddbWriteUnitsPerTask}`, c.ddbWriteUnitsPerTask <= targets.ddbWriteUnitsPerTask);
  row('  of which table', f(c.tableUnitsPerTask, 2));
  for (const [i, v] of Object.entries(c.indexUnitsPerTask)) row(`  of which index ${i}`, f(v, 2));
  console.log(`  one task's write units by layout (decision 0001's ways; copies of a real task item, ~${r.itemBytes.task} B as JSON):`);
  for (const v of r.unitVariants) row(`  ${v.variant}: admission + transitions`, `${f(v.admissionPerTask)} + ${f(v.transitionsPerTask)} = ${f(v.perTask)}`, `<= ${targets.ddbWriteUnitsPerTask}`, v.perTask <= targets.ddbWriteUnitsPerTask);
  row('DynamoDB read units', f(c.ddbReadUnitsPerTask, 2));
  row('SQS requests (sends, receives, deletes)', f(c.sqsRequestsPerTask, 2), `<= ${targets.sqsRequestsPerTask}`, c.sqsRequestsPerTask <= targets.sqsRequestsPerTask);
  row('API requests (409 retries included)', f(c.apiRequestsPerTask, 2), `${c.conflicts409} x 409`);
  row('Lambda invocations (API + adapter batches)', f(c.invocationsPerTask, 2));
  const k = r.cost;
  row('USD per 1,000 tasks: DynamoDB / SQS', `${f(k.dynamodb, 4)} / ${f(k.sqs, 4)}`);
  row('USD per 1,000 tasks: Lambda / API Gateway', `${f(k.lambda, 4)} / ${f(k.apiGateway, 4)}`);
  row('USD per 1,000 tasks: total', f(k.total, 4));
  row(`Step Functions Standard, ${stepFunctionsLifecycle.length} transitions/task`, f(s.stepFunctionsCostPer1000TasksUsd, 4), 'transitions only');
  console.log('  (no cn-northwest-1 CNY prices in this script: not verified offline)');
  console.log(`\n(4) cold start: bundles as the stack builds them, gzipped size and median init (ms)`);
  for (const x of r.bundles) {
    const ok = x.sizeRatio <= targets.bundleSizeRatio && x.initRatio <= targets.bundleInitRatio;
    row(x.name, `${f(x.gzipBytes / 1024)} KB ${f(x.initMs, 0)} ms`, `${f(x.sizeRatio, 2)}x ${f(x.initRatio, 2)}x`, x.name.startsWith('baseline') ? undefined : ok);
  }
  console.log(`  targets: size <= ${targets.bundleSizeRatio}x, init <= ${targets.bundleInitRatio}x the baseline`);
  console.log(`\n(5) scale`);
  const sc = r.scale;
  row(`${sc.children} children by the bulk import, ${sc.tasks} tasks`, `${f(sc.seconds)} s`, `${sc.completed}/${sc.tasks}`, sc.allCompleted);
  row('  of which the import itself (s)', f(sc.importSeconds), '');
  row('peak RSS of the hub process (MB)', f(sc.peakRssMb, 0), `< ${targets.scalePeakRssMb}`, sc.peakRssMb < targets.scalePeakRssMb);
  console.log(`\nseconds per section: ${Object.entries(m.sectionsSeconds).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}\n`);
}
