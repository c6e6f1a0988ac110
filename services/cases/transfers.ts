// The rules of a transfer (移交, policy 三(一)), apart from its HTTP routes: which tasks it opens per child,
// which children a hand-over step applies to, and how a transfer item changes (conditional on its revision).
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransferRequest } from '../../contracts/api/transfers.ts';
import type { Child } from '../../contracts/case.ts';
import { formatPrincipal, type Principal } from '../auth/principal.ts';
import { documentClient } from '../lib/aws.ts';
import { ConflictError, ValidationError } from '../lib/errors.ts';
import { tableName, type TaskItem } from '../state/tasks.ts';
import { indexKeys, type TransferItem } from '../state/transfers.ts';
import type { OpenTaskSpec } from './open-tasks.ts';

export const transact = (items: unknown[]) => documentClient().send(new TransactWriteCommand({ TransactItems: items as never }));

/** The child's task of that type that still counts (not cancelled or rejected). */
export const openOfType = (tasks: TaskItem[], type: string) =>
  tasks.find((t) => t.type === type && !['cancelled', 'rejected'].includes(t.status));

/** The tasks a transfer opens for one child (三(一), 四(二)). */
export function transferTasks(child: Child, tasks: TaskItem[], hukou: TransferRequest['children'][number]['hukou'], to: string): OpenTaskSpec[] {
  const specs: OpenTaskSpec[] = [];
  if (hukou.decision === 'migrate') {
    const registration = openOfType(tasks, 'public-security.hukou-registration');
    specs.push({
      type: 'public-security.hukou-migration',
      input: { toInstitutionId: to, ...(hukou.fromHukouAddress ? { fromHukouAddress: hukou.fromHukouAddress } : {}) },
      inputFacts: { fromHukouAddress: 'hukouAddress', hukouRegistrationNumber: 'hukouRegistrationNumber' },
      // Hukou registration before hukou migration: wait for it when it is still under way.
      ...(registration && registration.status !== 'completed' ? { waitingFor: [registration.taskId] } : {}),
    });
  }
  if (child.inSchool) {
    specs.push({
      type: 'education.school-record-transfer',
      input: { toInstitutionId: to },
      inputFacts: { fromSchoolName: 'schoolName', studentRecordNumber: 'studentRecordNumber' },
    });
  }
  return specs;
}


/** The children a hand-over step applies to: those named, or all in the state the step starts from. */
export function handOverIds(t: TransferItem, named: string[] | undefined, from: 'pending' | 'sent'): string[] {
  const ids = named ?? t.children.filter((c) => c.state === from).map((c) => c.childId);
  for (const id of ids) {
    const c = t.children.find((x) => x.childId === id);
    if (!c) throw new ValidationError([{ path: 'childIds', message: `${id} is not in this transfer` }]);
    if (c.state !== from)
      throw new ConflictError(`child ${id} is ${c.state === 'pending' ? 'not sent yet' : c.state === 'sent' ? 'already sent' : 'already received'}`);
  }
  if (!ids.length) throw new ConflictError(from === 'pending' ? 'every child of this transfer was already sent' : 'no child of this transfer is waiting to be received');
  return ids;
}

export function nextTransfer(t: TransferItem, change: Partial<TransferItem>, what: string, by: string, now: Date): TransferItem {
  const at = now.toISOString();
  const next = { ...t, ...change, rev: t.rev + 1, updatedAt: at, history: [...t.history, { at, by, what }] };
  return { ...next, ...indexKeys(next) };
}

export function transferUpdate(before: TransferItem, after: TransferItem) {
  return { Put: { TableName: tableName(), Item: after, ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': before.rev } } };
}

export async function saveTransfer(t: TransferItem, change: Partial<TransferItem>, what: string, principal: Principal, now: Date) {
  const next = nextTransfer(t, change, what, formatPrincipal(principal), now);
  try {
    await documentClient().send(new PutCommand(transferUpdate(t, next).Put));
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('the transfer changed meanwhile; read it and try again');
    throw err;
  }
  return next;
}
