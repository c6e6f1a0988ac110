// The one adapter every department's Lambda runs: validate the envelope against the contract, skip what was
// already delivered, map to the department's wire format, push (or leave for pull), record the outcome.
// Powertools batch processing reports only the failed records, so one bad message never holds the batch.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DepartmentCode } from '../../contracts/common.ts';
import { Envelope } from '../../contracts/envelope.ts';
import { pushTimeoutSeconds } from '../../contracts/push.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { hubMachine } from '../auth/who.ts';
import { deliveryOf, type OfficeDelivery } from '../delivery/offices.ts';
import { createPacer, type Pacer } from '../delivery/pace.ts';
import { push, type PushOutcome } from '../delivery/push.ts';
import { taskEnvelope } from '../dispatch/envelope.ts';
import { parkedReason } from '../dispatch/failure.ts';
import { sqsClient } from '../lib/aws.ts';
import { ConflictError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { getTask, jurisdictionCity } from '../state/tasks.ts';
import { transitionTask } from '../state/transition.ts';
import { signatureOf } from '../topology/departments.ts';

const BY = hubMachine('adapter');

export interface DepartmentAdapter {
  department: DepartmentCode;
  /** Pure: the department's own wire format for one task. */
  toWire(envelope: Envelope): unknown;
  /**
   * The department's task types, from its own contract folder (`contracts/<code>/index.ts`): what an envelope is
   * checked against. Only these, not the topology's registry, so that the adapter's bundle carries no other
   * department's contracts (test/departments/wiring.test.ts checks they are the topology's task types of the department).
   */
  taskTypes: readonly TaskTypeContract[];
}

export interface AdapterConfig {
  /** Empty: pull delivery (the department reads its inbox). */
  endpointUrl?: string;
  secret: () => Promise<string>;
  /** City → that city bureau's own endpoint and secret (services/delivery/offices.ts); other cities use the above. */
  offices?: Record<string, OfficeDelivery>;
  maxReceiveCount: number;
  /** For backoff between tries; without it the queue's visibility timeout paces the retries. */
  queueUrl?: string;
  retryBaseSeconds: number;
  pushTimeoutMs?: number;
  /** This instance's share of the department's rate (services/delivery/pace.ts); omitted or 0: unpaced. */
  pushesPerSecond?: number;
}

/** A record that cannot succeed however often it is tried: it goes to the dead-letter queue to be seen. */
class PoisonMessage extends Error {}

/** Kept back from a push's timeout for recording its outcome (one conditional write) and answering the batch. */
export const RECORD_RESERVE_MS = 1500;
/** A push cut to less than this is not started: its answer could not be waited for. */
export const MIN_PUSH_MS = 1000;

/**
 * How long a push may wait for the department's answer: the configured timeout, cut to what the invocation has left
 * (a paced batch starts its last pushes seconds in). A push that outlived the invocation would end it mid-batch, and
 * the whole batch would come back with no outcome recorded on any task. `undefined`: too little left to start.
 */
export function pushBudgetMs(configuredMs: number, remainingMs: number | undefined): number | undefined {
  const left = remainingMs === undefined ? Infinity : remainingMs - RECORD_RESERVE_MS;
  if (left >= configuredMs) return configuredMs;
  return left >= MIN_PUSH_MS ? left : undefined;
}

async function backoff(record: SQSRecord, attempt: number, config: AdapterConfig) {
  if (!config.queueUrl) return;
  const seconds = Math.min(config.retryBaseSeconds * 2 ** (attempt - 1), 900);
  await sqsClient()
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: config.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }))
    .catch((err) => logger.warn('could not set retry backoff', { error: (err as Error).name }));
}

export async function deliverRecord(
  adapter: DepartmentAdapter,
  config: AdapterConfig,
  record: SQSRecord,
  pace?: Pacer,
  remainingMs?: () => number,
): Promise<void> {
  let envelope: Envelope;
  try {
    envelope = Envelope.parse(JSON.parse(record.body));
  } catch {
    throw new PoisonMessage(`message ${record.messageId} is not a task envelope`);
  }
  const { taskid: taskId } = envelope;
  const [, type, version] = /^(.*)\.v(\d+)$/.exec(envelope.type) ?? [];
  const contract = type ? adapter.taskTypes.find((c) => c.type === type && c.version === Number(version)) : undefined;
  if (!contract || envelope.department !== adapter.department || !contract.request.safeParse(envelope.data).success) {
    throw new PoisonMessage(`message for task ${taskId} does not match the ${envelope.type} contract`);
  }
  const task = await getTask(taskId);
  if (!task) throw new PoisonMessage(`task ${taskId} does not exist`);
  if (task.status !== 'dispatched') {
    // A redelivery, or a re-dispatch of a task that was delivered after all: nothing to do.
    logger.info('duplicate delivery skipped', { taskId, status: task.status });
    return;
  }
  if (taskEnvelope(task, envelope.time).id !== envelope.id) {
    // A message from before staff corrected the request: the corrected one is on its way.
    logger.info('stale delivery skipped', { taskId });
    return;
  }
  const attempt = Number(record.attributes.ApproximateReceiveCount ?? '1');
  /** False: another attempt (a redelivery, a re-dispatch) or the department's own call recorded it first. */
  const record_ = async (action: 'deliver' | 'fail', reason?: string, acknowledged = false): Promise<boolean> => {
    try {
      await transitionTask(taskId, {
        action,
        actor: 'system',
        who: BY,
        reason,
        // The department's system acknowledged in its answer to the push: recorded as a machine of that department.
        ...(acknowledged ? { then: { action: 'acknowledge', actor: 'department', who: { by: `department:${adapter.department}` } } } : {}),
      });
      return true;
    } catch (err) {
      // The department answered through the API before we recorded the push, or a duplicate message's push did.
      if (!(err instanceof ConflictError)) throw err;
      return false;
    }
  };

  const target = deliveryOf(config, jurisdictionCity(task));
  if (!target.endpointUrl) {
    await record_('deliver', 'placed in the department inbox (pull)');
    return;
  }
  const wire = adapter.toWire(envelope);
  await pace?.();
  const timeoutMs = pushBudgetMs(config.pushTimeoutMs ?? pushTimeoutSeconds * 1000, remainingMs?.());
  const outcome: PushOutcome =
    timeoutMs === undefined
      ? { kind: 'unavailable', reason: 'the adapter invocation had too little time left to push' }
      : await push(target.endpointUrl, await target.secret(), wire, envelope.id, timeoutMs, signatureOf(adapter.department));
  if (outcome.kind === 'delivered') {
    // A department may acknowledge in its answer to the push: one write and one API call fewer per task.
    const acknowledged = (outcome.body as { acknowledged?: unknown } | undefined)?.acknowledged === true;
    const office = target.office ? { office: target.office } : {};
    if (await record_('deliver', undefined, acknowledged)) logger.info('task delivered', { taskId, department: adapter.department, attempt, ...office });
    // Recorded first by another message of the task (the sweep's re-send beside a slow first try: the department got
    // it twice under one idempotency key) or by the department's own call through the API.
    else logger.info('delivery already recorded', { taskId, department: adapter.department, attempt, ...office });
    return;
  }
  if (outcome.kind === 'refused') {
    await record_('fail', outcome.reason);
    logger.warn('department refused the task', { taskId, department: adapter.department, status: outcome.status });
    return;
  }
  if (attempt >= config.maxReceiveCount) {
    // This was the last try: the message now goes to the dead-letter queue and the task shows why.
    await record_('fail', parkedReason(attempt, outcome.reason));
    logger.error('delivery failed; parked in the dead-letter queue', { taskId, department: adapter.department, attempt });
  } else {
    await backoff(record, attempt, config);
    logger.warn('delivery failed; will retry', { taskId, department: adapter.department, attempt, reason: outcome.reason });
  }
  throw new Error(`delivery of ${taskId} failed: ${outcome.reason}`);
}

export function createAdapterHandler(adapter: DepartmentAdapter, config: () => AdapterConfig) {
  // One per instance (a Lambda execution environment, or the local runtime's department): its pushes share the pace.
  let pace: Pacer | undefined;
  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const cfg = config();
    if (cfg.pushesPerSecond) pace ??= createPacer(cfg.pushesPerSecond);
    const processor = new BatchProcessor(EventType.SQS);
    return processPartialResponse(event, (record: SQSRecord) => deliverRecord(adapter, cfg, record, pace, () => context.getRemainingTimeInMillis()), processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  };
}
