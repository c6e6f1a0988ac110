// Resuming a task whose delivery failed: back to `dispatched`, and a fresh message from its current state, so a
// correction made meanwhile is what goes out (a parked message would resend a stale request). Staff do it through
// the API; `hub redrive` (scripts/operations/) for every task a dead-letter queue holds.
import type { Who } from '../auth/actor.ts';
import type { TaskItem } from '../state/tasks.ts';
import { transitionTask } from '../state/transition.ts';
import { sendTasks } from './send.ts';

/** failed → dispatched, and onto the queue again. */
export async function resumeTask(taskId: string, who: Who, actor: 'staff' | 'system'): Promise<TaskItem> {
  const task = await transitionTask(taskId, { action: 'resume', actor, who, reason: 'delivery resumed' });
  await sendTasks([task]);
  return task;
}
