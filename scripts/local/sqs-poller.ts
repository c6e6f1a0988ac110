// Plays Lambda's SQS event source mapping for one queue in the local runtime: receive a batch, hand it to the
// adapter handler as a real SQSEvent, delete what succeeded. It follows Lambda's partial batch response
// (ReportBatchItemFailures) rules, so a handler that works here behaves the same on AWS:
//   - a returned `batchItemFailures` keeps those messages; every other message is deleted;
//   - a thrown error, or a failure entry that names no message of the batch, keeps the whole batch;
//   - kept messages reappear after the visibility timeout, and the queue's RedrivePolicy moves them to the
//     dead-letter queue after maxReceiveCount receives (the poller itself never sends to the DLQ).
// Up to `concurrency` batches at a time per queue, as the stack's event source caps the adapter's concurrent
// invocations (maxConcurrency): a burst reaches a department with at most concurrency x batch size pushes at once.
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { invokeHandler, lambdaContext, type LocalHandler } from './lambda-context.ts';
import { toSqsEvent } from './sqs-event.ts';

/** An adapter handler: `async (event: SQSEvent, context) => SQSBatchResponse | void`; aws-lambda's SQSHandler fits. */
export type SqsBatchHandler = LocalHandler<SQSEvent, SQSBatchResponse | void>;

export interface SqsPollerOptions {
  /** Built with an explicit `endpoint` and `useQueueUrlAsEndpoint: false` for fauxqs. */
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  handler: SqsBatchHandler;
  /** Name in the handler's Context, e.g. `adapter-medical-insurance`. Default: the queue name. */
  functionName?: string;
  /** Long poll, 0-20 s. Default 20 (what Lambda uses). stop() aborts it, so a long wait never delays shutdown. */
  waitTimeSeconds?: number;
  /** 1-10. Default 10. */
  maxNumberOfMessages?: number;
  /** Batches handled at the same time (each its own receive loop), as the event source's maxConcurrency. Default 1. */
  concurrency?: number;
  /**
   * Lambda's MaximumBatchingWindowInSeconds: when a receive brings fewer than a full batch, wait this long
   * and top the batch up with one more receive before calling the handler. Fewer, fuller batches: fewer SQS
   * requests per message. Keep it below the queue's visibility timeout. Default 0 (off).
   */
  batchingWindowMs?: number;
  /** Pause after a failed receive or delete before trying again. Default 1000 ms. */
  errorBackoffMs?: number;
  /** Default: console.error with the queue and phase (never the message bodies). */
  onError?: (error: unknown, phase: 'receive' | 'handler' | 'delete') => void;
}

/** Request counts, for benchmarks and tests. The object is live: read it whenever. */
export interface SqsPollerStats {
  receiveRequests: number;
  deleteRequests: number;
  messagesReceived: number;
  messagesDeleted: number;
  /** Batches handed to the handler. */
  batches: number;
  handlerErrors: number;
  /** Messages kept because the handler listed them in batchItemFailures (or the whole batch failed). */
  messagesKept: number;
}

export interface PollResult {
  received: number;
  deleted: number;
  kept: number;
}

export interface SqsPoller {
  readonly stats: SqsPollerStats;
  readonly running: boolean;
  /** Starts polling in the background. */
  start(): void;
  /** Aborts the waiting receive, lets a batch in progress finish (handler and deletes), then resolves. */
  stop(): Promise<void>;
  /** One receive-handle-delete cycle; for tests that want to step instead of run. Resolves with zeros if aborted. */
  pollOnce(signal?: AbortSignal): Promise<PollResult>;
}

export function createSqsPoller(options: SqsPollerOptions): SqsPoller {
  const { sqs, queueUrl, queueArn, handler } = options;
  const region = queueArn.split(':')[3] || 'us-east-1';
  const functionName = options.functionName ?? queueArn.split(':')[5] ?? 'sqs-consumer';
  const onError =
    options.onError ??
    ((error: unknown, phase: string) =>
      console.error(`[sqs-poller ${functionName}] ${phase} failed:`, error instanceof Error ? error.message : error));
  const stats: SqsPollerStats = {
    receiveRequests: 0,
    deleteRequests: 0,
    messagesReceived: 0,
    messagesDeleted: 0,
    batches: 0,
    handlerErrors: 0,
    messagesKept: 0,
  };

  async function pollOnce(signal?: AbortSignal): Promise<PollResult> {
    const none = { received: 0, deleted: 0, kept: 0 };
    let messages: Message[];
    try {
      stats.receiveRequests++;
      const response = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: options.maxNumberOfMessages ?? 10,
          WaitTimeSeconds: options.waitTimeSeconds ?? 20,
          // Both: the SDK deprecates AttributeNames for MessageSystemAttributeNames, and emulators read one or the other.
          AttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: signal },
      );
      messages = response.Messages ?? [];
    } catch (err) {
      if (signal?.aborted) return none;
      throw err;
    }
    if (messages.length === 0) return none;
    const max = options.maxNumberOfMessages ?? 10;
    if (options.batchingWindowMs && messages.length < max && !signal?.aborted) {
      await abortableSleep(options.batchingWindowMs, signal ?? new AbortController().signal);
      try {
        stats.receiveRequests++;
        const more = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: max - messages.length,
            WaitTimeSeconds: 0,
            AttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        messages = [...messages, ...(more.Messages ?? [])];
      } catch (err) {
        // The batch in hand is still handled; the top-up is only an optimisation.
        onError(err, 'receive');
      }
    }
    stats.messagesReceived += messages.length;

    const event = toSqsEvent(messages, queueArn, region);
    const keep = new Set<string>();
    stats.batches++;
    try {
      const response = await invokeHandler(handler, event, lambdaContext({ functionName, region }));
      for (const id of failedIds(response, event)) keep.add(id);
    } catch (err) {
      stats.handlerErrors++;
      onError(err, 'handler');
      for (const r of event.Records) keep.add(r.messageId);
    }
    stats.messagesKept += keep.size;

    const done = messages.filter((m) => !keep.has(m.MessageId!));
    let deleted = 0;
    // Not aborted by stop(): a handled message that is not deleted would be delivered again.
    for (let i = 0; i < done.length; i += 10) {
      const chunk = done.slice(i, i + 10);
      stats.deleteRequests++;
      try {
        const result = await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map((m, n) => ({ Id: String(n), ReceiptHandle: m.ReceiptHandle! })),
          }),
        );
        deleted += result.Successful?.length ?? 0;
        if (result.Failed?.length) {
          const codes = result.Failed.map((f) => f.Code).join(', ');
          onError(new Error(`DeleteMessageBatch failed for ${result.Failed.length} message(s): ${codes}`), 'delete');
        }
      } catch (err) {
        // The messages come back after the visibility timeout; idempotent consumers make that harmless.
        onError(err, 'delete');
      }
    }
    stats.messagesDeleted += deleted;
    return { received: messages.length, deleted, kept: keep.size };
  }

  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await pollOnce(signal);
      } catch (err) {
        if (signal.aborted) break;
        onError(err, 'receive');
        await abortableSleep(options.errorBackoffMs ?? 1000, signal);
      }
    }
  }

  return {
    stats,
    get running() {
      return loop !== undefined;
    },
    start() {
      if (loop) return;
      controller = new AbortController();
      const signal = controller.signal;
      loop = Promise.all(Array.from({ length: options.concurrency ?? 1 }, () => run(signal))).then(() => {});
    },
    async stop() {
      controller?.abort();
      await loop;
      loop = undefined;
      controller = undefined;
    },
    pollOnce,
  };
}

/**
 * Lambda's rules for a partial batch response: nothing returned or an empty list means all succeeded; an entry
 * that is not the id of a message in this batch makes the whole batch a failure.
 */
function failedIds(response: SQSBatchResponse | void | undefined, event: SQSEvent): string[] {
  const failures = response?.batchItemFailures;
  if (!failures || failures.length === 0) return [];
  const ids = new Set(event.Records.map((r) => r.messageId));
  if (failures.some((f) => typeof f?.itemIdentifier !== 'string' || !ids.has(f.itemIdentifier))) return [...ids];
  return failures.map((f) => f.itemIdentifier);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
