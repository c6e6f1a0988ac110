// Moves a task's deadline behind the hub's back (overdue lists, escalation), the way the hub's own transitions write:
// read the item, write on the condition that its revision is still the one read, and take the next revision. A
// transition the hub has in flight (a delivery attempt, a retry) then fails its own condition and starts again from
// the moved deadline, instead of writing the index key back from the deadline it read before: on moto, whose
// requests are serialised and slow, that race once put a moved task back among those not yet due.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../services/lib/aws.ts';
import { inboxSk, taskKey } from '../../services/state/keys.ts';

export async function moveDeadline(taskId: string, deadline: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { Item } = await documentClient().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: taskKey(taskId), ConsistentRead: true }));
    if (!Item) throw new Error(`no task ${taskId}`);
    try {
      await documentClient().send(new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: taskKey(taskId),
        UpdateExpression: 'SET deadline = :d, gsi1sk = :sk, rev = :next',
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: { ':d': deadline, ':sk': inboxSk(Item.status, deadline, taskId), ':rev': Item.rev, ':next': Item.rev + 1 },
      }));
      return;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException) || attempt >= 20) throw err;
    }
  }
}
