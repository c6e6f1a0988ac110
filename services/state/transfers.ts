// Transfer items. One item per transfer holds every child's state, the checklist and the visits, so both
// sides read the whole hand-over with one GetItem; the two indexes list it under each institution.
//   transfer  pk TRANSFER#<id>  sk TRANSFER
//             gsi1: XFER#<toInstitutionId> / <status>#<createdAt>#<id>      (incoming, the city)
//             gsi2: INST#<fromInstitutionId> / TRANSFER#<status>#<createdAt>#<id>  (outgoing, the county)
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { TransferChild, TransferView } from '../../contracts/api/transfers.ts';
import type { Who } from '../auth/actor.ts';
import { documentClient } from '../lib/aws.ts';
import { table } from '../topology/storage.ts';
import { queryAll } from './queries.ts';
import { putAtRevision, tableName, writeOne } from './table.ts';

export interface TransferItem extends Omit<TransferView, 'outstanding'> {
  pk: string;
  sk: string;
  entity: 'transfer';
  rev: number;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
}
export type TransferChildState = z.infer<typeof TransferChild>;

export const transferKey = (transferId: string) => ({ pk: `TRANSFER#${transferId}`, sk: 'TRANSFER' });

export function indexKeys(t: Pick<TransferItem, 'transferId' | 'fromInstitutionId' | 'toInstitutionId' | 'status' | 'createdAt'>) {
  return {
    gsi1pk: `XFER#${t.toInstitutionId}`,
    gsi1sk: `${t.status}#${t.createdAt}#${t.transferId}`,
    gsi2pk: `INST#${t.fromInstitutionId}`,
    gsi2sk: `TRANSFER#${t.status}#${t.createdAt}#${t.transferId}`,
  };
}

export async function getTransfer(transferId: string): Promise<TransferItem | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: transferKey(transferId), ConsistentRead: true }));
  return out.Item as TransferItem | undefined;
}

/** Transfer ids under an institution: incoming (it is the city side) and outgoing (the county side). */
export async function transferIdsOf(institutionId: string): Promise<{ incoming: string[]; outgoing: string[] }> {
  const ids = async (index: 'inbox' | 'institution', pk: string, prefix?: string) => {
    const i = table.indexes[index];
    const items = await queryAll({
      IndexName: i.name,
      KeyConditionExpression: prefix ? `${i.partitionKey} = :pk AND begins_with(${i.sortKey}, :p)` : `${i.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': prefix } : {}) },
    });
    return items.map((x) => String(x.pk).slice('TRANSFER#'.length));
  };
  const [incoming, outgoing] = await Promise.all([
    ids('inbox', `XFER#${institutionId}`),
    ids('institution', `INST#${institutionId}`, 'TRANSFER#'),
  ]);
  return { incoming, outgoing };
}

/** The transfer after a change: revision up, the change recorded in its history, its index keys kept in step. */
export function nextTransfer(t: TransferItem, change: Partial<TransferItem>, what: string, who: Who, now: Date): TransferItem {
  const at = now.toISOString();
  const next = { ...t, ...change, rev: t.rev + 1, updatedAt: at, history: [...t.history, { at, ...who, what }] };
  return { ...next, ...indexKeys(next) };
}

/** Writes a change to a transfer on its own, conditional on the revision it was read at. */
export async function saveTransfer(before: TransferItem, after: TransferItem): Promise<void> {
  await writeOne(putAtRevision(before, after), 'the transfer changed meanwhile; read it and try again');
}
