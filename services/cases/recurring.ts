// Recurring institution duties (periodic fire-safety inspections): a schedule item in the institution's
// partition says what to open and when; the daily sweep opens what is due.
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { chinaDate } from '../calendar/working-days.ts';
import { sendTasks } from '../dispatch/send.ts';
import { documentClient } from '../lib/aws.ts';
import { logger } from '../lib/logger.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { wroteAtRevision } from '../state/revision.ts';
import { putAllNew, queryOwner, tableName, type TaskItem } from '../state/tasks.ts';
import { seededInstitutions } from '../seed/institutions.ts';
import { buildTaskItems } from './open-tasks.ts';
import { getInstitution } from './institutions.ts';

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

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export async function putSchedule(institutionId: string, type: string, input: Record<string, unknown>, everyMonths: number, now: Date) {
  const item: ScheduleItem = {
    pk: `INST#${institutionId}`,
    sk: `SCHEDULE#${type}`,
    entity: 'schedule',
    rev: 1,
    institutionId,
    type,
    input,
    everyMonths,
    nextDueOn: addMonths(chinaDate(now), everyMonths),
  };
  // A new schedule replaces the old one for the same duty: staff changed the interval.
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: item }));
  return item;
}

/** Opens every recurring duty that is due and not already open; returns the tasks opened. */
export async function openRecurring(now = new Date(), institutions = seededInstitutions.map((i) => i.institutionId)): Promise<TaskItem[]> {
  const today = chinaDate(now);
  const opened: TaskItem[] = [];
  for (const institutionId of institutions) {
    const items = await queryOwner(institutionId);
    const due = items.filter((i) => i.entity === 'schedule' && (i as unknown as ScheduleItem).nextDueOn <= today) as unknown as ScheduleItem[];
    for (const s of due) {
      const claimed = await wroteAtRevision(
        documentClient().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: { pk: s.pk, sk: s.sk },
            UpdateExpression: 'SET nextDueOn = :next, rev = :r1',
            ConditionExpression: 'rev = :r0',
            ExpressionAttributeValues: { ':next': addMonths(today, s.everyMonths), ':r0': s.rev, ':r1': s.rev + 1 },
          }),
        ),
      );
      if (!claimed) continue; // another sweep took it
      const stillOpen = items.some((i) => i.entity === 'task' && (i as unknown as TaskItem).type === s.type && !isTerminal((i as unknown as TaskItem).status));
      if (stillOpen) continue;
      const [task] = buildTaskItems({ institution: getInstitution(institutionId) }, [{ type: s.type, input: s.input }], 'system:schedule', now);
      await putAllNew([task as unknown as Record<string, unknown>]);
      opened.push(task!);
    }
  }
  if (opened.length) {
    await sendTasks(opened, now);
    logger.info('recurring duties opened', { count: opened.length });
  }
  return opened;
}
