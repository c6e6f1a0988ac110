// Hands written tasks to their departments' queues, ten to a request. A failed send loses nothing: the task
// is already written as dispatched and the re-dispatch sweep sends it again.
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import type { TaskView } from '../../contracts/api/views.ts';
import { sqsClient } from '../lib/aws.ts';
import { getJsonFromEnv } from '../lib/env.ts';
import { logger } from '../lib/logger.ts';
import { taskEnvelope } from './envelope.ts';
import { clock } from '../lib/clock.ts';

/** QUEUE_URLS: department code → its queue's URL. */
const QueueUrls = z.record(z.string(), z.url());

let queueUrls: Record<string, string> | undefined;
export const queueUrlOf = (department: string): string => {
  if (!queueUrls) {
    const parsed = QueueUrls.safeParse(getJsonFromEnv('QUEUE_URLS'));
    if (!parsed.success) throw new Error(`Environment variable QUEUE_URLS must map department codes to queue URLs: ${z.prettifyError(parsed.error)}`);
    queueUrls = parsed.data;
  }
  const url = queueUrls[department];
  if (!url) throw new Error(`no queue URL for department ${department} in QUEUE_URLS`);
  return url;
};

/** Sends each task's envelope; returns the ids that could not be sent (they stay for the sweep). */
export async function sendTasks(tasks: TaskView[], now = clock.now()): Promise<string[]> {
  const byDepartment = new Map<string, TaskView[]>();
  for (const t of tasks) byDepartment.set(t.department, [...(byDepartment.get(t.department) ?? []), t]);
  const unsent: string[] = [];
  for (const [department, group] of byDepartment) {
    for (let i = 0; i < group.length; i += 10) {
      const chunk = group.slice(i, i + 10);
      try {
        const out = await sqsClient().send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrlOf(department),
            Entries: chunk.map((t, n) => ({
              Id: String(n),
              MessageBody: JSON.stringify(taskEnvelope(t, now.toISOString())),
            })),
          }),
        );
        for (const f of out.Failed ?? []) unsent.push(chunk[Number(f.Id)]!.taskId);
      } catch (err) {
        unsent.push(...chunk.map((t) => t.taskId));
        logger.error('send to department queue failed; the re-dispatch sweep will retry', {
          department,
          taskIds: chunk.map((t) => t.taskId),
          error: (err as Error).name,
        });
      }
    }
  }
  return unsent;
}
