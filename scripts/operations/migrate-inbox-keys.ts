// Tasks written before the state table's second layout (docs/decisions/0017-state-table-v2.md) carry the inbox sort
// key <status>#<deadline>#<taskId>, which no inbox query of this layout finds. This rewrites those keys once, in
// place: `npm start` on a table kept on disk when it starts, `hub migrate` on a deployed one.
import { paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../services/lib/aws.ts';
import { inboxSk } from '../../services/state/keys.ts';
import { wroteAtRevision } from '../../services/state/revision.ts';
import { tableName } from '../../services/state/table.ts';
import type { TaskItem } from '../../services/state/tasks.ts';

/** Rewrites every task's inbox key still in the first layout; how many it rewrote. Safe to run again. */
export async function migrateInboxKeys(): Promise<number> {
  let moved = 0;
  const pages = paginateScan(
    { client: documentClient() },
    {
      TableName: tableName(),
      FilterExpression: '#entity = :task AND NOT (begins_with(gsi1sk, :open) OR begins_with(gsi1sk, :closed))',
      ProjectionExpression: 'pk, sk, rev, taskId, deadline, #status',
      ExpressionAttributeNames: { '#entity': 'entity', '#status': 'status' },
      ExpressionAttributeValues: { ':task': 'task', ':open': 'open#', ':closed': 'closed#' },
    },
  );
  for await (const page of pages) {
    for (const t of (page.Items ?? []) as Pick<TaskItem, 'pk' | 'sk' | 'rev' | 'taskId' | 'deadline' | 'status'>[]) {
      // Not a change of the task: the revision stays, and a transition that won meanwhile wrote the new key itself.
      const written = await wroteAtRevision(
        documentClient().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: { pk: t.pk, sk: t.sk },
            UpdateExpression: 'SET gsi1sk = :sk',
            ConditionExpression: 'rev = :rev',
            ExpressionAttributeValues: { ':sk': inboxSk(t.status, t.deadline, t.taskId), ':rev': t.rev },
          }),
        ),
      );
      if (written) moved++;
    }
  }
  return moved;
}
