// The API side of the read audit (docs/decisions/0016-read-audit.md). A route that answers with a child's personal
// data notes the read here; after the answer is built, `flushReads` sends what is pending to the read-audit queue,
// 25 records a message, 10 messages a SendMessageBatch, waiting at most READ_AUDIT_WAIT_MS for it. A send that
// fails or is slow never fails nor holds the answer: its records stay pending for the next flush (bounded, and every
// record dropped from a full buffer is logged as an error), and the consumer writes them to the table later.
import { randomBytes } from 'node:crypto';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { getNumberFromEnv, getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import type { ReadAuditMessage, ReadRecord } from '../../contracts/api/reads.ts';
import { formatPrincipal, type Principal } from '../auth/principal.ts';
import type { Person } from '../../contracts/api/recorded-by.ts';
import { sqsClient } from '../lib/aws.ts';
import { clock } from '../lib/clock.ts';
import { logger } from '../lib/logger.ts';

/** The records a process keeps while the queue cannot take them; beyond, the oldest are dropped (and logged). */
export const MAX_PENDING = 5000;
const PER_MESSAGE = 25;
const PER_BATCH = 10;

let pending: ReadRecord[] = [];
let sending: Promise<void> | undefined;

/** Counters for the tests and the bench: requests sent, records sent, records dropped. */
export const readAuditStats = { sendRequests: 0, recordsSent: 0, sendFailures: 0, dropped: 0 };

/** What a read notes of its caller and route; `Request` of services/api/http.ts fits. */
export interface ReadContext {
  event: { httpMethod: string; resource: string };
  principal: Principal | undefined;
  person?: Person;
}

/** One record per child the answer disclosed (a child twice in one answer is one read). */
export function noteReads(req: ReadContext, childIds: Iterable<string>): void {
  if (!req.principal) return;
  const at = clock.now().toISOString();
  const by = formatPrincipal(req.principal);
  const route = `${req.event.httpMethod} ${req.event.resource}`;
  for (const childId of new Set(childIds)) {
    pending.push({ childId, at, by, route, id: randomBytes(6).toString('base64url'), ...(req.person ? { person: req.person } : {}) });
  }
  if (pending.length > MAX_PENDING) {
    const cut = pending.length - MAX_PENDING;
    pending = pending.slice(cut);
    readAuditStats.dropped += cut;
    logger.error('read audit records dropped: the queue has not taken them', { dropped: cut });
  }
}

/** The records not yet handed to the queue (tests). */
export const pendingReads = () => pending.length;

/** Messages of at most 25 records, in SendMessageBatch calls of at most 10 messages. */
function batchesOf(records: ReadRecord[]): ReadRecord[][][] {
  const messages: ReadRecord[][] = [];
  for (let i = 0; i < records.length; i += PER_MESSAGE) messages.push(records.slice(i, i + PER_MESSAGE));
  const batches: ReadRecord[][][] = [];
  for (let i = 0; i < messages.length; i += PER_BATCH) batches.push(messages.slice(i, i + PER_BATCH));
  return batches;
}

async function sendBatch(queueUrl: string, messages: ReadRecord[][]): Promise<ReadRecord[]> {
  readAuditStats.sendRequests++;
  try {
    const out = await sqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((reads, n) => ({ Id: String(n), MessageBody: JSON.stringify({ v: 1, reads } satisfies ReadAuditMessage) })),
      }),
    );
    const failed = (out.Failed ?? []).flatMap((f) => messages[Number(f.Id)] ?? []);
    readAuditStats.recordsSent += messages.flat().length - failed.length;
    if (failed.length) readAuditStats.sendFailures++;
    return failed;
  } catch (err) {
    readAuditStats.sendFailures++;
    logger.warn('read audit send failed; kept for the next answer', { records: messages.flat().length, error: (err as Error).name });
    return messages.flat();
  }
}

async function sendPending(): Promise<void> {
  const queueUrl = getStringFromEnv({ key: 'READ_AUDIT_QUEUE_URL', defaultValue: '' });
  if (!queueUrl || !pending.length) {
    if (pending.length) logger.error('READ_AUDIT_QUEUE_URL is not set: read records are kept in memory only', { records: pending.length });
    return;
  }
  const taken = pending;
  pending = [];
  const failed = (await Promise.all(batchesOf(taken).map((b) => sendBatch(queueUrl, b)))).flat();
  // Back in front, in their order: the next flush tries them first.
  if (failed.length) pending = [...failed, ...pending];
}

/**
 * Hands what is pending to the queue, waiting for it at most `waitMs` (READ_AUDIT_WAIT_MS, default 200): on a slow
 * queue the send goes on in the background (on Lambda, when the environment next runs). Never throws.
 */
export async function flushReads(waitMs = getNumberFromEnv({ key: 'READ_AUDIT_WAIT_MS', defaultValue: 200 })): Promise<void> {
  if (!pending.length && !sending) return;
  sending ??= sendPending()
    .catch((err) => logger.error('read audit flush failed', { error: (err as Error).name }))
    .finally(() => (sending = undefined));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sending, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
  clearTimeout(timer);
}
