// `hub redrive`: resuming the failed deliveries a dead-letter queue holds. Each parked task is resumed (a fresh
// message from its current state, services/dispatch/resume.ts) and the parked message is
// deleted: fauxqs has no StartMessageMoveTask, and a plain move would resend a stale request.
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { hubMachine, type Who } from '../../services/auth/actor.ts';
import { resumeTask } from '../../services/dispatch/resume.ts';
import { sqsClient } from '../../services/lib/aws.ts';
import { ConflictError, NotFoundError } from '../../services/lib/errors.ts';
import { getTask } from '../../services/state/tasks.ts';

export interface RedriveReport {
  /** Tasks put back on their queue. */
  resumed: string[];
  /** Parked messages whose task had moved on (already resumed, cancelled, …): deleted. */
  dropped: string[];
  /** Messages that are not task envelopes: left in the dead-letter queue for a person to read. */
  unreadable: number;
}

/** `onMessage` is called once per parked message handled (a progress bar's tick). */
export async function redriveDeadLetters(
  dlqUrl: string,
  by: Who = hubMachine('redrive'),
  maxMessages = 1000,
  onMessage: () => void = () => {},
): Promise<RedriveReport> {
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
    for (const _ of messages) onMessage();
    if (done.length) await sqsClient().send(new DeleteMessageBatchCommand({ QueueUrl: dlqUrl, Entries: done }));
  }
  return report;
}
