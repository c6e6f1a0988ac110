// The table's reads by query: a partition (a child or an institution with everything it holds), a department's
// inbox, an institution's children. One Query each (docs/decisions/0001-state-table.md).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws.ts';
import { table } from '../topology.ts';
import { childKey, inboxPk, institutionChildrenPk, institutionChildrenSk, ownerPk } from './keys.ts';
import type { TaskStatus } from './lifecycle.ts';
import { tableName } from './table.ts';
import type { TaskItem } from './tasks.ts';

/** Everything in one partition: a child (or institution) item and all its tasks. One Query, all pages. */
export async function queryOwner(ownerId: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ownerPk(ownerId) },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export interface InboxQuery {
  department: string;
  status?: TaskStatus;
  limit?: number;
  startKey?: Record<string, unknown>;
  /** Only tasks whose deadline sorts before this (ISO); for the overdue sweep. */
  deadlineBefore?: string;
}

/** A department's tasks from the inbox index, by status then deadline. */
export async function queryInbox(q: InboxQuery) {
  const values: Record<string, unknown> = { ':pk': inboxPk(q.department) };
  let condition = 'gsi1pk = :pk';
  if (q.status && q.deadlineBefore) {
    condition += ' AND gsi1sk BETWEEN :from AND :to';
    values[':from'] = `${q.status}#`;
    values[':to'] = `${q.status}#${q.deadlineBefore}`;
  } else if (q.status) {
    condition += ' AND begins_with(gsi1sk, :prefix)';
    values[':prefix'] = `${q.status}#`;
  }
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: table.indexes.inbox.name,
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
      Limit: q.limit,
      ExclusiveStartKey: q.startKey,
    }),
  );
  return { items: (out.Items ?? []) as TaskItem[], lastKey: out.LastEvaluatedKey };
}

/** Every task of a department in one status (all pages), for the sweeps. */
export async function allInbox(department: string, status: TaskStatus, deadlineBefore?: string): Promise<TaskItem[]> {
  const items: TaskItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryInbox({ department, status, startKey, deadlineBefore });
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
}

/** The children in an institution's care, from the institution index (ids and admission dates). */
export async function childrenOfInstitution(institutionId: string): Promise<{ childId: string; admittedOn: string }[]> {
  const out: { childId: string; admittedOn: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: table.indexes.institution.name,
        KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :child)',
        ExpressionAttributeValues: { ':pk': institutionChildrenPk(institutionId), ':child': 'CHILD#' },
        ExclusiveStartKey,
      }),
    );
    for (const i of page.Items ?? []) {
      const [, admittedOn, childId] = String(i.gsi2sk).split('#');
      out.push({ childId: childId!, admittedOn: admittedOn! });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/** Where a child stands in its institution's list: its admission date and id. */
export type ChildPosition = [admittedOn: string, childId: string];

/**
 * One page of an institution's children from the institution index, newest admission first (keys only), after
 * `after` when given; `more` when the index holds more.
 */
export async function institutionChildrenPage(institutionId: string, limit: number, after?: ChildPosition) {
  const pk = institutionChildrenPk(institutionId);
  const page = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: table.indexes.institution.name,
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :child)',
      ExpressionAttributeValues: { ':pk': pk, ':child': 'CHILD#' },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: after && { gsi2pk: pk, gsi2sk: institutionChildrenSk(after[0], after[1]), ...childKey(after[1]) },
    }),
  );
  const children = (page.Items ?? []).map((i) => String(i.gsi2sk).split('#').slice(1) as ChildPosition);
  return { children, more: page.LastEvaluatedKey !== undefined };
}
