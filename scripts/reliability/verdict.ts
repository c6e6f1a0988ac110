// After a scenario: what became of every task. The table is read whole (a scan: the suite's tables are its own and
// small) and compared with what the API said it opened and with what each department's simulator received.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { isTerminal } from '../../services/state/lifecycle.ts';
import type { TaskItem } from '../../services/state/tasks.ts';
import type { RunningSimulators } from '../simulators/simulator.ts';
import type { Provisioned } from '../local/provision.ts';
import type { Opened } from './workload.ts';

export interface Figures {
  /** Tasks the API answered 201 for, and tasks the table holds (an answer lost to a fault can hide a task). */
  opened: number;
  tasks: number;
  /** Opened but not in the table, or neither terminal nor parked. */
  lost: number;
  /** The statuses the lost tasks were left in, to say where they fell through. */
  lostIn: Record<string, number>;
  /** A department acted on a task more than once, or a history records more than one completion. */
  twice: number;
  completed: number;
  /** Failed deliveries (each with its reason) and messages in the dead-letter queues. */
  parked: number;
  parkedWithoutReason: number;
  deadLetters: number;
  /** Pushes that reached a department again with a key it had seen (harmless, counted to show they happened). */
  duplicatePushes: number;
}

// The suite's own clients: the hub's carry the injected faults, and a count must not fail to the fault it counts.
let observer: { db: DynamoDBDocumentClient; sqs: SQSClient } | undefined;
const observe = () =>
  (observer ??= {
    db: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB })),
    sqs: new SQSClient({ endpoint: process.env.AWS_ENDPOINT_URL_SQS, useQueueUrlAsEndpoint: false }),
  });

export async function allTasks(tableName: string): Promise<TaskItem[]> {
  const items: TaskItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await observe().db.send(
      new ScanCommand({ TableName: tableName, FilterExpression: 'entity = :t', ExpressionAttributeValues: { ':t': 'task' }, ExclusiveStartKey: start }),
    );
    items.push(...((out.Items ?? []) as TaskItem[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function queueDepth(url: string): Promise<number> {
  const out = await observe().sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

const reasonOf = (t: TaskItem) => t.history.at(-1)?.reason;

/** The tasks opened since `since` (ISO): a scenario's own, when several run on one hub. */
export async function figures(p: Provisioned, opened: Opened[], simulators: RunningSimulators | undefined, since = ''): Promise<Figures> {
  const tasks = (await allTasks(p.tableName)).filter((t) => t.createdAt >= since);
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  const parked = tasks.filter((t) => t.status === 'failed');
  const stuck = tasks.filter((t) => !isTerminal(t.status) && t.status !== 'failed');
  let twice = tasks.filter((t) => t.history.filter((h) => h.to === 'completed').length > 1).length;
  let duplicatePushes = 0;
  let deadLetters = 0;
  for (const [code, q] of Object.entries(p.queues)) {
    deadLetters += await queueDepth(q.dlqUrl);
    const tally = simulators?.tally(code);
    if (!tally) continue;
    for (const [taskId, n] of tally.effects) if (n > 1 && byId.has(taskId)) twice++;
    for (const [key, n] of tally.deliveries) if (byId.has(key.split('~')[0]!)) duplicatePushes += n - 1;
  }
  return {
    opened: opened.length,
    tasks: tasks.length,
    lost: opened.filter((o) => !byId.has(o.taskId)).length + stuck.length,
    lostIn: Object.fromEntries([...new Set(stuck.map((t) => t.status))].map((st) => [st, stuck.filter((t) => t.status === st).length])),
    twice,
    completed: tasks.filter((t) => t.status === 'completed').length,
    parked: parked.length,
    parkedWithoutReason: parked.filter((t) => !reasonOf(t)).length,
    deadLetters,
    duplicatePushes,
  };
}

/** One line a reviewer can compare from run to run. */
export function figuresLine(scenario: string, f: Figures, home?: Figures, unreadable = 0): string {
  const after = home
    ? `; after resume/redrive: completed ${home.completed}, parked ${home.parked}, lost ${home.lost}, poison left in dead-letter queues ${unreadable}`
    : '';
  return (
    `[reliability] ${scenario}: opened ${f.opened}, tasks ${f.tasks}, lost ${f.lost}${f.lost ? ` ${JSON.stringify(f.lostIn)}` : ''}, applied twice ${f.twice}, ` +
    `completed ${f.completed}, parked ${f.parked} (no reason ${f.parkedWithoutReason}), dead letters ${f.deadLetters}, ` +
    `duplicate pushes ${f.duplicatePushes}${after}`
  );
}
