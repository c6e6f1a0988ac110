// What "who looked" costs per read, measured: admits children on the embedded hub (simulators off: the tasks wait in
// the inbox), then reads them three ways (staff: each child's record; the department: each task, and its inbox in
// pages of 50), waits until the consumer has written every record, and counts the read audit's requests at the SDK
// (scripts/bench/counters.ts keeps them apart) and at its poller.
//   npm run bench:reads                  50 children
//   npm run bench:reads -- --children 200 --json
import '../require-node.ts';
import { parseArgs } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../services/lib/aws.ts';
import { startHub } from '../local/hub.ts';
import { countCalls } from './counters.ts';
import { admissionBody } from './load.ts';

const { values } = parseArgs({ options: { children: { type: 'string', default: '50' }, json: { type: 'boolean', default: false } } });
const children = Number(values.children);
process.env.LOG_LEVEL = 'ERROR';

const hub = await startHub({ port: 0, inMemory: true, prefix: `bench-reads-${Date.now()}-`, simulators: false, redispatchEverySeconds: 0, overdueEverySeconds: 0, clocksEverySeconds: 0 });
const call = async (as: string, path: string, body?: unknown) => {
  const res = await fetch(`${hub.apiUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${hub.tokens[as]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}`);
  return res.json() as Promise<any>;
};

// The department of the first task the admission opens reads each child's task of it, then its inbox.
let department = '';
const admitted: { childId: string; taskId: string }[] = [];
for (let i = 0; i < children; i++) {
  const a = await call('staff:CWI-450100', '/v1/children', admissionBody(i));
  department ||= a.tasks[0].department;
  admitted.push({ childId: a.childId, taskId: a.tasks.find((t: { department: string }) => t.department === department).taskId });
}
const reader = `department:${department}`;

const counter = countCalls();
counter.reset();
const poller = hub.readAuditPoller!.stats;
const before = { receive: poller.receiveRequests, del: poller.deleteRequests, messages: poller.messagesReceived };
const started = performance.now();
let apiRequests = 0;
for (const { childId } of admitted) (await call('staff:CWI-450100', `/v1/children/${childId}`), apiRequests++);
for (const { taskId } of admitted) (await call(reader, `/v1/tasks/${taskId}`), apiRequests++);
let inboxReads = 0;
let token: string | undefined;
do {
  const page = await call(reader, `/v1/departments/${department}/tasks?limit=50${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`);
  apiRequests++;
  inboxReads += new Set(page.items.map((t: { subjectId: string }) => t.subjectId)).size;
  token = page.nextToken;
} while (token);
const reads = 2 * children + inboxReads;

// Every record in the table (a strongly consistent count per child).
const recorded = async () => {
  let n = 0;
  for (const { childId } of admitted) {
    const out = await documentClient().send(new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `READS#${childId}` }, Select: 'COUNT', ConsistentRead: true }));
    n += out.Count ?? 0;
  }
  return n;
};
while ((await recorded()) < reads) {
  if (performance.now() - started > 120_000) throw new Error('the read records did not all arrive within 2 minutes');
  await new Promise((r) => setTimeout(r, 250));
}
const seconds = (performance.now() - started) / 1000;
const audit = counter.snapshot().readAudit;
const consumer = { receive: poller.receiveRequests - before.receive, del: poller.deleteRequests - before.del, messages: poller.messagesReceived - before.messages };
await hub.stop();

const sends = Object.values(audit.sqsByCommand).reduce((a, b) => a + b, 0);
const result = {
  children,
  reads,
  apiRequests,
  seconds,
  perRead: {
    sqsSendRequests: sends / reads,
    sqsConsumerRequests: (consumer.receive + consumer.del) / reads,
    dynamodbWriteRequests: audit.ddbWrites / reads,
    dynamodbWriteUnits: audit.writeUnits / reads,
  },
  totals: { sqsSend: audit.sqsByCommand, consumer, dynamodb: { batchWriteItem: audit.ddbWrites, writeUnits: audit.writeUnits } },
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  const f = (n: number) => n.toFixed(3);
  console.log(`${reads} reads of ${children} children in ${apiRequests} API answers (each child's record, each task, the inbox in pages of 50), all recorded in ${seconds.toFixed(1)} s`);
  console.log(`per read: SQS sends ${f(result.perRead.sqsSendRequests)}, SQS consumer requests ${f(result.perRead.sqsConsumerRequests)} (${consumer.receive} receives, ${consumer.del} deletes, ${consumer.messages} messages)`);
  console.log(`          DynamoDB ${f(result.perRead.dynamodbWriteRequests)} BatchWriteItem requests, ${f(result.perRead.dynamodbWriteUnits)} write units`);
}
