// Who looked (docs/decisions/0016-read-audit.md): the read-audit queue and its dead-letter queue, the consumer that
// may only put items into the table, the APIs that may only send to the queue, the table's TTL and the alarm.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { READ_AUDIT_TABLE_ACTIONS } from '../../../infra/read-audit.ts';
import { readAudit } from '../../../services/topology.ts';
import { logicalIdOf, statementsOfRole, SYNTH_TIMEOUT, type Synthesised, type Templates } from '../synth.ts';

export function readAuditSuite(all: Templates): void {
  let test: Synthesised;
  beforeAll(() => {
    test = all.test;
  }, SYNTH_TIMEOUT);
  const ref = (c: { node: { defaultChild?: unknown } }) => logicalIdOf(test, c);
  const statements = (role: { node: { defaultChild?: unknown } }) => statementsOfRole(test, ref(role));
  const actionsOn = (role: { node: { defaultChild?: unknown } }, prefix: string) =>
    statements(role).flatMap((s) => [s.Action].flat()).filter((a: string) => a.startsWith(prefix)).sort();

  describe('read audit', () => {
    it('is a KMS-encrypted queue that parks a record in its dead-letter queue after the retries, with an alarm on it', () => {
      const { queue, deadLetterQueue, deadLetterAlarm } = test.stack.readAudit;
      test.template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `test-${readAudit.queueName}`,
        KmsMasterKeyId: Match.anyValue(),
        VisibilityTimeout: readAudit.visibilityTimeoutSeconds,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [ref(deadLetterQueue), 'Arn'] }, maxReceiveCount: readAudit.maxReceiveCount },
      });
      test.template.hasResourceProperties('AWS::SQS::Queue', { QueueName: `test-${readAudit.deadLetterQueueName}`, MessageRetentionPeriod: 1_209_600 });
      expect(test.json.Resources[ref(queue)]).toBeDefined();
      const alarm = test.json.Resources[ref(deadLetterAlarm)]!.Properties;
      expect(alarm).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
      expect(alarm.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ref(deadLetterQueue), 'QueueName'] } }]);
    });

    it('has its consumer take batches with partial failures, and only put items into the table', () => {
      const { consumer, queue } = test.stack.readAudit;
      test.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: ref(consumer) },
        EventSourceArn: { 'Fn::GetAtt': [ref(queue), 'Arn'] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        // The topology's batch, which the local poller takes too (scripts/local/hub.ts).
        BatchSize: readAudit.batchSize,
        MaximumBatchingWindowInSeconds: readAudit.batchingWindowSeconds,
      });
      expect(actionsOn(consumer.serviceRole, 'dynamodb:')).toEqual([...READ_AUDIT_TABLE_ACTIONS].sort());
      const tableStatement = statements(consumer.serviceRole).find((s) => [s.Action].flat().includes('dynamodb:PutItem'));
      expect(tableStatement.Resource).toEqual({ 'Fn::GetAtt': [ref(test.stack.table), 'Arn'] });
      expect(actionsOn(consumer.serviceRole, 'sqs:SendMessage')).toEqual([]);
    });

    it('lets the staff and partner APIs send to it (and to nothing else of it); the supervision API does not send', () => {
      const { queue } = test.stack.readAudit;
      const sendsToReads = (fn: typeof test.stack.functions.api) =>
        statements(fn.serviceRole).some((s) => [s.Action].flat().includes('sqs:SendMessage') && [s.Resource].flat().some((r: any) => r?.['Fn::GetAtt']?.[0] === ref(queue)));
      for (const fn of [test.stack.functions.api, test.stack.functions.partnerApi]) {
        expect(sendsToReads(fn)).toBe(true);
        expect(test.json.Resources[ref(fn)]!.Properties.Environment.Variables.READ_AUDIT_QUEUE_URL).toEqual({ Ref: ref(queue) });
      }
      expect(sendsToReads(test.stack.functions.supervisionApi)).toBe(false);
    });

    it('ends each record after its retention by the state table\'s TTL attribute', () => {
      test.template.hasResourceProperties('AWS::DynamoDB::Table', {
        TimeToLiveSpecification: { AttributeName: readAudit.ttlAttribute, Enabled: true },
      });
    });
  });
}
