// The hub the import benchmark measures, in a process of its own (so its memory is its own): the embedded hub with
// DynamoDB Local, the SQS emulator and the simulators, credentials and address in the directory given.
//   tsx scripts/bench/import-hub.ts <dir>
import '../require-node.ts';
import { startHub } from '../local/hub.ts';
import { countCalls } from './counters.ts';
import { cpuMeter } from './cpu.ts';

process.env.LOG_LEVEL = 'ERROR';
const hub = await startHub({ port: 0, dataDir: process.argv[2], prefix: `bench-import-${Date.now()}-`, redispatchEverySeconds: 0, overdueEverySeconds: 0, clocksEverySeconds: 0 });
const cpu = cpuMeter(hub.endpoints.dynamodb);
const calls = countCalls();
process.stdout.write(`ready ${hub.apiUrl}\n`);
// Before stopping, for the benchmark's report: the CPU seconds this process and DynamoDB Local's JVM spent since
// ready, and the requests the hub's code and the local queue pollers made.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const c = calls.snapshot();
    const pollers = Object.values(hub.pollers).reduce((a, p) => ({ receives: a.receives + p!.stats.receiveRequests, deletes: a.deletes + p!.stats.deleteRequests }), { receives: 0, deletes: 0 });
    const requests = { ...Object.fromEntries(Object.entries(c.byCommand).map(([k, v]) => [k, v.requests])), ...c.sqsByCommand, pollerReceives: pollers.receives, pollerDeletes: pollers.deletes };
    process.stdout.write(`cpu ${JSON.stringify({ ...cpu.read(), requests })}\n`);
    void hub.stop().then(() => process.exit(0));
  });
}
