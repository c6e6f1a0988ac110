// The table's reads by query: a partition (a child or an institution with everything it holds), a department's
// inbox, an institution's children. One Query each, every page through lib-dynamodb's paginator where all are
// wanted (docs/decisions/0001-state-table.md).
import { paginateQuery, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws.ts';
import { table } from '../topology/storage.ts';
import type { ChildItem } from './children.ts';
import type { ClockItem } from './clocks.ts';
import type { ComingOfAgeItem } from './coming-of-age.ts';
import { bureauPk, childKey, inboxBucket, inboxPk, institutionChildrenPk, institutionChildrenSk, ownerPk, type InboxBucket } from './keys.ts';
import type { TaskStatus } from './lifecycle.ts';
import type { ScheduleItem } from './schedules.ts';
import { tableName } from './table.ts';
import type { TaskItem } from './tasks.ts';

/** The items of a query's answer, as the document client unmarshalls them. */
export type Items = NonNullable<QueryCommandOutput['Items']>;

/** Every item a query matches, all pages. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Items> {
  const items: Items = [];
  for await (const page of paginateQuery({ client: documentClient() }, { TableName: tableName(), ...input })) {
    items.push(...(page.Items ?? []));
  }
  return items;
}

/**
 * What an owner's partition holds: a child, its tasks, what its clocks opened and its coming of age; or an
 * institution's tasks and its duties' schedules.
 */
export type OwnerItem = ChildItem | TaskItem | ScheduleItem | ClockItem | ComingOfAgeItem;

/**
 * Everything in one partition: a child (or institution) item and all its tasks. One Query, all pages. Strongly
 * consistent unless `consistent` is false (the supervisors' reads: half the read units).
 */
export async function queryOwner(ownerId: string, consistent = true): Promise<OwnerItem[]> {
  return (await queryOwnerPk(ownerPk(ownerId), consistent)) as OwnerItem[];
}

/** Every item under one partition key. */
export async function queryOwnerPk(pk: string, consistent = true): Promise<Items> {
  return queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: consistent });
}

export interface InboxQuery {
  department: string;
  /** A city bureau's inbox: only the tasks whose jurisdiction lies in this city (the bureau index). */
  cityCode?: string;
  /** One status, or every open one (`open`: the sweeps' and the overdue lists' read). */
  status?: TaskStatus | InboxBucket;
  limit?: number;
  startKey?: Record<string, unknown>;
  /** Only tasks whose deadline sorts before this (ISO); for the overdue sweep. */
  deadlineBefore?: string;
}

/**
 * A department's inbox (or a city bureau's: the bureau index), open tasks before closed ones, each half by deadline.
 * One Query: the key selects the half (keys.ts), a filter on the projected status the one status asked for, so a
 * page can hold fewer items than its limit (the paging token goes on).
 */
const inboxInput = (q: Omit<InboxQuery, 'limit' | 'startKey'>): Omit<QueryCommandInput, 'TableName'> => {
  const index = q.cityCode ? table.indexes.bureau : table.indexes.inbox;
  const values: Record<string, unknown> = { ':pk': q.cityCode ? bureauPk(q.department, q.cityCode) : inboxPk(q.department) };
  let condition = `${index.partitionKey} = :pk`;
  const bucket = q.status === undefined ? undefined : q.status === 'open' || q.status === 'closed' ? q.status : inboxBucket(q.status);
  if (bucket && q.deadlineBefore) {
    condition += ' AND gsi1sk BETWEEN :from AND :to';
    values[':from'] = `${bucket}#`;
    values[':to'] = `${bucket}#${q.deadlineBefore}`;
  } else if (bucket) {
    condition += ' AND begins_with(gsi1sk, :prefix)';
    values[':prefix'] = `${bucket}#`;
  }
  const byStatus = q.status !== undefined && q.status !== bucket;
  if (byStatus) values[':status'] = q.status;
  return {
    IndexName: index.name,
    KeyConditionExpression: condition,
    ExpressionAttributeValues: values,
    ...(byStatus ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
  };
};

/** One page of a department's tasks from the inbox index: open before closed, each half by deadline. */
export async function queryInbox(q: InboxQuery) {
  const out = await documentClient().send(
    new QueryCommand({ TableName: tableName(), ...inboxInput(q), Limit: q.limit, ExclusiveStartKey: q.startKey }),
  );
  return { items: (out.Items ?? []) as TaskItem[], lastKey: out.LastEvaluatedKey };
}

/** Every task of a department in one status, or every open one (all pages), for the sweeps. */
export async function allInbox(department: string, status: TaskStatus | 'open', deadlineBefore?: string): Promise<TaskItem[]> {
  return (await queryAll(inboxInput({ department, status, deadlineBefore }))) as TaskItem[];
}

/** The children in an institution's care, from the institution index (ids and admission dates). */
export async function childrenOfInstitution(institutionId: string): Promise<{ childId: string; admittedOn: string }[]> {
  const items = await queryAll({
    IndexName: table.indexes.institution.name,
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :child)',
    ExpressionAttributeValues: { ':pk': institutionChildrenPk(institutionId), ':child': 'CHILD#' },
  });
  return items.map((i) => {
    const [, admittedOn, childId] = String(i.gsi2sk).split('#');
    return { childId: childId!, admittedOn: admittedOn! };
  });
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
