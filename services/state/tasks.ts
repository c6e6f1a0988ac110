// Task items: the item, its key and opening history, reading one, and the writes that touch a task outside its
// lifecycle (the sweeps' flags, a transfer's receipt moving it). Every write is conditional on the item's revision
// (`rev`); moving a task along its lifecycle is transition.ts.
import { isDeepStrictEqual } from 'node:util';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TaskView } from '../../contracts/api/views.ts';
import type { Institution } from '../../contracts/case.ts';
import { chained } from '../audit/chain.ts';
import { hubMachine, type Who } from '../auth/who.ts';
import { documentClient } from '../lib/aws.ts';
import { cityOfDivision } from '../auth/division.ts';
import { bureauPk, inboxPk, inboxSk, ownerOfTask, ownerPk, taskKey } from './keys.ts';
import { wroteAtRevision } from './revision.ts';
import { putNew, tableName, type Write } from './table.ts';

export interface TaskItem extends TaskView {
  pk: string;
  sk: string;
  entity: 'task';
  rev: number;
  gsi1pk: string;
  gsi1sk: string;
  /** The city bureau's inbox (absent on tasks written before jurisdictions: the region-wide inbox still has them). */
  gsi3pk?: string;
  /**
   * A random id of the transition that wrote the item last: a refused write finds its own id there when the SDK
   * retried a write whose answer was lost, and another writer's when an identical transition won the race.
   */
  lastWrite?: string;
  /** When the task was last handed to its queue (for the re-dispatch sweep). */
  dispatchedAt?: string;
  /** While information-needed: the time the department had left, given back when staff supply the information. */
  heldRemainingMs?: number;
  /** The highest level the task was escalated to while overdue (services/state/escalations.ts). */
  escalation?: 'city' | 'region';
}

/** The city whose bureau acts on a task: the city its jurisdiction lies in (a county's city for a county). */
export const jurisdictionCity = (t: Pick<TaskView, 'cityCode' | 'jurisdiction'>) => cityOfDivision(t.jurisdiction ?? t.cityCode);

/**
 * A new task item with its opening history: `dispatched` when nothing holds it back, `requested` while it
 * waits for other tasks (`waitingFor`).
 */
export function newTaskItem(
  t: Omit<TaskView, 'status' | 'history' | 'overdue' | 'createdAt' | 'updatedAt'>,
  who: Who,
  now: string,
): TaskItem {
  const owner = ownerOfTask(t.taskId)!;
  const waiting = (t.waitingFor ?? []).length > 0;
  const status = waiting ? 'requested' : 'dispatched';
  return {
    ...t,
    pk: ownerPk(owner),
    sk: `TASK#${t.taskId}`,
    entity: 'task',
    rev: 1,
    status,
    overdue: false,
    // Written as dispatched: the send follows the write, and the re-dispatch sweep re-sends any task whose
    // message was lost between the two (docs/decisions/0004-dispatch.md).
    history: chained(undefined, [
      { at: now, from: null, to: 'requested', ...who, ...(waiting ? { reason: `waits for ${t.waitingFor!.join(', ')}` } : {}) },
      ...(waiting ? [] : [{ at: now, from: 'requested' as const, to: 'dispatched' as const, ...hubMachine('hub') }]),
    ]),
    ...(waiting ? {} : { dispatchedAt: now }),
    createdAt: now,
    updatedAt: now,
    gsi1pk: inboxPk(t.department),
    gsi1sk: inboxSk(status, t.deadline, t.taskId),
    gsi3pk: bureauPk(t.department, jurisdictionCity(t)),
  };
}

/** Writes items that must all exist or none (a child and the tasks its admission opens). */
export async function putAllNew(items: object[]): Promise<void> {
  try {
    if (items.length === 1) await documentClient().send(new PutCommand(putNew(items[0]!).Put!));
    else await documentClient().send(new TransactWriteCommand({ TransactItems: items.map(putNew) }));
  } catch (err) {
    const refused = ['ConditionalCheckFailedException', 'TransactionCanceledException'].includes((err as Error).name);
    if (!refused || !(await allStored(items))) throw err;
  }
}

/**
 * The SDK retries a write whose answer was lost on the wire; if the first try was applied, the retry fails its
 * attribute_not_exists condition. The very items, stored, say the write is in (ids are new ULIDs: nobody else's).
 */
async function allStored(items: object[]): Promise<boolean> {
  for (const item of items as { pk: string; sk: string }[]) {
    const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }));
    if (!out.Item || !isDeepStrictEqual(out.Item, JSON.parse(JSON.stringify(item)))) return false;
  }
  return true;
}

export async function getTask(taskId: string): Promise<TaskItem | undefined> {
  if (!ownerOfTask(taskId)) return undefined;
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: taskKey(taskId), ConsistentRead: true }),
  );
  return out.Item as TaskItem | undefined;
}

/** Sets the overdue flag; conditional on the revision so it never overwrites a concurrent transition. */
export async function markOverdue(task: TaskItem, now: Date): Promise<boolean> {
  return wroteAtRevision(
    documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: task.pk, sk: task.sk },
        UpdateExpression: 'SET overdue = :true, rev = :next, updatedAt = :at',
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: { ':true': true, ':rev': task.rev, ':next': task.rev + 1, ':at': now.toISOString() },
      }),
    ),
  );
}

/**
 * Records a re-send on a task still dispatched, so the next sweep waits again and the history shows it. The sweep
 * finds tasks in the inbox index, which does not project the history: the chain's last link is read from the item
 * (a read, off the hot path: only tasks stuck in dispatched), and the write stays conditional on that revision.
 */
export async function recordRedispatch(found: TaskItem, now: string, reason: string): Promise<boolean> {
  const task = found.history ? found : await getTask(found.taskId);
  if (!task || task.rev !== found.rev) return false;
  return wroteAtRevision(
    documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: task.pk, sk: task.sk },
        UpdateExpression: 'SET dispatchedAt = :now, updatedAt = :now, rev = :next, history = list_append(history, :h)',
        ConditionExpression: 'rev = :rev AND #status = :dispatched',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':now': now,
          ':rev': task.rev,
          ':next': task.rev + 1,
          ':dispatched': 'dispatched',
          ':h': chained(task.history.at(-1)?.h, [{ at: now, from: 'dispatched' as const, to: 'dispatched' as const, ...hubMachine('redispatch'), reason }]),
        },
      }),
    ),
  );
}

/**
 * An open task of a child received by another institution, as a transaction's write: its staff act on it now
 * (docs/decisions/0007-workflows.md). The revision goes up, so a transition read before the receipt retries on the
 * moved task. Not updatedAt: it stays the time of the task's last transition (results are applied in that order).
 */
export const moveTaskWrite = (task: TaskItem, to: Institution): Write => ({
  Update: {
    TableName: tableName(),
    Key: { pk: task.pk, sk: task.sk },
    UpdateExpression: 'SET institutionId = :inst, cityCode = :city, rev = rev + :one',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':inst': to.institutionId, ':city': to.cityCode, ':one': 1 },
  },
});
