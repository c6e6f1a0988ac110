import { spawn, type ChildProcess } from 'node:child_process';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local/ports.ts';
import { killOnExit } from '../../scripts/local/kill-on-exit.ts';
import { provision, resourceNames, type ProvisionClients } from '../../scripts/local/provision.ts';
import { departments, inboxProjection } from '../../services/topology.ts';
import { hasEmulators, sdkClients, uniquePrefix } from '../helpers/emulators.ts';

async function expectTopologyShape(clients: ProvisionClients, prefix: string, visibility: string, maxReceiveCount: string) {
  const result = await provision(clients, { prefix, visibilityTimeoutSeconds: Number(visibility), maxReceiveCount: Number(maxReceiveCount) });
  const { Table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: result.tableName }));
  expect(Table?.TableName).toBe(`${prefix}hub-state`);
  expect(Table?.KeySchema).toEqual([
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ]);
  expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  const indexes = Object.fromEntries((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
  expect(Object.keys(indexes).sort()).toEqual(['bureau', 'inbox', 'institution']);
  // A city bureau's inbox: its own partition key, the inbox's sort key and projection (decision 0013).
  expect(indexes.bureau!.KeySchema).toEqual([
    { AttributeName: 'gsi3pk', KeyType: 'HASH' },
    { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
  ]);
  expect([...(indexes.bureau!.Projection?.NonKeyAttributes ?? [])].sort()).toEqual([...inboxProjection].sort());
  expect(indexes.inbox!.KeySchema).toEqual([
    { AttributeName: 'gsi1pk', KeyType: 'HASH' },
    { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
  ]);
  expect(indexes.inbox!.Projection?.ProjectionType).toBe('INCLUDE');
  expect([...(indexes.inbox!.Projection?.NonKeyAttributes ?? [])].sort()).toEqual([...inboxProjection].sort());
  expect(indexes.institution!.KeySchema).toEqual([
    { AttributeName: 'gsi2pk', KeyType: 'HASH' },
    { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
  ]);
  expect(indexes.institution!.Projection?.ProjectionType).toBe('KEYS_ONLY');

  expect(Object.keys(result.queues).sort()).toEqual(departments.map((d) => d.code).sort());
  for (const [code, q] of Object.entries(result.queues)) {
    expect(q.name).toBe(`${prefix}hub-${code}`);
    expect(q.dlqName).toBe(`${prefix}hub-${code}-dlq`);
    expect(q.arn).toMatch(new RegExp(`^arn:aws:sqs:us-east-1:\\d{12}:${q.name}$`));
    expect(q.dlqArn).toMatch(new RegExp(`^arn:aws:sqs:us-east-1:\\d{12}:${q.dlqName}$`));
    const { Attributes } = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: q.url, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy', 'QueueArn'] }),
    );
    expect(Attributes?.QueueArn).toBe(q.arn);
    expect(Attributes?.VisibilityTimeout).toBe(visibility);
    const redrive = JSON.parse(Attributes?.RedrivePolicy ?? '{}');
    expect(redrive.deadLetterTargetArn).toBe(q.dlqArn);
    expect(String(redrive.maxReceiveCount)).toBe(maxReceiveCount);
    const dlq = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: q.dlqUrl, AttributeNames: ['QueueArn'] }));
    expect(dlq.Attributes?.QueueArn).toBe(q.dlqArn);
  }
  return result;
}

describe.runIf(hasEmulators())('provision against the emulators of the global setup', () => {
  it('creates the topology table with its three indexes and one queue + DLQ per department', async () => {
    await expectTopologyShape(sdkClients(), uniquePrefix('prov'), '3', '4');
  });

  it('is idempotent: a second run returns the same resources and changes nothing', async () => {
    const prefix = uniquePrefix('prov');
    const first = await provision(sdkClients(), { prefix, visibilityTimeoutSeconds: 2, maxReceiveCount: 3 });
    const second = await provision(sdkClients(), { prefix, visibilityTimeoutSeconds: 2, maxReceiveCount: 3 });
    expect(second).toEqual(first);
  });

  it('converges an existing queue to new attributes (a restart with another visibility timeout)', async () => {
    const prefix = uniquePrefix('prov');
    const first = await provision(sdkClients(), { prefix, visibilityTimeoutSeconds: 2, maxReceiveCount: 3 });
    const second = await provision(sdkClients(), { prefix, visibilityTimeoutSeconds: 7, maxReceiveCount: 2 });
    expect(second.queues.education!.url).toBe(first.queues.education!.url);
    const { Attributes } = await sdkClients().sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: second.queues.education!.url, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] }),
    );
    expect(Attributes?.VisibilityTimeout).toBe('7');
    // moto answers the count as a number, AWS and fauxqs as a string.
    expect(String(JSON.parse(Attributes!.RedrivePolicy!).maxReceiveCount)).toBe('2');
  });

  it('defaults to the topology delivery settings and can limit itself to some departments', async () => {
    const result = await provision(sdkClients(), { prefix: uniquePrefix('prov'), departments: ['fire-rescue'] });
    expect(Object.keys(result.queues)).toEqual(['fire-rescue']);
    const { Attributes } = await sdkClients().sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: result.queues['fire-rescue']!.url, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] }),
    );
    expect(Attributes?.VisibilityTimeout).toBe('60');
    // moto answers the count as a number, AWS and fauxqs as a string.
    expect(String(JSON.parse(Attributes!.RedrivePolicy!).maxReceiveCount)).toBe('5');
  });

  it('refuses a prefix that would make invalid names', () => {
    expect(() => resourceNames('bad prefix/')).toThrow(/Invalid resource prefix/);
    expect(resourceNames('ok_1-').queueName('education')).toBe('ok_1-hub-education');
  });
});

// moto_server has LocalStack's shape (every service on one endpoint). Skipped where it is not installed.
const motoInstalled = await new Promise<boolean>((resolve) => {
  const probe = spawn('moto_server', ['--help'], { stdio: 'ignore' });
  probe.on('error', () => resolve(false));
  probe.on('exit', (code) => resolve(code === 0));
});

describe.runIf(motoInstalled)('provision against one LocalStack-shaped endpoint (moto_server)', () => {
  let moto: ChildProcess;
  let clients: ProvisionClients;

  beforeAll(async () => {
    const port = await freePort();
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    killOnExit(moto.pid!);
    const endpoint = `http://127.0.0.1:${port}`;
    const common = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    clients = { dynamodb: new DynamoDBClient(common), sqs: new SQSClient({ ...common, useQueueUrlAsEndpoint: false }) };
    const deadline = Date.now() + 20_000;
    for (;;) {
      const up = await fetch(`${endpoint}/moto-api/`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error('moto_server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => {
    clients?.dynamodb.destroy();
    clients?.sqs.destroy();
    moto?.kill('SIGTERM');
  });

  it('creates the same shape and is idempotent there too', async () => {
    const prefix = uniquePrefix('moto');
    const first = await expectTopologyShape(clients, prefix, '3', '4');
    const second = await provision(clients, { prefix, visibilityTimeoutSeconds: 3, maxReceiveCount: 4 });
    expect(second).toEqual(first);
    // moto's queue URLs are plain http://<host>:<port>/<account>/<name>, unlike fauxqs'.
    expect(new URL(first.queues.education!.url).host).toMatch(/^(127\.0\.0\.1|localhost):\d+$/);
  });
});
