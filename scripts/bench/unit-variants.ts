// Write units of one task's life under the ways decision 0001 names to cut them, measured on DynamoDB Local with
// copies of a real child and task item of the hub's run: admission (one transaction: the child and two tasks), then
// three transitions (delivered, acknowledged, completed), each appending one history entry of the real size.
//   as-is               the hub's layout: inbox and bureau INCLUDE, the status leads their sort key
//   status-out-of-key   the index sort key is <deadline>#<taskId>: a transition updates the entries in place
//   keys-only           and inbox/bureau KEYS_ONLY: a transition changes nothing an index holds
//   small-item          and the task item's request and result kept elsewhere (a reference on the item)
//   no-transaction      and the admission as a BatchWriteItem (gives up admitting child and tasks together)
import {
  BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand, UpdateItemCommand, waitUntilTableExists,
  type AttributeValue, type ConsumedCapacity, type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { inboxProjection, table } from '../../services/topology.ts';

type Item = Record<string, AttributeValue>;
export interface VariantUnits { variant: string; admissionPerTask: number; transitionsPerTask: number; perTask: number }

const VARIANTS = ['as-is', 'status-out-of-key', 'keys-only', 'small-item', 'no-transaction'] as const;

const units = (c: ConsumedCapacity | ConsumedCapacity[] | undefined) => [c ?? []].flat().reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);

export async function measureUnitVariants(endpoint: string, child: Item, task: Item): Promise<VariantUnits[]> {
  const db = new DynamoDBClient({ endpoint });
  const history = task.history?.L ?? [];
  const entry = history.at(-1) ?? { M: { at: { S: new Date().toISOString() } } };
  const opened: Item = { ...task, history: { L: history.slice(0, 1) } };
  delete opened.result;
  const out: VariantUnits[] = [];
  for (const [n, variant] of VARIANTS.entries()) {
    const keysOnly = n >= 2;
    const statusInKey = n === 0;
    const name = `units-${Date.now()}-${variant}`;
    const gsi = (index: { name: string; partitionKey: string; sortKey: string }, projection: GlobalSecondaryIndex['Projection']): GlobalSecondaryIndex => ({
      IndexName: index.name, Projection: projection,
      KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
    });
    const inboxLike = keysOnly ? { ProjectionType: 'KEYS_ONLY' as const } : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...inboxProjection] };
    const { indexes } = table;
    await db.send(new CreateTableCommand({
      TableName: name, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk'].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [gsi(indexes.inbox, inboxLike), gsi(indexes.bureau, inboxLike), gsi(indexes.institution, { ProjectionType: 'KEYS_ONLY' })],
    }));
    await waitUntilTableExists({ client: db, maxWaitTime: 60 }, { TableName: name });
    const base: Item = n >= 3 ? small(opened) : opened;
    const taskItems = [1, 2].map((i): Item => ({ ...base, sk: { S: `TASK#${i}` }, gsi1sk: { S: statusInKey ? `dispatched#${i}` : `2026-12-01#${i}` } }));
    const items = [child, ...taskItems];
    const admission = n === 4
      ? units((await db.send(new BatchWriteItemCommand({ RequestItems: { [name]: items.map((Item) => ({ PutRequest: { Item } })) }, ReturnConsumedCapacity: 'INDEXES' }))).ConsumedCapacity)
      : units((await db.send(new TransactWriteItemsCommand({ TransactItems: items.map((Item) => ({ Put: { TableName: name, Item } })), ReturnConsumedCapacity: 'INDEXES' }))).ConsumedCapacity);
    let transitions = 0;
    for (const [i, status] of ['delivered', 'acknowledged', 'completed'].entries()) {
      const last = i === 2;
      const values: Item = { ':s': { S: status }, ':h': { L: [entry] }, ':now': { S: new Date().toISOString() } };
      if (statusInKey) values[':k'] = { S: `${status}#1` };
      if (last && n < 3 && task.result) values[':r'] = task.result;
      const sets = ['#s = :s', 'history = list_append(history, :h)', 'updatedAt = :now', ...(statusInKey ? ['gsi1sk = :k'] : []), ...(':r' in values ? ['#r = :r'] : [])];
      const r = await db.send(new UpdateItemCommand({
        TableName: name, Key: { pk: child.pk!, sk: { S: 'TASK#1' } }, UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: { '#s': 'status', ...(':r' in values ? { '#r': 'result' } : {}) }, ExpressionAttributeValues: values, ReturnConsumedCapacity: 'INDEXES',
      }));
      transitions += units(r.ConsumedCapacity);
    }
    out.push({ variant, admissionPerTask: admission / 2, transitionsPerTask: transitions, perTask: admission / 2 + transitions });
  }
  db.destroy();
  return out;
}

/** The task item with its request and result kept elsewhere (a reference in their place); the history stays. */
function small(item: Item): Item {
  const { request: _request, result: _result, ...rest } = item;
  return { ...rest, ...(item.request ? { request: { S: 'ref' } } : {}) };
}
