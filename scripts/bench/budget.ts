// Requests per completed task, measured: admits children on the embedded hub, lets the simulated
// departments complete every task, and counts what reached DynamoDB and SQS on the way (write requests,
// the write units DynamoDB reports with indexes, SQS requests of every kind).
//   npm run bench:budget                 50 children (100 tasks)
//   npm run bench:budget -- --children 200
// The budget: ≤ 6 DynamoDB write requests and ≤ 1.5 SQS requests per completed task, amortised.
import '../require-node.ts';
import { parseArgs } from 'node:util';
import { startHub } from '../local/hub.ts';
import { countCalls } from './counters.ts';
import { admissionBody } from './load.ts';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
    // Departments acknowledge in the push answer instead of a separate API call.
    'ack-in-response': { type: 'boolean', default: false },
  },
});
const children = Number(values.children);
process.env.LOG_LEVEL = 'ERROR';

const hub = await startHub({
  port: 0,
  inMemory: true,
  prefix: `bench-${Date.now()}-`,
  simulatorDelayMs: 0,
  simulatorAckInResponse: values['ack-in-response'],
  redispatchEverySeconds: 0,
  overdueEverySeconds: 0,
  clocksEverySeconds: 0,
});

// Count at the SDK: every request the hub's own code makes (API handlers, adapters, sweeps).
const counts = countCalls().live;

const token = hub.tokens['staff:CWI-450100'];
const started = Date.now();
const ids: string[] = [];
for (let i = 0; i < children; i++) {
  const res = await fetch(`${hub.apiUrl}/v1/children`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(admissionBody(i)),
  });
  if (res.status !== 201) throw new Error(`admission answered ${res.status}: ${await res.text()}`);
  ids.push(((await res.json()) as { childId: string }).childId);
}
const tasks = children * 2;

// Wait until every task is completed.
let completed = 0;
while (completed < tasks) {
  if (Date.now() - started > 10 * 60_000) throw new Error(`only ${completed}/${tasks} completed after 10 minutes`);
  await new Promise((r) => setTimeout(r, 500));
  completed = 0;
  for (const id of ids) {
    const r = await fetch(`${hub.apiUrl}/v1/children/${id}`, { headers: { authorization: `Bearer ${token}` } });
    completed += ((await r.json()) as { tasks: { status: string }[] }).tasks.filter((t) => t.status === 'completed').length;
  }
}
const seconds = (Date.now() - started) / 1000;
// The progress reads above are the benchmark's, not the hub's work: reads are reported but not judged.
const pollerStats = Object.values(hub.pollers).reduce(
  (a, p) => ({ receive: a.receive + p!.stats.receiveRequests, del: a.del + p!.stats.deleteRequests, emptyReceives: a.emptyReceives }),
  { receive: 0, del: 0, emptyReceives: 0 },
);
await hub.stop();

const sqsHub = Object.values(counts.sqsByCommand).reduce((a, b) => a + b, 0);
const result = {
  children,
  tasksCompleted: tasks,
  seconds,
  dynamodb: {
    writeRequests: counts.ddbWrites,
    writeRequestsPerTask: counts.ddbWrites / tasks,
    writeUnits: counts.writeUnits,
    writeUnitsPerTask: counts.writeUnits / tasks,
    refusedWrites: counts.refusedWrites,
    refusedWritesPerTask: counts.refusedWrites / tasks,
    getItemPerTask: (counts.byCommand.GetItemCommand?.requests ?? 0) / tasks,
    tableUnits: counts.writeUnitsTable,
    indexUnits: Object.values(counts.writeUnitsByIndex).reduce((a, b) => a + b, 0),
    byCommand: counts.byCommand,
  },
  sqs: {
    byHubCode: counts.sqsByCommand,
    // The consumer side: Lambda's event source mapping on AWS, the local pollers here.
    consumerReceives: pollerStats.receive,
    consumerDeletes: pollerStats.del,
    producerRequestsPerTask: sqsHub / tasks,
    // Receives include the pollers' empty long polls over the run; on AWS those are Lambda's, not billed per task.
    allRequestsPerTask: (sqsHub + pollerStats.receive + pollerStats.del) / tasks,
  },
  budget: { dynamodbWritesPerTask: 6, sqsRequestsPerTask: 1.5 },
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`${tasks} tasks completed in ${seconds.toFixed(1)} s (${children} children, 2 tasks each, simulators at zero delay)`);
  console.log(`DynamoDB: ${result.dynamodb.writeRequests} write requests = ${result.dynamodb.writeRequestsPerTask.toFixed(2)} per task (budget 6)`);
  console.log(`          ${result.dynamodb.writeUnits.toFixed(1)} write units = ${result.dynamodb.writeUnitsPerTask.toFixed(2)} per task (table ${result.dynamodb.tableUnits.toFixed(1)}, indexes ${result.dynamodb.indexUnits.toFixed(1)})`);
  console.log(`          ${result.dynamodb.getItemPerTask.toFixed(2)} GetItem per task; ${result.dynamodb.refusedWrites} refused conditional writes = ${result.dynamodb.refusedWritesPerTask.toFixed(2)} per task (not in the counts above)`);
  console.log(`          by command: ${JSON.stringify(counts.byCommand)}`);
  console.log(`SQS:      hub's own requests ${JSON.stringify(counts.sqsByCommand)} = ${result.sqs.producerRequestsPerTask.toFixed(2)} per task`);
  console.log(`          consumer receives ${pollerStats.receive}, deletes ${pollerStats.del}: all requests ${result.sqs.allRequestsPerTask.toFixed(2)} per task (budget 1.5)`);
}
