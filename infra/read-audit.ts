// The read audit on AWS (docs/decisions/0016-read-audit.md): a queue the APIs send read records to, its consumer that
// writes them into the state table (put only: it reads nothing), a dead-letter queue for what could not be written
// and an alarm on it. The TTL that ends a record after `readAudit.retentionDays` is the state table's (state-table.ts).
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functions, readAudit } from '../services/topology.ts';
import type { AlarmTopic } from './alarms.ts';
import type { Config } from './config.ts';
import { DEAD_LETTER_RETENTION } from './department-pipeline.ts';
import { grantKeyVia, grantSend } from './grants.ts';
import { HubFunction } from './hub-function.ts';

/** What the consumer may do to the table: put the records, nothing else. */
export const READ_AUDIT_TABLE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'];
const CONSUMER_TIMEOUT_SECONDS = Math.floor((readAudit.visibilityTimeoutSeconds - 5) / 6);

export class ReadAudit extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly consumer: HubFunction;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: { config: Config; key: kms.IKey; table: dynamodb.ITable; alarms: AlarmTopic }) {
    super(scope, id);
    const { config, key, table } = props;
    const named = (name: string) => `${config.namePrefix}${name}`;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      queueName: named(readAudit.deadLetterQueueName),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: named(readAudit.queueName),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(readAudit.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: readAudit.maxReceiveCount },
    });
    this.consumer = new HubFunction(scope, 'ReadAuditConsumer', {
      name: 'read-audit',
      entry: functions.readAudit.entry,
      description: functions.readAudit.description,
      config,
      timeout: Duration.seconds(CONSUMER_TIMEOUT_SECONDS),
      memorySize: 256,
    }).consume(this.queue, { batchSize: readAudit.batchSize, maxBatchingWindow: Duration.seconds(readAudit.batchingWindowSeconds), reportBatchItemFailures: true });
    this.consumer.addEnvironment('TABLE_NAME', table.tableName);
    this.consumer.addToRolePolicy(new iam.PolicyStatement({ actions: READ_AUDIT_TABLE_ACTIONS, resources: [table.tableArn] }));
    if (table.encryptionKey) grantKeyVia(this.consumer, table.encryptionKey, 'dynamodb', ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey']);

    this.deadLetterAlarm = props.alarms.atLeastOne(this, 'DeadLetterAlarm', {
      alarmName: named('hub-reads-dead-letters'),
      alarmDescription: `Read records that could not be written ${readAudit.maxReceiveCount} times wait in ${readAudit.deadLetterQueueName}: redrive them once the table takes writes.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: cloudwatch.Stats.MAXIMUM }),
    });
  }

  /** READ_AUDIT_QUEUE_URL plus sending to the queue only. */
  bindProducer(fn: HubFunction): void {
    fn.addEnvironment('READ_AUDIT_QUEUE_URL', this.queue.queueUrl);
    grantSend(fn, [this.queue]);
  }
}
