// A city's tasks from the bureau index (pk DEPT#<department>@<city>, sk <open|closed>#<deadline>#<taskId>, the inbox's
// projection): one Query per department for the overview, one per department's open half for the overdue list.
// Reads only the city's own tasks, and no history. docs/decisions/0018-supervision-reports.md.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws.ts';
import { departments } from '../topology/departments.ts';
import { table } from '../topology/storage.ts';
import { bureauPk } from './keys.ts';
import { queryAll } from './queries.ts';
import { tableName } from './table.ts';
import type { TaskItem } from './tasks.ts';

const index = table.indexes.bureau;

/** Every task of the city, department by department, as the bureau index projects it. */
export async function cityTasks(cityCode: string): Promise<TaskItem[]> {
  const all = await Promise.all(
    departments.map((d) =>
      queryAll({
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk`,
        ExpressionAttributeValues: { ':pk': bureauPk(d.code, cityCode) },
      }),
    ),
  );
  return all.flat() as TaskItem[];
}

/** Where an overdue list's page ends: the last task's deadline and id. */
export interface OverduePosition {
  deadline: string;
  taskId: string;
}

const byDeadline = (a: TaskItem, b: TaskItem) => a.deadline.localeCompare(b.deadline) || a.taskId.localeCompare(b.taskId);

/**
 * One page of the city's open tasks whose deadline is before `before` (China time), oldest deadline first, after
 * `after`. Each department's open half is one Query of at most `limit` items from the position on; merging them
 * gives the page. `total` counts them all (Select COUNT: the same keys, no items returned).
 */
export async function overduePage(cityCode: string, before: string, limit: number, after?: OverduePosition) {
  const pks = departments.map((d) => bureauPk(d.code, cityCode));
  const query = (pk: string, from: string, count: boolean) =>
    documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk AND gsi1sk BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': `open#${before}` },
        ...(count ? { Select: 'COUNT' } : { Limit: limit + 1 }),
      }),
    );
  const pages = await Promise.all(
    pks.map(async (pk) => {
      const from = after ? `open#${after.deadline}#${after.taskId}` : 'open#';
      const out = await query(pk, from, false);
      return ((out.Items ?? []) as TaskItem[]).filter((t) => !after || t.taskId !== after.taskId);
    }),
  );
  const counts = await Promise.all(pks.map(async (pk) => (await query(pk, 'open#', true)).Count ?? 0));
  const merged = pages.flat().sort(byDeadline);
  return { items: merged.slice(0, limit), more: merged.length > limit, total: counts.reduce((a, b) => a + b, 0) };
}
