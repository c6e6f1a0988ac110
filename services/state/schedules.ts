// Schedule items: a recurring institution duty (periodic fire-safety inspections) in the institution's partition,
// saying what to open and when (services/cases/recurring.ts opens what is due).
//   schedule  pk INST#<institutionId>  sk SCHEDULE#<type>
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws.ts';
import { wroteAtRevision } from './revision.ts';
import { tableName } from './table.ts';

export interface ScheduleItem {
  pk: string;
  sk: string;
  entity: 'schedule';
  rev: number;
  institutionId: string;
  type: string;
  input: Record<string, unknown>;
  everyMonths: number;
  /** China date (YYYY-MM-DD) the next task is due to be opened. */
  nextDueOn: string;
}

export function newScheduleItem(s: Pick<ScheduleItem, 'institutionId' | 'type' | 'input' | 'everyMonths' | 'nextDueOn'>): ScheduleItem {
  return { pk: `INST#${s.institutionId}`, sk: `SCHEDULE#${s.type}`, entity: 'schedule', rev: 1, ...s };
}

/** A new schedule replaces the old one for the same duty: staff changed the interval. */
export async function putSchedule(item: ScheduleItem): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: item }));
}

/** Moves a due schedule on to its next date; false when another sweep claimed it first. */
export async function claimSchedule(s: ScheduleItem, nextDueOn: string): Promise<boolean> {
  return wroteAtRevision(
    documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: s.pk, sk: s.sk },
        UpdateExpression: 'SET nextDueOn = :next, rev = :r1',
        ConditionExpression: 'rev = :r0',
        ExpressionAttributeValues: { ':next': nextDueOn, ':r0': s.rev, ':r1': s.rev + 1 },
      }),
    ),
  );
}
