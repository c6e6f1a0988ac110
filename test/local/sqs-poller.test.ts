import { createHash } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ProvisionedQueue } from '../../scripts/local/provision.ts';
import { toSqsEvent } from '../../scripts/local/sqs-event.ts';
import { createSqsPoller, type SqsBatchHandler } from '../../scripts/local/sqs-poller.ts';
import { hasEmulators, provisionIsolated, sdkClients } from '../helpers/emulators.ts';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One department's queue with 1 s visibility and 2 receives before the DLQ. */
async function queue(maxReceiveCount = 2): Promise<ProvisionedQueue> {
  const { queues } = await provisionIsolated('poll', { departments: ['education'], visibilityTimeoutSeconds: 1, maxReceiveCount });
  return queues.education!;
}

async function send(q: ProvisionedQueue, ...bodies: string[]) {
  await sdkClients().sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: q.url,
      Entries: bodies.map((body, i) => ({
        Id: String(i),
        MessageBody: body,
        MessageAttributes: {
          taskId: { DataType: 'String', StringValue: `T${i}` },
          sig: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
        },
      })),
    }),
  );
}

async function counts(url: string) {
  const { Attributes } = await sdkClients().sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return { visible: Number(Attributes?.ApproximateNumberOfMessages), inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible) };
}

/** Records every event; fails the messages whose body starts with "fail". */
function recordingHandler() {
  const events: SQSEvent[] = [];
  const handler: SqsBatchHandler = async (event) => {
    events.push(event);
    return {
      batchItemFailures: event.Records.filter((r) => r.body.startsWith('fail')).map((r) => ({ itemIdentifier: r.messageId })),
    } satisfies SQSBatchResponse;
  };
  return { events, handler };
}

describe.runIf(hasEmulators())('sqs poller', () => {
  it('delivers a batch as a Lambda SQSEvent, deletes the successes and keeps the failures', async () => {
    const q = await queue();
    await send(q, 'ok-1', 'fail-1', 'ok-2');
    const { events, handler } = recordingHandler();
    const poller = createSqsPoller({ sqs: sdkClients().sqs, queueUrl: q.url, queueArn: q.arn, handler, waitTimeSeconds: 1, functionName: 'adapter-education' });

    const result = await poller.pollOnce();
    expect(result).toEqual({ received: 3, deleted: 2, kept: 1 });
    expect(events).toHaveLength(1);
    const records = events[0]!.Records;
    expect(records.map((r) => r.body).sort()).toEqual(['fail-1', 'ok-1', 'ok-2']);
    for (const r of records) {
      expect(r).toMatchObject({
        eventSource: 'aws:sqs',
        eventSourceARN: q.arn,
        awsRegion: 'us-east-1',
        md5OfBody: md5(r.body),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: expect.stringMatching(/^\d{13}$/),
          ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d{13}$/),
          SenderId: expect.any(String),
        },
        messageAttributes: {
          taskId: { stringValue: expect.stringMatching(/^T\d$/), stringListValues: [], binaryListValues: [], dataType: 'String' },
          sig: { binaryValue: 'AQID', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
        },
      });
      expect(r.messageId).toMatch(/\S/);
      expect(r.receiptHandle).toMatch(/\S/);
    }
    expect(poller.stats).toMatchObject({ receiveRequests: 1, deleteRequests: 1, messagesReceived: 3, messagesDeleted: 2, messagesKept: 1, batches: 1 });
    expect(await counts(q.url)).toEqual({ visible: 0, inFlight: 1 });
  });

  it('lets a failed message reappear after the visibility timeout and end in the DLQ after maxReceiveCount', async () => {
    const q = await queue(2);
    await send(q, 'fail-forever');
    const { events, handler } = recordingHandler();
    const poller = createSqsPoller({ sqs: sdkClients().sqs, queueUrl: q.url, queueArn: q.arn, handler, waitTimeSeconds: 2 });

    expect(await poller.pollOnce()).toEqual({ received: 1, deleted: 0, kept: 1 });
    // Invisible for 1 s, then delivered again with the receive count up.
    expect(await poller.pollOnce()).toEqual({ received: 1, deleted: 0, kept: 1 });
    expect(events.map((e) => e.Records[0]!.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(events[1]!.Records[0]!.messageId).toBe(events[0]!.Records[0]!.messageId);

    // The third receive finds it past maxReceiveCount: the queue moves it to the DLQ instead of delivering it.
    expect(await poller.pollOnce()).toEqual({ received: 0, deleted: 0, kept: 0 });
    expect(events).toHaveLength(2);
    const { Messages } = await sdkClients().sqs.send(new ReceiveMessageCommand({ QueueUrl: q.dlqUrl, WaitTimeSeconds: 1 }));
    expect(Messages?.map((m) => m.Body)).toEqual(['fail-forever']);
    expect(await counts(q.url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('deletes nothing when the handler throws, so the whole batch comes back', async () => {
    const q = await queue(5);
    await send(q, 'a', 'b');
    let calls = 0;
    const errors: string[] = [];
    const poller = createSqsPoller({
      sqs: sdkClients().sqs,
      queueUrl: q.url,
      queueArn: q.arn,
      waitTimeSeconds: 2,
      handler: async () => {
        calls++;
        if (calls === 1) throw new Error('adapter crashed');
      },
      onError: (e, phase) => errors.push(`${phase}: ${(e as Error).message}`),
    });

    expect(await poller.pollOnce()).toEqual({ received: 2, deleted: 0, kept: 2 });
    expect(errors).toEqual(['handler: adapter crashed']);
    expect(poller.stats).toMatchObject({ deleteRequests: 0, handlerErrors: 1 });
    expect(await counts(q.url)).toEqual({ visible: 0, inFlight: 2 });

    // A handler returning nothing means the batch succeeded.
    await sleep(1100);
    expect(await poller.pollOnce()).toEqual({ received: 2, deleted: 2, kept: 0 });
    expect(await counts(q.url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('treats a failure naming no message of the batch as a failure of the whole batch, as Lambda does', async () => {
    const q = await queue(5);
    await send(q, 'x', 'y');
    const poller = createSqsPoller({
      sqs: sdkClients().sqs,
      queueUrl: q.url,
      queueArn: q.arn,
      waitTimeSeconds: 1,
      handler: async () => ({ batchItemFailures: [{ itemIdentifier: 'not-a-message-id' }] }),
    });
    expect(await poller.pollOnce()).toEqual({ received: 2, deleted: 0, kept: 2 });
    expect(poller.stats.deleteRequests).toBe(0);
  });

  it('runs in the background until stopped, and stop() aborts a waiting long poll at once', async () => {
    const q = await queue(5);
    const { events, handler } = recordingHandler();
    const poller = createSqsPoller({ sqs: sdkClients().sqs, queueUrl: q.url, queueArn: q.arn, handler, waitTimeSeconds: 20 });
    poller.start();
    expect(poller.running).toBe(true);
    await sdkClients().sqs.send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'ok-bg' }));
    const deadline = Date.now() + 5000;
    while (poller.stats.messagesDeleted < 1 && Date.now() < deadline) await sleep(20);
    expect(events.flatMap((e) => e.Records.map((r) => r.body))).toEqual(['ok-bg']);

    // The loop is now parked in a 20 s receive.
    await sleep(100);
    const started = Date.now();
    await poller.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(poller.running).toBe(false);
    const receives = poller.stats.receiveRequests;
    await sleep(200);
    expect(poller.stats.receiveRequests).toBe(receives);
  });
});

describe('toSqsEvent', () => {
  it('maps SDK messages, binary attributes as base64, optional fields only when present', () => {
    const event = toSqsEvent(
      [
        {
          MessageId: 'm1',
          ReceiptHandle: 'rh',
          Body: 'b',
          MD5OfBody: 'md5',
          MD5OfMessageAttributes: 'md5a',
          Attributes: { ApproximateReceiveCount: '3', SentTimestamp: '1', SenderId: 's', ApproximateFirstReceiveTimestamp: '2', MessageGroupId: 'g' },
          MessageAttributes: { bin: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) } },
        },
      ],
      'arn:aws:sqs:cn-north-1:123456789012:hub-education',
    );
    expect(event).toEqual({
      Records: [
        {
          messageId: 'm1',
          receiptHandle: 'rh',
          body: 'b',
          attributes: { ApproximateReceiveCount: '3', SentTimestamp: '1', SenderId: 's', ApproximateFirstReceiveTimestamp: '2', MessageGroupId: 'g' },
          messageAttributes: { bin: { binaryValue: 'AQID', stringListValues: [], binaryListValues: [], dataType: 'Binary' } },
          md5OfBody: 'md5',
          md5OfMessageAttributes: 'md5a',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:cn-north-1:123456789012:hub-education',
          awsRegion: 'cn-north-1',
        },
      ],
    });
  });
});

describe.skipIf(!hasEmulators())('the batching window', () => {
  it('tops a small batch up with what arrives within the window: one handler call, one delete', async () => {
    const q = await queue();
    const { events, handler } = recordingHandler();
    const poller = createSqsPoller({ sqs: sdkClients().sqs, queueUrl: q.url, queueArn: q.arn, handler, waitTimeSeconds: 1, batchingWindowMs: 600 });
    await send(q, 'one');
    const polling = poller.pollOnce();
    await sleep(200);
    await send(q, 'two', 'three');
    const result = await polling;
    expect(result).toEqual({ received: 3, deleted: 3, kept: 0 });
    expect(events).toHaveLength(1);
    expect(events[0]!.Records.map((r) => r.body).sort()).toEqual(['one', 'three', 'two']);
    expect(poller.stats).toMatchObject({ receiveRequests: 2, deleteRequests: 1 });
  });

  it('without a window, handles what the first receive brought', async () => {
    const q = await queue();
    const { events, handler } = recordingHandler();
    const poller = createSqsPoller({ sqs: sdkClients().sqs, queueUrl: q.url, queueArn: q.arn, handler, waitTimeSeconds: 1 });
    await send(q, 'one');
    const polling = poller.pollOnce();
    await sleep(200);
    await send(q, 'two');
    expect((await polling).received).toBe(1);
    expect(events).toHaveLength(1);
    await poller.pollOnce();
  });
});
