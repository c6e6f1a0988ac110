// The read audit's items in the state table (docs/decisions/0016-read-audit.md):
//   read   pk READS#<childId>   sk <at>#<principal>#<id>   expiresAt (TTL)
// Their own partition, so a child's case (one Query on CHILD#<childId>) never reads them, and newest first is one
// Query backwards. Written by the read-audit consumer only, idempotently: a redelivered message rewrites its items.
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReadRecord } from '../../contracts/api/reads.ts';
import { documentClient } from '../lib/aws.ts';
import { readAudit } from '../topology/storage.ts';
import { tableName } from './table.ts';

export const readsPk = (childId: string) => `READS#${childId}`;
export const readSk = (r: Pick<ReadRecord, 'at' | 'by' | 'id'>) => `${r.at}#${r.by}#${r.id}`;

/** The item of one read, expiring `readAudit.retentionDays` after it. */
export function readItem(r: ReadRecord): Record<string, unknown> {
  const expires = Math.floor(Date.parse(r.at) / 1000) + readAudit.retentionDays * 86_400;
  return { pk: readsPk(r.childId), sk: readSk(r), entity: 'read', ...r, [readAudit.ttlAttribute]: expires };
}

const BATCH = 25;
const ATTEMPTS = 4;

/**
 * Writes the records, 25 per BatchWriteItem, retrying what DynamoDB leaves unprocessed (throttling) with a short
 * backoff; throws when some are still unwritten, so the consumer keeps their message for the queue's retries.
 */
export async function putReads(records: ReadRecord[], pause = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    let requests = records.slice(i, i + BATCH).map((r) => ({ PutRequest: { Item: readItem(r) } }));
    for (let attempt = 1; requests.length; attempt++) {
      if (attempt > ATTEMPTS) throw new Error(`${requests.length} read record(s) left unprocessed after ${ATTEMPTS} attempts`);
      if (attempt > 1) await pause(50 * 2 ** attempt);
      const out = await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
    }
  }
}

/** One page of a child's reads, newest first, from `after` (a sort key of the same child) on. */
export async function queryReads(childId: string, limit: number, after?: string): Promise<{ items: ReadRecord[]; last?: string }> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': readsPk(childId) },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { pk: readsPk(childId), sk: after } } : {}),
    }),
  );
  const items = (out.Items ?? []).map(({ childId: c, at, by, person, route, id }) => ({ childId: c, at, by, route, id, ...(person ? { person } : {}) }) as ReadRecord);
  const last = out.LastEvaluatedKey?.sk as string | undefined;
  return { items, ...(last ? { last } : {}) };
}
