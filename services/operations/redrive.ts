// Resuming failed deliveries. The dead-letter queue holds the parked messages; resuming a task sends a fresh
// message from the task's current state (so a correction made meanwhile is what goes out) and the parked
// one is deleted. fauxqs has no StartMessageMoveTask, and a plain move would resend a stale request.
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sendTasks } from '../dispatch/send.ts';
import { sqsClient } from '../lib/aws.ts';
import { ConflictError, NotFoundError } from '../lib/errors.ts';
import { getTask, transitionTask, type TaskItem } from '../state/tasks.ts';

/** failed → dispatched, and onto the queue again. */
export async function resumeTask(taskId: string, by: string, actor: 'staff' | 'system'): Promise<TaskItem> {
  const task = await transitionTask(taskId, { action: 'resume', actor, by, reason: 'delivery resumed' });
  await sendTasks([task]);
  return task;
}

export interface RedriveReport {
  /** Tasks put back on their queue. */
  resumed: string[];
  /** Parked messages whose task had moved on (already resumed, cancelled, …): deleted. */
  dropped: string[];
  /** Messages that are not task envelopes: left in the dead-letter queue for a person to read. */
  unreadable: number;
}

export async function redriveDeadLetters(dlqUrl: string, by = 'system:redrive', maxMessages = 1000): Promise<RedriveReport> {
  const report: RedriveReport = { resumed: [], dropped: [], unreadable: 0 };
  let seen = 0;
  while (seen < maxMessages) {
    const out = await sqsClient().send(
      new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 60 }),
    );
    const messages = out.Messages ?? [];
    if (!messages.length) break;
    seen += messages.length;
    const done: { Id: string; ReceiptHandle: string }[] = [];
    for (const [i, m] of messages.entries()) {
      let taskId: string | undefined;
      try {
        taskId = JSON.parse(m.Body ?? '').taskid;
      } catch {
        // not an envelope
      }
      if (!taskId || !(await getTask(taskId).catch(() => undefined))) {
        report.unreadable++;
        continue;
      }
      try {
        await resumeTask(taskId, by, 'system');
        report.resumed.push(taskId);
      } catch (err) {
        if (!(err instanceof ConflictError) && !(err instanceof NotFoundError)) throw err;
        report.dropped.push(taskId);
      }
      done.push({ Id: String(i), ReceiptHandle: m.ReceiptHandle! });
    }
    if (done.length) await sqsClient().send(new DeleteMessageBatchCommand({ QueueUrl: dlqUrl, Entries: done }));
  }
  return report;
}
