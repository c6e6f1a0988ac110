// One department's delivery path, from the topology entry alone: its queue and dead-letter queue, the key that
// signs its pushes, the adapter that consumes the queue, and the alarm on parked deliveries.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { signatureSchemes } from '../contracts/push.ts';
import { OFFICES_ENV, officeKey, officeSecretEnv, parseOfficeKey } from '../services/delivery/offices.ts';
import { perInstanceRate } from '../services/delivery/pace.ts';
import { adapterEntry, deadLetterQueueName, delivery, queueName, signatureOf, type DepartmentEntry } from '../services/topology.ts';
import type { AlarmTopic } from './alarms.ts';
import type { Config } from './config.ts';
import { departmentRate } from './config-schema.ts';
import { HubFunction } from './hub-function.ts';
import { HubSecret } from './hub-secret.ts';
import { pascalCase } from './outputs.ts';

/** SQS event source batching window: the topology's, the same as the local pollers'. */
export const ADAPTER_BATCHING_WINDOW_SECONDS = delivery.batchingWindowSeconds;
export const ADAPTER_BATCH_SIZE = 10;
/**
 * AWS asks for a queue visibility timeout of at least six times the function timeout (plus the batching window)
 * for Lambda event sources. The queue's timeout is the topology's (delivery.visibilityTimeoutSeconds = 60), so
 * the adapter timeout follows from it: floor((60 - 0) / 6) = 10 s for a batch of up to 10 pushes.
 */
export const ADAPTER_TIMEOUT_SECONDS = Math.floor((delivery.visibilityTimeoutSeconds - ADAPTER_BATCHING_WINDOW_SECONDS) / 6);
/** Failed deliveries wait in a dead-letter queue for the redrive tool; keep them for SQS's maximum, 14 days. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface DepartmentPipelineProps {
  department: DepartmentEntry;
  config: Config;
  key: kms.IKey;
  table: dynamodb.ITable;
  alarms: AlarmTopic;
}

export class DepartmentPipeline extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly secret: HubSecret;
  /** City → the secret of that city bureau's own endpoint (`officeEndpoints` of the config). */
  readonly officeSecrets = new Map<string, HubSecret>();
  readonly adapter: HubFunction;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, props: DepartmentPipelineProps) {
    const { department, config, key } = props;
    const { code } = department;
    // The department code names the construct, so its resources share a construct path.
    super(scope, pascalCase(code));
    if (ADAPTER_TIMEOUT_SECONDS < 3) {
      throw new Error(`delivery.visibilityTimeoutSeconds (${delivery.visibilityTimeoutSeconds}) leaves adapters under 3 s`);
    }
    const named = (name: string) => `${config.namePrefix}${name}`;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      queueName: named(deadLetterQueueName(code)),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: named(queueName(code)),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(delivery.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: delivery.maxReceiveCount },
    });

    const hmacSecret = (id: string, office: string, whose: string) =>
      new HubSecret(this, id, {
        secretName: named(`hub/departments/${office}/hmac-key`),
        description: `${signatureSchemes[signatureOf(code)].title} key signing pushes to ${whose}`,
        key,
        retain: config.retainData,
        noRotationReason:
          'The HMAC key is shared out of band with the department, which must install a new key before the hub ' +
          'signs with it; rotation is a coordinated manual procedure, not an automatic Secrets Manager rotation.',
      });
    this.secret = hmacSecret('HmacSecret', code, `${department.nameEn} (${code})`);
    const offices = Object.entries(config.officeEndpoints).flatMap(([office, url]) => {
      const parsed = parseOfficeKey(office);
      return parsed?.department === code ? [[parsed.city, url] as const] : [];
    });
    for (const [city] of offices) this.officeSecrets.set(city, hmacSecret(`Office${city}HmacSecret`, officeKey(code, city), `${department.nameEn}, city ${city}`));

    this.adapter = new HubFunction(this, 'Adapter', {
      name: `adapter-${code}`,
      entry: adapterEntry(code),
      description: `Delivers tasks to ${department.nameEn} (${code})`,
      config,
      timeout: Duration.seconds(ADAPTER_TIMEOUT_SECONDS),
      memorySize: 256,
      environment: {
        DEPARTMENT: code,
        DEPARTMENT_ENDPOINT_URL: config.departmentEndpoints[code] ?? '',
        ...(offices.length ? { [OFFICES_ENV]: JSON.stringify(Object.fromEntries(offices)) } : {}),
        MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount),
        // Each of the at most adapterMaxConcurrency instances keeps its share: together never more than the rate.
        PUSHES_PER_SECOND: String(perInstanceRate(departmentRate(config, code), config.adapterMaxConcurrency)),
      },
    })
      .bindTable(props.table, 'readWrite')
      .bindSecret('DEPARTMENT_SECRET_ARN', this.secret)
      .bindSecrets(new Map([...this.officeSecrets].map(([city, secret]) => [`${officeSecretEnv(city)}_ARN`, secret])))
      .consume(this.queue, {
        batchSize: ADAPTER_BATCH_SIZE,
        maxBatchingWindow: Duration.seconds(ADAPTER_BATCHING_WINDOW_SECONDS),
        reportBatchItemFailures: true,
        maxConcurrency: config.adapterMaxConcurrency,
      });

    this.deadLetterAlarm = props.alarms.atLeastOne(this, 'DeadLetterAlarm', {
      alarmName: named(`hub-${code}-dead-letters`),
      alarmDescription: `Tasks for ${code} failed delivery ${delivery.maxReceiveCount} times and wait in ${deadLetterQueueName(code)} for a redrive.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
    });
  }
}
