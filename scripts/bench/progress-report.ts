// The progress report's read cost and time for one city as its children grow: seeds children of Nanning's
// institution through the API (each admission the real transaction, opening the tasks its facts call for), then
// reads the report in process and counts what reached DynamoDB (requests and the read units it reports).
//   npm run bench:report                        500, 1,000, 2,000 children
//   npm run bench:report -- --steps 100,200
// Runs on the embedded emulators (in memory), department simulators off: the tasks stay as admitted.
import '../require-node.ts';
import { parseArgs } from 'node:util';
import { documentClient } from '../../services/lib/aws.ts';
import { startHub } from '../local/hub.ts';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '500,1000,2000' }, runs: { type: 'string', default: '3' } } });
const steps = values.steps.split(',').map(Number);
process.env.LOG_LEVEL = 'ERROR';

const hub = await startHub({ port: 0, inMemory: true, prefix: `bench-report-${Date.now()}-`, simulators: false, redispatchEverySeconds: 0, overdueEverySeconds: 0 });
const { liveReport } = await import('../../services/reports/live.ts');
const reads = { requests: 0, units: 0, on: false };
documentClient().middlewareStack.add(
  (next, context) => async (args) => {
    const name = context.commandName ?? '';
    const counted = reads.on && (name === 'QueryCommand' || name === 'GetItemCommand');
    if (counted) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
    const out = await next(args);
    if (counted) {
      reads.requests++;
      reads.units += (out.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits ?? 0;
    }
    return out;
  },
  { step: 'initialize', name: 'countReads' },
);

const token = hub.tokens['staff:CWI-450100']!;
let admitted = 0;
async function admit(n: number) {
  const body = (i: number) => ({
    institutionId: 'CWI-450100', name: '测试儿童', gender: i % 2 ? 'female' : 'male',
    // Every third child of school age (school placement), every fifth disabled (rehab assistance).
    birthDate: i % 3 ? '2022-03-01' : '2016-03-01', admittedOn: '2026-11-20', parentsUnknown: true, hukouRegistered: i % 4 !== 0,
    disabled: i % 5 === 0, foundlingCertificateNumber: `NN-${i}`,
  });
  const queue = Array.from({ length: n }, (_, k) => admitted + k);
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const res = await fetch(`${hub.apiUrl}/v1/children`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body(i)) });
      if (res.status !== 201) throw new Error(`admission ${i}: ${res.status} ${await res.text()}`);
    }
  }));
  admitted += n;
}

const rows: { children: number; tasks: number; requests: number; readUnits: number; ms: number[] }[] = [];
try {
  for (const target of steps) {
    await admit(target - admitted);
    const ms: number[] = [];
    let tasks = 0;
    for (let r = 0; r < Number(values.runs); r++) {
      reads.requests = 0;
      reads.units = 0;
      reads.on = true;
      const t0 = performance.now();
      const report = await liveReport('450100', '2027-H1');
      ms.push(Math.round(performance.now() - t0));
      reads.on = false;
      tasks = report.tasks.reduce((n, t) => n + t.open.count, 0);
    }
    rows.push({ children: target, tasks, requests: reads.requests, readUnits: Math.round(reads.units * 10) / 10, ms });
    console.log(JSON.stringify(rows.at(-1)));
  }
  console.log('\nchildren | open tasks | DynamoDB reads | read units | report ms (each run)');
  for (const r of rows) console.log(`${r.children} | ${r.tasks} | ${r.requests} | ${r.readUnits} | ${r.ms.join(', ')}`);
} finally {
  await hub.stop();
}
