// The state table and each department's pipeline (queue, dead-letter queue, HMAC key, adapter, alarm).
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { ADAPTER_BATCHING_WINDOW_SECONDS, ADAPTER_BATCH_SIZE } from '../../../infra/department-pipeline.ts';
import { departmentRate } from '../../../infra/config-schema.ts';
import { localBatchingWindowMs } from '../../../scripts/local/departments.ts';
import { OVERDUE_METRIC } from '../../../infra/schedules.ts';
import { MIN_PUSHES_PER_INSTANCE } from '../../../services/delivery/pace.ts';
import { deadLetterQueueName, delivery, departments, inboxProjection, queueName, readAudit, serviceName, table as tableTopology } from '../../../services/topology.ts';
import { logicalIdOf, onlyResource, resourcesOf, statementsOfRole, SYNTH_TIMEOUT, type Synthesised, type Templates } from '../synth.ts';

export function dataSuite(all: Templates): void {
  let test: Synthesised;
  let aws: Synthesised;
  let local: Synthesised;

  beforeAll(() => {
    test = all.test;
    aws = all.aws;
    local = all.local;
  }, SYNTH_TIMEOUT);

  describe('state table', () => {
    it('is on-demand, KMS-encrypted with the rotating customer key, with point-in-time recovery', () => {
      const keyId = logicalIdOf(test, test.stack.key);
      test.template.resourceCountIs('AWS::DynamoDB::Table', 1);
      test.template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: `test-${tableTopology.name}`,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: tableTopology.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableTopology.sortKey, KeyType: 'RANGE' },
        ],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
      test.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('has the inbox and city-bureau indexes (INCLUDE of the inbox projection) and the institution index (KEYS_ONLY)', () => {
      const [, table] = onlyResource(test, 'AWS::DynamoDB::Table');
      const indexes = table.Properties.GlobalSecondaryIndexes as any[];
      expect(indexes.map((i) => i.IndexName).sort()).toEqual(['bureau', 'inbox', 'institution']);
      const bureau = indexes.find((i) => i.IndexName === tableTopology.indexes.bureau.name);
      expect(bureau.KeySchema).toEqual([
        { AttributeName: 'gsi3pk', KeyType: 'HASH' },
        { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
      ]);
      expect([...bureau.Projection.NonKeyAttributes].sort()).toEqual([...inboxProjection].sort());
      const inbox = indexes.find((i) => i.IndexName === tableTopology.indexes.inbox.name);
      expect(inbox.KeySchema).toEqual([
        { AttributeName: 'gsi1pk', KeyType: 'HASH' },
        { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
      ]);
      expect(inbox.Projection.ProjectionType).toBe('INCLUDE');
      expect([...inbox.Projection.NonKeyAttributes].sort()).toEqual([...inboxProjection].sort());
      const institution = indexes.find((i) => i.IndexName === tableTopology.indexes.institution.name);
      expect(institution.KeySchema).toEqual([
        { AttributeName: 'gsi2pk', KeyType: 'HASH' },
        { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
      ]);
      expect(institution.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
      for (const attr of ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk']) {
        expect(table.Properties.AttributeDefinitions).toContainEqual({ AttributeName: attr, AttributeType: 'S' });
      }
    });

    it('is retained and deletion-protected on aws, destroyable in local and test', () => {
      aws.template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      });
      aws.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
      for (const s of [test, local]) {
        const [, table] = onlyResource(s, 'AWS::DynamoDB::Table');
        expect(table.DeletionPolicy).toBe('Delete');
        expect(table.Properties.DeletionProtectionEnabled ?? false).toBe(false);
        s.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
      }
    });
  });

  describe('department pipelines', () => {
    it('has exactly one queue and one dead-letter queue per department, KMS-encrypted', () => {
      const queues = resourcesOf(test, 'AWS::SQS::Queue');
      // Beside them, the read audit's pair (suites/read-audit.ts).
      expect(queues).toHaveLength(2 * departments.length + 2);
      const names = queues.map(([, q]) => q.Properties.QueueName).sort();
      expect(names).toEqual(
        [
          ...departments.flatMap((d) => [`test-${queueName(d.code)}`, `test-${deadLetterQueueName(d.code)}`]),
          `test-${readAudit.queueName}`,
          `test-${readAudit.deadLetterQueueName}`,
        ].sort(),
      );
      const keyId = logicalIdOf(test, test.stack.key);
      for (const [, q] of queues) expect(q.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      // local keeps the bare topology names, as the embedded runtime does
      const localNames = resourcesOf(local, 'AWS::SQS::Queue').map(([, q]) => q.Properties.QueueName);
      expect(localNames).toContain(queueName('medical-insurance'));
    });

    it('redrives each queue to its own dead-letter queue after delivery.maxReceiveCount receives', () => {
      for (const d of departments) {
        const { queue, deadLetterQueue } = test.stack.departments.get(d.code)!;
        const q = test.json.Resources[logicalIdOf(test, queue)]!;
        expect(q.Properties.RedrivePolicy).toEqual({
          deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(test, deadLetterQueue), 'Arn'] },
          maxReceiveCount: delivery.maxReceiveCount,
        });
        expect(q.Properties.VisibilityTimeout).toBe(delivery.visibilityTimeoutSeconds);
        const dlq = test.json.Resources[logicalIdOf(test, deadLetterQueue)]!;
        expect(dlq.Properties.RedrivePolicy).toBeUndefined();
        expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
      }
    });

    it('denies every request to every queue that does not use TLS', () => {
      const policies = resourcesOf(test, 'AWS::SQS::QueuePolicy');
      const covered = new Set<string>();
      for (const [, p] of policies) {
        expect(p.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Action: 'sqs:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        );
        for (const q of p.Properties.Queues) covered.add(q.Ref);
      }
      expect([...covered].sort()).toEqual(resourcesOf(test, 'AWS::SQS::Queue').map(([id]) => id).sort());
    });

    it('feeds each adapter from its department queue with partial batch responses', () => {
      const readAuditQueue = logicalIdOf(test, test.stack.readAudit.queue);
      const mappings = resourcesOf(test, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => m.Properties.EventSourceArn['Fn::GetAtt'][0] !== readAuditQueue);
      expect(mappings).toHaveLength(departments.length);
      for (const [, m] of mappings) {
        expect(m.Properties).toMatchObject({
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          BatchSize: ADAPTER_BATCH_SIZE,
          MaximumBatchingWindowInSeconds: delivery.batchingWindowSeconds,
          ScalingConfig: { MaximumConcurrency: test.config.adapterMaxConcurrency },
        });
        // The embedded runtime's pollers wait exactly as long as Lambda's event source does.
        expect(localBatchingWindowMs).toBe(m.Properties.MaximumBatchingWindowInSeconds * 1000);
      }
      for (const d of departments) {
        const { queue, adapter } = test.stack.departments.get(d.code)!;
        const mapping = mappings.find(([, m]) => m.Properties.EventSourceArn['Fn::GetAtt'][0] === logicalIdOf(test, queue));
        expect(mapping?.[1].Properties.FunctionName).toEqual({ Ref: logicalIdOf(test, adapter) });
      }
    });

    it('keeps the queue visibility timeout at least 6x the adapter timeout plus the batching window', () => {
      for (const d of departments) {
        const { adapter } = test.stack.departments.get(d.code)!;
        const fn = test.json.Resources[logicalIdOf(test, adapter)]!;
        expect(6 * fn.Properties.Timeout + ADAPTER_BATCHING_WINDOW_SECONDS).toBeLessThanOrEqual(
          delivery.visibilityTimeoutSeconds,
        );
      }
    });

    it('gives each adapter its department, queue, table, endpoint, HMAC secret and receive count', () => {
      const tableId = logicalIdOf(test, test.stack.table);
      for (const d of departments) {
        const { adapter, secret, queue } = test.stack.departments.get(d.code)!;
        const fn = test.json.Resources[logicalIdOf(test, adapter)]!;
        expect(fn.Properties.Environment.Variables).toMatchObject({
          DEPARTMENT: d.code,
          TABLE_NAME: { Ref: tableId },
          DEPARTMENT_ENDPOINT_URL: '',
          DEPARTMENT_SECRET_ARN: { Ref: logicalIdOf(test, secret) },
          MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount),
          // its own queue, for backoff through ChangeMessageVisibility
          QUEUE_URL: { Ref: logicalIdOf(test, queue) },
        });
        expect(statementsOfRole(test, logicalIdOf(test, adapter.serviceRole))).toContainEqual(
          expect.objectContaining({
            Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            Resource: { Ref: logicalIdOf(test, secret) },
          }),
        );
      }
    });

    it('gives each adapter instance its share of the department rate: together at most the rate', () => {
      const n = test.config.adapterMaxConcurrency;
      for (const d of departments) {
        const { adapter } = test.stack.departments.get(d.code)!;
        const share = Number(test.json.Resources[logicalIdOf(test, adapter)]!.Properties.Environment.Variables.PUSHES_PER_SECOND);
        const rate = departmentRate(test.config, d.code);
        expect(share).toBe(Math.floor(rate / n));
        expect(share).toBeGreaterThanOrEqual(MIN_PUSHES_PER_INSTANCE);
        expect(share * n).toBeLessThanOrEqual(rate);
      }
    });

    it('lets an adapter decrypt its secret only through Secrets Manager, named with the partition URL suffix', () => {
      const { adapter } = test.stack.departments.get('education')!;
      expect(statementsOfRole(test, logicalIdOf(test, adapter.serviceRole))).toContainEqual(
        expect.objectContaining({
          Action: 'kms:Decrypt',
          Resource: { 'Fn::GetAtt': [logicalIdOf(test, test.stack.key), 'Arn'] },
          Condition: {
            StringEquals: {
              'kms:ViaService': { 'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
            },
          },
        }),
      );
      // and the key policy names no service endpoint of its own: the account's IAM policies decide
      const [, key] = onlyResource(test, 'AWS::KMS::Key');
      expect(JSON.stringify(key.Properties.KeyPolicy)).not.toContain('kms:ViaService');
    });

    it('alarms when a dead-letter queue holds at least one message, per department, and on overdue tasks', () => {
      for (const d of departments) {
        const { deadLetterQueue } = test.stack.departments.get(d.code)!;
        test.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(test, deadLetterQueue), 'QueueName'] } }],
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [{ Ref: logicalIdOf(test, test.stack.alarmTopic) }],
          OKActions: [{ Ref: logicalIdOf(test, test.stack.alarmTopic) }],
        });
      }
      test.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: OVERDUE_METRIC.namespace,
        MetricName: OVERDUE_METRIC.metricName,
        // Powertools Metrics puts the service on every metric; an alarm without it would watch no data.
        Dimensions: [{ Name: 'service', Value: serviceName }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
      // And the read audit's dead-letter alarm (suites/read-audit.ts).
      test.template.resourceCountIs('AWS::CloudWatch::Alarm', departments.length + 2);
      test.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    });
  });
}
