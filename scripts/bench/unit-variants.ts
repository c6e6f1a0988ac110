// Write units of one task's life under the layouts decisions 0001 and 0017 weigh, measured on DynamoDB Local with
// copies of a real child and task item of the hub's run: admission (one transaction: the child and two tasks), then
// three transitions (delivered, acknowledged, completed), each appending one history entry of the real size.
//   status-in-key   the first layout: the status leads the inbox and bureau sort key, every transition moves them
//   as-is           open/closed leads the key (keys.ts): entries updated in place, moved once, on closing
//   one-index       and the bureau folded into the inbox index (the city after open/closed in its key)
//   keys-only       inbox/bureau KEYS_ONLY, no status in any key: a transition changes nothing an index holds
//   small-item      and the task item's request and result kept elsewhere (a reference on the item)
//   no-transaction  and the admission as a BatchWriteItem (gives up admitting child and tasks together)
import {
  BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand, UpdateItemCommand, waitUntilTableExists,
  type AttributeValue, type ConsumedCapacity, type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { inboxProjection, table } from '../../services/topology.ts';

type Item = Record<string, AttributeValue>;
export interface VariantUnits { variant: string; admissionPerTask: number; transitionsPerTask: number; perTask: number }

interface Variant { name: string; key: 'status' | 'bucket' | 'none'; bureau: boolean; keysOnly: boolean; smallItem: boolean; batch: boolean }
const VARIANTS: Variant[] = [
  { name: 'status-in-key', key: 'status', bureau: true, keysOnly: false, smallItem: false, batch: false },
  { name: 'as-is', key: 'bucket', bureau: true, keysOnly: false, smallItem: false, batch: false },
  { name: 'one-index', key: 'bucket', bureau: false, keysOnly: false, smallItem: false, batch: false },
  { name: 'keys-only', key: 'none', bureau: true, keysOnly: true, smallItem: false, batch: false },
  { name: 'small-item', key: 'none', bureau: true, keysOnly: true, smallItem: true, batch: false },
  { name: 'no-transaction', key: 'none', bureau: true, keysOnly: true, smallItem: true, batch: true },
];
const STEPS = [['delivered', 'open'], ['acknowledged', 'open'], ['completed', 'closed']] as const;

const units = (c: ConsumedCapacity | ConsumedCapacity[] | undefined) => [c ?? []].flat().reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);

export async function measureUnitVariants(endpoint: string, child: Item, task: Item): Promise<VariantUnits[]> {
  const db = new DynamoDBClient({ endpoint });
  const history = task.history?.L ?? [];
  const entry = history.at(-1) ?? { M: { at: { S: new Date().toISOString() } } };
  const opened: Item = { ...task, history: { L: history.slice(0, 1) } };
  delete opened.result;
  const out: VariantUnits[] = [];
  for (const v of VARIANTS) {
    const name = `units-${Date.now()}-${v.name}`;
    const gsi = (index: { name: string; partitionKey: string; sortKey: string }, projection: GlobalSecondaryIndex['Projection']): GlobalSecondaryIndex => ({
      IndexName: index.name, Projection: projection,
      KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
    });
    const inboxLike = v.keysOnly ? { ProjectionType: 'KEYS_ONLY' as const } : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...inboxProjection] };
    const { indexes } = table;
    await db.send(new CreateTableCommand({
      TableName: name, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', ...(v.bureau ? ['gsi3pk'] : [])].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [
        gsi(indexes.inbox, inboxLike),
        ...(v.bureau ? [gsi(indexes.bureau, inboxLike)] : []),
        gsi(indexes.institution, { ProjectionType: 'KEYS_ONLY' }),
      ],
    }));
    await waitUntilTableExists({ client: db, maxWaitTime: 60 }, { TableName: name });
    const base: Item = v.smallItem ? small(opened) : { ...opened };
    if (!v.bureau) delete base.gsi3pk;
    const sortKey = (status: string, bucket: string, i: number) => (v.key === 'status' ? `${status}#2026-12-01#${i}` : v.key === 'bucket' ? `${bucket}#2026-12-01#${i}` : `2026-12-01#${i}`);
    const taskItems = [1, 2].map((i): Item => ({ ...base, sk: { S: `TASK#${i}` }, gsi1sk: { S: sortKey('dispatched', 'open', i) } }));
    const items = [child, ...taskItems];
    const admission = v.batch
      ? units((await db.send(new BatchWriteItemCommand({ RequestItems: { [name]: items.map((Item) => ({ PutRequest: { Item } })) }, ReturnConsumedCapacity: 'INDEXES' }))).ConsumedCapacity)
      : units((await db.send(new TransactWriteItemsCommand({ TransactItems: items.map((Item) => ({ Put: { TableName: name, Item } })), ReturnConsumedCapacity: 'INDEXES' }))).ConsumedCapacity);
    let transitions = 0;
    let key = sortKey('dispatched', 'open', 1);
    for (const [status, bucket] of STEPS) {
      const values: Item = { ':s': { S: status }, ':h': { L: [entry] }, ':now': { S: new Date().toISOString() } };
      const next = sortKey(status, bucket, 1);
      // As the hub's transition does: the key is written only when it moves.
      if (next !== key) values[':k'] = { S: next };
      key = next;
      if (status === 'completed' && !v.smallItem && task.result) values[':r'] = task.result;
      const sets = ['#s = :s', 'history = list_append(history, :h)', 'updatedAt = :now', ...(':k' in values ? ['gsi1sk = :k'] : []), ...(':r' in values ? ['#r = :r'] : [])];
      const r = await db.send(new UpdateItemCommand({
        TableName: name, Key: { pk: child.pk!, sk: { S: 'TASK#1' } }, UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: { '#s': 'status', ...(':r' in values ? { '#r': 'result' } : {}) }, ExpressionAttributeValues: values, ReturnConsumedCapacity: 'INDEXES',
      }));
      transitions += units(r.ConsumedCapacity);
    }
    out.push({ variant: v.name, admissionPerTask: admission / 2, transitionsPerTask: transitions, perTask: admission / 2 + transitions });
  }
  db.destroy();
  return out;
}

/** The task item with its request and result kept elsewhere (a reference in their place); the history stays. */
function small(item: Item): Item {
  const { request: _request, result: _result, ...rest } = item;
  return { ...rest, ...(item.request ? { request: { S: 'ref' } } : {}) };
}
