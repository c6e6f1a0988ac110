// Moving a task along its lifecycle. A status change and its history entry land in the same single-item write,
// conditional on the revision read, so they are atomic without a transaction (docs/decisions/0001-state-table.md
// explains the cost reasoning).
import { randomBytes } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { HistoryEntry } from '../../contracts/api/views.ts';
import { chained } from '../audit/chain.ts';
import type { Who } from '../auth/actor.ts';
import { documentClient } from '../lib/aws.ts';
import { ConflictError, NotFoundError } from '../lib/errors.ts';
import { checkTransition, type Action, type Actor, type TaskStatus } from './lifecycle.ts';
import { inboxSk } from './keys.ts';
import { tableName, type Write } from './table.ts';
import { getTask, type TaskItem } from './tasks.ts';
import { clock } from '../lib/clock.ts';

type Patch = Partial<Pick<TransitionRequest, 'result' | 'request' | 'deadline' | 'extra' | 'remove'>>;

export interface TransitionRequest {
  action: Action;
  actor: Actor;
  /** Who the history records: the principal, and the person acting for it (none for a machine). */
  who: Who;
  reason?: string;
  result?: unknown;
  /**
   * Runs on the freshly read task before anything is written; throws to refuse (e.g. 400, 403, 422).
   * May return what to write when it depends on the task (a result checked against its contract, a
   * request rebuilt from it, the time left before its deadline).
   */
  guard?: (task: TaskItem) => Patch | void;
  /** A second step recorded in the same write (delivered and acknowledged by the push response). */
  then?: { action: Action; actor: Actor; who: Who };
  /** A new request and deadline, when a waiting task is released or a correction rebuilds its request. */
  request?: unknown;
  deadline?: string;
  /** Further attributes to set, and to remove, in the same write. */
  extra?: Record<string, unknown>;
  remove?: OptionalKey<TaskItem>[];
  /**
   * Another item's write that stands or falls with this transition (supply-information's corrected child facts):
   * both go in one transaction, so a refused transition leaves that item unchanged too.
   */
  with?: Write;
}

/** The attributes an item may lack, the only ones a write may remove. */
type OptionalKey<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

const MAX_ATTEMPTS = 4;

/** The task as the refusal found it, or a fresh consistent read when the refusal carried no item. */
async function refusedItem(err: unknown, taskId: string): Promise<TaskItem | undefined> {
  // The document client does not unmarshall an error's payload: the SDK's own unmarshall does, as it would a read.
  const item = (err as { Item?: Record<string, AttributeValue> }).Item;
  return item ? (unmarshall(item) as TaskItem) : getTask(taskId);
}

/**
 * The task's update and another item's write in one transaction. The task's failed condition surfaces as the plain
 * update's would (a retry from a fresh read); the other item's, as a conflict to read again.
 */
async function transactWithTask(update: NonNullable<Write['Update']>, other: Write): Promise<void> {
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: [{ Update: update }, other] }));
  } catch (err) {
    const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((err as Error).name !== 'TransactionCanceledException' || !reasons) throw err;
    if (reasons[0]?.Code === 'ConditionalCheckFailed')
      throw Object.assign(new Error('task changed'), { name: 'ConditionalCheckFailedException', Item: (reasons[0] as { Item?: unknown }).Item });
    if (reasons[1]?.Code === 'ConditionalCheckFailed') throw new ConflictError('the child record changed meanwhile; read it and try again');
    throw err;
  }
}

/**
 * Moves a task along the lifecycle. Reads, checks the transition table, writes conditionally on the
 * revision it read; a concurrent change (another writer, the overdue sweep) is retried from a fresh read,
 * so a transition is refused only when the task's state really forbids it.
 */
export async function transitionTask(taskId: string, req: TransitionRequest, now = clock.now()): Promise<TaskItem> {
  // A refused write brings back the task as it now is: the next attempt starts from it, not from another read.
  let found: TaskItem | undefined;
  for (let attempt = 1; ; attempt++) {
    const task = found ?? (await getTask(taskId));
    found = undefined;
    if (!task) throw new NotFoundError(`task ${taskId} not found`);
    const patch = req.guard?.(task) ?? {};
    const result = patch.result ?? req.result;
    const request = patch.request ?? req.request;
    const extra = { ...req.extra, ...patch.extra };
    const remove = [...(req.remove ?? []), ...(patch.remove ?? [])];
    const steps = [{ action: req.action, actor: req.actor, who: req.who }, ...(req.then ? [req.then] : [])];
    const at = now.toISOString();
    let status: TaskStatus = task.status;
    const entries: HistoryEntry[] = [];
    for (const step of steps) {
      const check = checkTransition(status, step.action, step.actor);
      if (!check.ok) throw new ConflictError(`task ${taskId}: ${check.message}`);
      entries.push({ at, from: status, to: check.to, ...step.who, ...(req.reason ? { reason: req.reason } : {}) });
      status = check.to;
    }
    // Linked to the last entry read: the write is conditional on that revision, so the chain cannot fork.
    const linked = chained(task.history.at(-1)?.h, entries);
    const names: Record<string, string> = { '#status': 'status' };
    const newDeadline = patch.deadline ?? req.deadline;
    const deadline = newDeadline ?? task.deadline;
    const writeId = randomBytes(9).toString('base64url');
    const values: Record<string, unknown> = {
      ':w': writeId,
      ':status': status,
      ':rev': task.rev,
      ':next': task.rev + 1,
      ':at': at,
      ':h': linked,
    };
    const sets = ['#status = :status', 'rev = :next', 'updatedAt = :at', 'history = list_append(history, :h)', 'lastWrite = :w'];
    // The index key moves only when the task closes or its deadline changes (keys.ts): setting it unchanged is no
    // cost, but leaving it out keeps the update from naming a key it does not move.
    const sk = inboxSk(status, deadline, task.taskId);
    if (sk !== task.gsi1sk) {
      sets.push('gsi1sk = :sk');
      values[':sk'] = sk;
    }
    if (newDeadline !== undefined) {
      sets.push('deadline = :deadline', 'overdue = :false');
      values[':deadline'] = newDeadline;
      values[':false'] = false;
    }
    remove.forEach((k, i) => (names[`#rm${i}`] = k));
    for (const [k, v] of Object.entries(extra)) {
      sets.push(`#x_${k} = :x_${k}`);
      names[`#x_${k}`] = k;
      values[`:x_${k}`] = v;
    }
    if (request !== undefined) {
      sets.push('#request = :request');
      names['#request'] = 'request';
      values[':request'] = request;
    }
    if (result !== undefined) {
      sets.push('#result = :result');
      names['#result'] = 'result';
      values[':result'] = result;
    }
    if (req.reason !== undefined) {
      sets.push('statusReason = :reason');
      values[':reason'] = req.reason;
    }
    if (status === 'dispatched') {
      sets.push('dispatchedAt = :at');
    }
    try {
      const update = {
        TableName: tableName(),
        Key: { pk: task.pk, sk: task.sk },
        UpdateExpression: `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.map((_, i) => `#rm${i}`).join(', ')}` : ''}`,
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        // Refused, the write answers with the item it found: the retry (or the check below) needs no read of its own.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      };
      if (req.with) await transactWithTask(update, req.with);
      else await documentClient().send(new UpdateCommand(update));
      const updated = {
        ...task,
        status,
        rev: task.rev + 1,
        updatedAt: at,
        lastWrite: writeId,
        history: [...task.history, ...linked],
        ...(result !== undefined ? { result } : {}),
        ...(request !== undefined ? { request } : {}),
        gsi1sk: sk,
        ...(newDeadline !== undefined ? { deadline: newDeadline, overdue: false } : {}),
        ...extra,
        ...(req.reason !== undefined ? { statusReason: req.reason } : {}),
      } as TaskItem;
      for (const k of remove) delete updated[k];
      return updated;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      // The SDK retries a request whose answer was lost on the wire; if the first try was applied, the retry
      // fails its condition. Our own write id on the item says the write is in: matching entries do not, since the
      // same principal's identical call in the same millisecond writes the very same entries (race scenario 7).
      const now_ = await refusedItem(err, taskId);
      if (now_?.rev === task.rev + 1 && now_.lastWrite === writeId) return now_;
      if (attempt >= MAX_ATTEMPTS) throw new ConflictError(`task ${taskId} changed concurrently; try again`);
      found = now_;
    }
  }
}

