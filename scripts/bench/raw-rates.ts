// The backend's own limit: how many of exactly the operations the hub issues the emulators carry per second on this
// machine, at the hub's concurrency. A table of the hub's shape (provision's, indexes included) and one queue are
// created under their own prefix; items are copies of a real task item of the hub's run, so sizes match.
import {
  DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, TransactWriteItemsCommand, UpdateItemCommand, type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { departments } from '../../services/topology.ts';
import { provision } from '../local/provision.ts';

type Item = Record<string, AttributeValue>;

export interface RawRateOptions {
  endpoints: { dynamodb: string; sqs: string };
  /** A task item as the hub stored it (the low-level shape). */
  taskItem: Item;
  /** Concurrent requests, as measured in the hub's run. */
  concurrency: number;
  /** Per operation. */
  seconds: number;
}

/** Runs `op` from `concurrency` workers for `seconds`; operations per second. */
async function rate(concurrency: number, seconds: number, op: (worker: number, n: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let n = 0; performance.now() < end; n++) {
        await op(w, n);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function measureRawRates(o: RawRateOptions): Promise<Record<string, number>> {
  const dynamodb = new DynamoDBClient({ endpoint: o.endpoints.dynamodb });
  const sqs = new SQSClient({ endpoint: o.endpoints.sqs, useQueueUrlAsEndpoint: false });
  const code = departments[0]!.code;
  const { tableName, queues } = await provision({ dynamodb, sqs }, { prefix: `raw-${Date.now()}-`, departments: [code] });
  const queueUrl = queues[code]!.url;
  const C = Math.max(1, o.concurrency);
  const item = (pk: string, sk: string): Item => ({ ...o.taskItem, pk: { S: pk }, sk: { S: sk } });
  const put = (pk: string, sk: string) => ({ TableName: tableName, Item: item(pk, sk), ConditionExpression: 'attribute_not_exists(pk)' });
  const rates: Record<string, number> = {};

  rates.PutItemCommand = await rate(C, o.seconds, (w, n) => dynamodb.send(new PutItemCommand(put(`CHILD#p${w}-${n}`, 'TASK#1'))));
  rates.TransactWriteItemsCommand = await rate(C, o.seconds, (w, n) =>
    dynamodb.send(new TransactWriteItemsCommand({
      TransactItems: ['CHILD', 'TASK#1', 'TASK#2'].map((sk) => ({ Put: put(`CHILD#t${w}-${n}`, sk) })),
    })),
  );
  // Each worker moves its own items through status changes, conditional on the revision, as a transition does.
  const revs = new Map<string, number>();
  const own = 20;
  await Promise.all(Array.from({ length: C * own }, (_, i) => dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { ...item(`CHILD#u${i}`, 'TASK#1'), rev: { N: '0' } } }))));
  rates.UpdateItemCommand = await rate(C, o.seconds, (w, n) => {
    const pk = `CHILD#u${w * own + (n % own)}`;
    const rev = revs.get(pk) ?? 0;
    revs.set(pk, rev + 1);
    return dynamodb.send(new UpdateItemCommand({
      TableName: tableName,
      Key: { pk: { S: pk }, sk: { S: 'TASK#1' } },
      // A transition inside the open half: the index entries are updated in place, their key stays (keys.ts).
      UpdateExpression: 'SET rev = :next, #s = :status',
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':rev': { N: String(rev) }, ':next': { N: String(rev + 1) }, ':status': { S: `s${n % 3}` } },
    }));
  });
  rates.GetItemCommand = await rate(C, o.seconds, (w, n) =>
    dynamodb.send(new GetItemCommand({ TableName: tableName, ConsistentRead: true, Key: { pk: { S: `CHILD#u${w * own + (n % own)}` }, sk: { S: 'TASK#1' } } })),
  );
  rates.QueryCommand = await rate(C, o.seconds, (w, n) =>
    dynamodb.send(new QueryCommand({ TableName: tableName, ConsistentRead: true, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `CHILD#t${w}-${n % 50}` } } })),
  );

  const body = JSON.stringify({ taskId: 'x'.repeat(40), pad: 'y'.repeat(400) });
  rates.SendMessageBatchCommand = await rate(C, o.seconds, (w, n) =>
    sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [0, 1].map((i) => ({ Id: `${w}-${n}-${i}`, MessageBody: body })) })),
  );
  // Receive and delete as the pollers do: up to 10 at once, without waiting, then one delete batch.
  let received = 0;
  let receives = 0;
  const started = performance.now();
  const end = started + o.seconds * 1000;
  let deletes = 0;
  let deleteMs = 0;
  while (performance.now() < end) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    receives++;
    const msgs = r.Messages ?? [];
    if (!msgs.length) break;
    received += msgs.length;
    const t = performance.now();
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: msgs.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    deleteMs += performance.now() - t;
    deletes++;
  }
  const total = (performance.now() - started) / 1000;
  // One poller per queue, one batch at a time (the local event source): the rates are per that single stream.
  rates.DeleteMessageBatchCommand = deletes / (deleteMs / 1000 || 1);
  rates.ReceiveMessageCommand = receives / (total - deleteMs / 1000 || 1);
  rates.messagesReceived = received;
  dynamodb.destroy();
  sqs.destroy();
  return rates;
}
