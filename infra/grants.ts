// The IAM statements behind HubFunction's bind* helpers: exact action lists (no `*`), named resources, and KMS use
// only through the service that owns the data (kms:ViaService, built from the partition's URL suffix so that the
// same statement holds in aws and aws-cn; CDK's own secret grants hard-code the global suffix).
import { Aws } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { table as tableTopology } from '../services/topology.ts';

/** Whatever takes statements into its own role (a HubFunction). */
export interface PolicyHolder {
  addToRolePolicy(statement: iam.PolicyStatement): void;
}

// Same action sets as Table.grantReadData / grantReadWriteData, but on the table and its named indexes
// (no `index/*` wildcard), and KMS actions spelled out (no `GenerateDataKey*` / `ReEncrypt*` wildcards).
export const TABLE_READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:Query',
  'dynamodb:Scan',
];
export const TABLE_WRITE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const KMS_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const KMS_READ_WRITE_ACTIONS = [...KMS_READ_ACTIONS, 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];
/** What a producer of a KMS-encrypted SQS queue needs (SQS SSE key management). */
export const QUEUE_SEND_ACTIONS = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const KMS_QUEUE_SEND_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'];
export const SECRET_READ_ACTIONS = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'];

/** `<service>.<region>.<partition URL suffix>`: the value of kms:ViaService for calls made through that service. */
export const viaService = (service: string) => `${service}.${Aws.REGION}.${Aws.URL_SUFFIX}`;

export function grantKeyVia(holder: PolicyHolder, key: kms.IKey, service: string, actions: string[]): void {
  holder.addToRolePolicy(
    new iam.PolicyStatement({
      actions,
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': viaService(service) } },
    }),
  );
}

/** The table and its indexes (from topology), and its key through DynamoDB. */
export function grantTable(holder: PolicyHolder, table: dynamodb.ITable, access: 'read' | 'readWrite'): void {
  const indexArns = Object.values(tableTopology.indexes).map((index) => `${table.tableArn}/index/${index.name}`);
  holder.addToRolePolicy(
    new iam.PolicyStatement({
      actions: access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
      resources: [table.tableArn, ...indexArns],
    }),
  );
  if (table.encryptionKey) {
    grantKeyVia(holder, table.encryptionKey, 'dynamodb', access === 'read' ? KMS_READ_ACTIONS : KMS_READ_WRITE_ACTIONS);
  }
}

/** Sending to exactly these queues, and their keys through SQS. */
export function grantSend(holder: PolicyHolder, queues: sqs.IQueue[]): void {
  holder.addToRolePolicy(new iam.PolicyStatement({ actions: QUEUE_SEND_ACTIONS, resources: queues.map((q) => q.queueArn) }));
  const keys = new Set(queues.flatMap((q) => (q.encryptionMasterKey ? [q.encryptionMasterKey] : [])));
  for (const key of keys) grantKeyVia(holder, key, 'sqs', KMS_QUEUE_SEND_ACTIONS);
}

/** Reading one secret's value, and its key through Secrets Manager. */
export function grantSecretRead(holder: PolicyHolder, secretArn: string, key: kms.IKey): void {
  holder.addToRolePolicy(new iam.PolicyStatement({ actions: SECRET_READ_ACTIONS, resources: [secretArn] }));
  grantKeyVia(holder, key, 'secretsmanager', ['kms:Decrypt']);
}
