// Bulk imports in the state table (docs/decisions/0015-bulk-import.md):
//   import job    pk IMPORT#<importId>          sk JOB           how far the file got, counts, the institution, and
//                                                                `paceUntil`: until when the rows taken are paid for
//   imported row  pk IMPORTROW#<institutionId>  sk <key>         ID#<identity number> or KEY#<row key>: the child it
//                                                                admitted and the facts, so a re-import is recognised
// A row is written in the same transaction as its child and tasks: a row is admitted once or not at all.
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportProgress } from '../../contracts/api/imports.ts';
import type { AdmissionRequest } from '../../contracts/api/requests.ts';
import { documentClient } from '../lib/aws.ts';
import { clock } from '../lib/clock.ts';
import { ConflictError } from '../lib/errors.ts';
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

export type ImportJob = Omit<ImportProgress, 'rowsPerSecond'> & { pk: string; sk: 'JOB'; rev: number; paceUntil?: number };

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

/** A page refused by the pace: nothing was written; `retryAfterMs` until it would be taken. */
export class PaceExceeded extends Error {
  constructor(readonly retryAfterMs: number) {
    super('import pace exceeded');
  }
}

/**
 * Takes a page of `rows` at `rowsPerSecond` (a virtual-time bucket: `paceUntil` moves on by the page's cost, from
 * now when the import was idle), creating the job, in one conditional write on the revision read: a page ahead of
 * the pace by more than `burstMs` is refused and changes nothing. Two pages racing on one revision: one is taken,
 * the other re-reads and is judged again. Another institution's import id is a 409.
 */
export async function takeImportPace(
  page: { importId: string; institutionId: string; rows: number },
  pace: { rowsPerSecond: number; burstMs: number },
  seen: ImportJob | undefined,
): Promise<ImportJob> {
  for (let job = seen; ; job = await getImportJob(page.importId)) {
    if (job && job.institutionId !== page.institutionId) throw new ConflictError(`import id ${page.importId} is in use by another institution`);
    const now = clock.now().getTime();
    const ahead = (job?.paceUntil ?? 0) - now;
    if (ahead > pace.burstMs) throw new PaceExceeded(ahead - pace.burstMs);
    const paceUntil = Math.max(job?.paceUntil ?? 0, now) + (page.rows / pace.rowsPerSecond) * 1000;
    try {
      const out = await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: importJobKey(page.importId),
          UpdateExpression:
            'SET institutionId = :inst, importId = :id, paceUntil = :pace, lastRow = if_not_exists(lastRow, :zero), updatedAt = if_not_exists(updatedAt, :at) ' +
            'ADD admitted :zero, unchanged :zero, changed :zero, invalidRows :zero, rev :one',
          ConditionExpression: job ? 'rev = :rev AND institutionId = :inst' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: {
            ':inst': page.institutionId, ':id': page.importId, ':pace': paceUntil, ':zero': 0, ':one': 1,
            ':at': new Date(now).toISOString(), ...(job ? { ':rev': job.rev } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes as ImportJob;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
}

/**
 * Adds a page's counts to the job and moves its last row forward, never back, in one write. No revision check: pages
 * of one import may overlap (a run resumed while the hub still works on the page the killed run sent), and their
 * counts add up; the rows themselves are guarded by their own keys. Only a page behind the last row (that overlap,
 * or a completed import run again) needs a second write, without the row.
 */
export async function advanceImportJob(
  job: { importId: string; lastRow: number; last: boolean },
  counts: { admitted: number; unchanged: number; changed: number; invalidRows: number },
): Promise<ImportJob> {
  const values = {
    ':at': clock.now().toISOString(), ':a': counts.admitted, ':u': counts.unchanged, ':c': counts.changed, ':i': counts.invalidRows,
  };
  const counted = `${job.last ? ', completedAt = :at' : ''} ADD admitted :a, unchanged :u, changed :c, invalidRows :i`;
  const update = (withRow: boolean) =>
    documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importJobKey(job.importId),
        UpdateExpression: `SET updatedAt = :at${withRow ? ', lastRow = :row' : ''}${counted}`,
        ConditionExpression: withRow ? 'lastRow < :row' : 'attribute_exists(pk)',
        ExpressionAttributeValues: withRow ? { ...values, ':row': job.lastRow } : values,
        ReturnValues: 'ALL_NEW',
      }),
    );
  try {
    return (await update(true)).Attributes as ImportJob;
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    return (await update(false)).Attributes as ImportJob;
  }
}
