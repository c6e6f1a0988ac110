// The state table's name and the writes every entity shares: a new item, an item replaced at the revision it was
// read, and several writes in one transaction. Every write is conditional (docs/architecture.md, decision 4): a
// new item on its key being free, a change on the revision it was read at.
import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws.ts';
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { ConflictError } from '../lib/errors.ts';

export const tableName = () => getStringFromEnv({ key: 'TABLE_NAME' });

/** One write of a transaction. */
export type Write = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Puts an item whose key must be free. */
export const putNew = (item: object): Write => ({
  Put: { TableName: tableName(), Item: item as Record<string, unknown>, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** Replaces an item, if it is still at the revision it was read at. */
export const putAtRevision = (before: { rev: number }, after: object): Write => ({
  Put: {
    TableName: tableName(),
    Item: after as Record<string, unknown>,
    ConditionExpression: 'rev = :rev',
    ExpressionAttributeValues: { ':rev': before.rev },
  },
});

/** All the writes or none; a condition that fails is a 409 saying `conflict`. */
export async function transact(writes: Write[], conflict: string): Promise<void> {
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (err) {
    if ((err as Error).name === 'TransactionCanceledException') throw new ConflictError(conflict);
    throw err;
  }
}

/** One write alone (no transaction: half the write units); a condition that fails is a 409 saying `conflict`. */
export async function writeOne(write: Write, conflict: string): Promise<void> {
  if (!write.Put) throw new Error('writeOne takes a Put');
  try {
    await documentClient().send(new PutCommand(write.Put));
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConflictError(conflict);
    throw err;
  }
}
