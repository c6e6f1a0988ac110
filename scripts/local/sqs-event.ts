// The SQSEvent Lambda's event source mapping builds from received messages: record attributes, message attributes
// (binary ones as base64), source ARN and region. Pure.
import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/** The SQSEvent Lambda would build from these messages. Pure; tests can use it as an event factory. */
export function toSqsEvent(messages: readonly Message[], queueArn: string, region = queueArn.split(':')[3] ?? 'us-east-1'): SQSEvent {
  return {
    Records: messages.map((m): SQSRecord => {
      const a = m.Attributes ?? {};
      const record: SQSRecord = {
        messageId: m.MessageId!,
        receiptHandle: m.ReceiptHandle!,
        body: m.Body ?? '',
        attributes: {
          ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
          SentTimestamp: a.SentTimestamp ?? '',
          SenderId: a.SenderId ?? '',
          ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? '',
          ...(a.AWSTraceHeader && { AWSTraceHeader: a.AWSTraceHeader }),
          ...(a.SequenceNumber && { SequenceNumber: a.SequenceNumber }),
          ...(a.MessageGroupId && { MessageGroupId: a.MessageGroupId }),
          ...(a.MessageDeduplicationId && { MessageDeduplicationId: a.MessageDeduplicationId }),
          ...(a.DeadLetterQueueSourceArn && { DeadLetterQueueSourceArn: a.DeadLetterQueueSourceArn }),
        },
        messageAttributes: toLambdaAttributes(m.MessageAttributes),
        md5OfBody: m.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: region,
      };
      if (m.MD5OfMessageAttributes) record.md5OfMessageAttributes = m.MD5OfMessageAttributes;
      return record;
    }),
  };
}

function toLambdaAttributes(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  for (const [name, v] of Object.entries(attributes ?? {})) {
    out[name] = {
      ...(v.StringValue !== undefined && { stringValue: v.StringValue }),
      ...(v.BinaryValue !== undefined && { binaryValue: base64(v.BinaryValue) }),
      stringListValues: [],
      binaryListValues: [],
      dataType: v.DataType ?? 'String',
    };
  }
  return out;
}

/** Lambda carries binary attributes as base64 strings; the SDK hands them over as bytes. */
function base64(value: Uint8Array | string): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('base64');
}

