// Creates the state table and the department queues from the topology on an emulator (DynamoDB Local +
// fauxqs, or one LocalStack-shaped endpoint such as moto_server). On AWS the CDK stack owns these resources;
// this is the local and test equivalent and must describe the same shape.
//
// Idempotent and convergent: run it on every start. An existing table is checked, not altered; an existing
// queue gets the asked-for attributes, so a restart with a shorter visibility timeout takes effect.
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DepartmentCode } from '../../contracts/common.ts';
import { deadLetterQueueName, delivery, departments, inboxProjection, queueName, readAudit, table } from '../../services/topology.ts';

export interface ProvisionClients {
  dynamodb: DynamoDBClient;
  /** Must be built with `useQueueUrlAsEndpoint: false` for fauxqs (see sqs-local.ts). */
  sqs: SQSClient;
}

export interface ProvisionOptions {
  /** Prepended to the table and queue names so that tests can share one emulator. [A-Za-z0-9_-]* */
  prefix?: string;
  /** Deliveries before a message is parked in the dead-letter queue. Default: `delivery.maxReceiveCount`. */
  maxReceiveCount?: number;
  /** Default: `delivery.visibilityTimeoutSeconds`. Local mode and tests want a few seconds. */
  visibilityTimeoutSeconds?: number;
  /** Only these departments' queues. Default: every department in the topology. */
  departments?: readonly DepartmentCode[];
}

export interface ProvisionedQueue {
  name: string;
  url: string;
  arn: string;
  dlqName: string;
  dlqUrl: string;
  dlqArn: string;
}

export interface Provisioned {
  tableName: string;
  /** Keyed by department code; holds only the provisioned departments when `options.departments` was given. */
  queues: Record<DepartmentCode, ProvisionedQueue>;
  /** The read audit's queue and its dead-letter queue (docs/decisions/0016-read-audit.md); a deployed stack's outputs name none. */
  readAudit?: ProvisionedQueue;
}

/** Where a dead letter stays: the SQS maximum, so that nothing parked expires before someone looks. */
const DLQ_RETENTION_SECONDS = '1209600';

/** The names `provision` uses, for code that needs them without provisioning. */
export function resourceNames(prefix = '') {
  if (!/^[A-Za-z0-9_-]*$/.test(prefix)) throw new Error(`Invalid resource prefix "${prefix}": use [A-Za-z0-9_-]`);
  return {
    tableName: `${prefix}${table.name}`,
    queueName: (code: DepartmentCode) => `${prefix}${queueName(code)}`,
    deadLetterQueueName: (code: DepartmentCode) => `${prefix}${deadLetterQueueName(code)}`,
    readAuditQueueName: `${prefix}${readAudit.queueName}`,
    readAuditDeadLetterQueueName: `${prefix}${readAudit.deadLetterQueueName}`,
  };
}

export async function provision(clients: ProvisionClients, options: ProvisionOptions = {}): Promise<Provisioned & { readAudit: ProvisionedQueue }> {
  const names = resourceNames(options.prefix);
  const maxReceiveCount = options.maxReceiveCount ?? delivery.maxReceiveCount;
  const visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? delivery.visibilityTimeoutSeconds;
  const codes = options.departments ?? departments.map((d) => d.code);

  // One queue at a time: moto's server (the CI's AWS-shaped endpoint) is not thread-safe in CreateQueue and once
  // answered a parallel burst with a 500 of its own (RuntimeError: dictionary changed size during iteration).
  // Sequential costs milliseconds on the emulators; the deployed stack's queues come from CloudFormation.
  const departmentQueues = sequentially(codes, async (code) => {
    const dlqName = names.deadLetterQueueName(code);
    const dlq = await ensureQueue(clients.sqs, dlqName, { MessageRetentionPeriod: DLQ_RETENTION_SECONDS });
    const name = names.queueName(code);
    const queue = await ensureQueue(clients.sqs, name, {
      VisibilityTimeout: String(visibilityTimeoutSeconds),
      // Key order and string values fixed: emulators compare attributes as strings to decide idempotency.
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: String(maxReceiveCount) }),
    });
    return [code, { name, url: queue.url, arn: queue.arn, dlqName, dlqUrl: dlq.url, dlqArn: dlq.arn }] as const;
  });
  const [tableName, queues, reads] = await Promise.all([
    ensureTable(clients.dynamodb, names.tableName),
    departmentQueues,
    (async (): Promise<ProvisionedQueue> => {
      await departmentQueues;
      const dlqName = names.readAuditDeadLetterQueueName;
      const dlq = await ensureQueue(clients.sqs, dlqName, { MessageRetentionPeriod: DLQ_RETENTION_SECONDS });
      const name = names.readAuditQueueName;
      const queue = await ensureQueue(clients.sqs, name, {
        VisibilityTimeout: String(Math.min(visibilityTimeoutSeconds, readAudit.visibilityTimeoutSeconds)),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: String(maxReceiveCount) }),
      });
      return { name, url: queue.url, arn: queue.arn, dlqName, dlqUrl: dlq.url, dlqArn: dlq.arn };
    })(),
  ]);
  return { tableName, queues: Object.fromEntries(queues) as Record<DepartmentCode, ProvisionedQueue>, readAudit: reads };
}

async function sequentially<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

async function ensureTable(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  const { partitionKey, sortKey, indexes } = table;
  try {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...new Set([partitionKey, sortKey, ...Object.values(indexes).flatMap((i) => [i.partitionKey, i.sortKey])])].map(
          (name) => ({ AttributeName: name, AttributeType: 'S' as const }),
        ),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: indexes.inbox.name,
            KeySchema: [
              { AttributeName: indexes.inbox.partitionKey, KeyType: 'HASH' },
              { AttributeName: indexes.inbox.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...inboxProjection] },
          },
          {
            IndexName: indexes.bureau.name,
            KeySchema: [
              { AttributeName: indexes.bureau.partitionKey, KeyType: 'HASH' },
              { AttributeName: indexes.bureau.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...inboxProjection] },
          },
          {
            IndexName: indexes.institution.name,
            KeySchema: [
              { AttributeName: indexes.institution.partitionKey, KeyType: 'HASH' },
              { AttributeName: indexes.institution.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      }),
    );
  } catch (err) {
    if ((err as Error).name !== 'ResourceInUseException') throw err;
  }
  const description = await waitUntilActive(dynamodb, tableName);
  assertShape(description);
  return tableName;
}

async function waitUntilActive(dynamodb: DynamoDBClient, tableName: string): Promise<TableDescription> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    const active =
      Table?.TableStatus === 'ACTIVE' && (Table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (active) return Table!;
    if (Date.now() > deadline) throw new Error(`Table ${tableName} did not become ACTIVE within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A table left by an older layout would fail later in obscure ways; say so now. */
function assertShape(description: TableDescription): void {
  const present = new Map((description.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
  for (const index of Object.values(table.indexes)) {
    const found = present.get(index.name);
    const keys = found?.KeySchema?.map((k) => k.AttributeName).join(',');
    if (keys !== `${index.partitionKey},${index.sortKey}`) {
      throw new Error(
        `Table ${description.TableName} exists without index ${index.name} (${index.partitionKey}, ${index.sortKey}). ` +
          'It predates the current layout: delete it (locally: the data directory) and start again.',
      );
    }
  }
}

async function ensureQueue(
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> {
  let url: string;
  try {
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  } catch (err) {
    // Same name, other attributes (QueueNameExists on AWS and fauxqs, QueueAlreadyExists in older protocols).
    if (!/Queue(Name|Already)Exists/.test((err as Error).name)) throw err;
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: Attributes!.QueueArn! };
}
