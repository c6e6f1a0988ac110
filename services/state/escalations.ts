// Escalations of overdue tasks, as data (docs/decisions/0018-supervision-reports.md). Each is an item under the
// supervisor who received it, written in one transaction with the task's history entry that records it:
//   escalation  pk ESC#<city code or 450000>  sk <escalationId>   (escalationId = <taskId>.E1 | .E2)
// One per task and level: the sweep that finds it again writes nothing (the put's condition fails).
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { Escalation } from '../../contracts/api/supervision.ts';
import { chained } from '../audit/chain.ts';
import { hubMachine, type Who } from '../auth/who.ts';
import { documentClient } from '../lib/aws.ts';
import { ConflictError, NotFoundError } from '../lib/errors.ts';
import { queryOwnerPk } from './queries.ts';
import { tableName } from './table.ts';
import type { TaskItem } from './tasks.ts';

export type EscalationItem = z.infer<typeof Escalation> & { pk: string; sk: string; entity: 'escalation' };

export const escalationPk = (recipientCode: string) => `ESC#${recipientCode}`;

/**
 * Records an escalation: the item for its recipient and the entry in the task's history, both or neither, the task
 * at the revision read. False when it exists already or the task moved meanwhile (the next sweep looks again).
 */
export async function recordEscalation(task: TaskItem, e: z.infer<typeof Escalation>): Promise<boolean> {
  const [entry] = chained(task.history.at(-1)?.h, [
    { at: e.escalatedAt, from: task.status, to: task.status, ...hubMachine('escalation'), reason: `escalated to ${e.to}: ${e.workingDaysLate} working days late` },
  ]);
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { pk: escalationPk(e.level === 'city' ? e.cityCode : '450000'), sk: e.escalationId, entity: 'escalation', ...e },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: { pk: task.pk, sk: task.sk },
              UpdateExpression: 'SET history = list_append(history, :h), rev = :next, escalation = :level',
              ConditionExpression: 'rev = :rev',
              ExpressionAttributeValues: { ':h': [entry], ':rev': task.rev, ':next': task.rev + 1, ':level': e.level },
            },
          },
        ],
      }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name === 'TransactionCanceledException') return false;
    throw err;
  }
}

/** The escalations a supervisor received (one Query of its own partition). */
export async function escalationsOf(recipientCode: string): Promise<EscalationItem[]> {
  return (await queryOwnerPk(escalationPk(recipientCode))) as EscalationItem[];
}

/** Acknowledges an open escalation with a note; 404 when the caller did not receive it, 409 when already acknowledged. */
export async function acknowledgeEscalation(recipientCode: string, escalationId: string, note: string, who: Who, now: Date): Promise<EscalationItem> {
  const key = { pk: escalationPk(recipientCode), sk: escalationId };
  const found = (await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item as EscalationItem | undefined;
  if (!found) throw new NotFoundError(`escalation ${escalationId} not found`);
  if (found.status !== 'open') throw new ConflictError(`escalation ${escalationId} was already acknowledged`);
  const acknowledged = { at: now.toISOString(), ...who, note };
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET #status = :ack, acknowledged = :a',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':ack': 'acknowledged', ':open': 'open', ':a': acknowledged },
      }),
    );
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConflictError(`escalation ${escalationId} was already acknowledged`);
    throw err;
  }
  return { ...found, status: 'acknowledged', acknowledged };
}
