// Bulk imports in the state table (docs/decisions/0015-bulk-import.md):
//   import job    pk IMPORT#<importId>          sk JOB           how far the file got, counts, the institution
//   imported row  pk IMPORTROW#<institutionId>  sk <key>         ID#<identity number> or KEY#<row key>: the child it
//                                                                admitted and the facts, so a re-import is recognised
// A row is written in the same transaction as its child and tasks: a row is admitted once or not at all.
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportProgress } from '../../contracts/api/imports.ts';
import type { AdmissionRequest } from '../../contracts/api/requests.ts';
import { documentClient } from '../lib/aws.ts';
import { clock } from '../lib/clock.ts';
import { tableName } from './table.ts';

export interface ImportedRow {
  pk: string;
  sk: string;
  childId: string;
  hash: string;
  facts: AdmissionRequest;
  importId: string;
  row: number;
  at: string;
}

export type ImportJob = Omit<ImportProgress, 'rowsPerSecond'> & { pk: string; sk: 'JOB'; rev: number };

export const importedRowKey = (institutionId: string, key: string) => ({ pk: `IMPORTROW#${institutionId}`, sk: key });
export const importJobKey = (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'JOB' as const });

/** The rows already imported among `keys` (at most 100), by key. */
export async function getImportedRows(institutionId: string, keys: string[]): Promise<Map<string, ImportedRow>> {
  const found = new Map<string, ImportedRow>();
  let pending = [...new Set(keys)].map((k) => importedRowKey(institutionId, k));
  for (let attempt = 0; pending.length; attempt++) {
    const out = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of (out.Responses?.[tableName()] ?? []) as ImportedRow[]) found.set(item.sk, item);
    pending = (out.UnprocessedKeys?.[tableName()]?.Keys ?? []) as typeof pending;
    if (pending.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
  }
  return found;
}

export async function getImportedRow(institutionId: string, key: string): Promise<ImportedRow | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: importedRowKey(institutionId, key), ConsistentRead: true }));
  return out.Item as ImportedRow | undefined;
}

export async function getImportJob(importId: string): Promise<ImportJob | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: importJobKey(importId), ConsistentRead: true }));
  return out.Item as ImportJob | undefined;
}

/**
 * Adds a page's counts to the job (creating it) and moves its last row forward, never back. No revision check:
 * pages of one import may overlap (a run resumed while the hub still works on the page the killed run sent), and
 * their counts add up; the rows themselves are guarded by their own keys.
 */
export async function advanceImportJob(
  job: { importId: string; institutionId: string; lastRow: number; last: boolean },
  counts: { admitted: number; unchanged: number; changed: number; invalidRows: number },
): Promise<ImportJob> {
  const at = clock.now().toISOString();
  const key = importJobKey(job.importId);
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression:
        'SET institutionId = if_not_exists(institutionId, :inst), importId = :id, updatedAt = :at, lastRow = if_not_exists(lastRow, :zero)' +
        `${job.last ? ', completedAt = :at' : ''} ADD admitted :a, unchanged :u, changed :c, invalidRows :i, rev :one`,
      ExpressionAttributeValues: {
        ':inst': job.institutionId, ':id': job.importId, ':at': at, ':zero': 0, ':one': 1,
        ':a': counts.admitted, ':u': counts.unchanged, ':c': counts.changed, ':i': counts.invalidRows,
      },
    }),
  );
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET lastRow = :row',
        ConditionExpression: 'lastRow < :row',
        ExpressionAttributeValues: { ':row': job.lastRow },
      }),
    );
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
  return (await getImportJob(job.importId))!;
}
