// A transition's conditional write that DynamoDB refuses answers with the item it found
// (ReturnValuesOnConditionCheckFailure): the retry, the lost-answer check and the 409 come from that item, with no
// read of their own, and the outcome is the one two fresh reads gave (docs/performance.md, "Refused writes").
import { afterEach, describe, expect, it } from 'vitest';
import { firstBrokenLink } from '../../services/audit/chain.ts';
import { hubMachine } from '../../services/auth/actor.ts';
import { documentClient } from '../../services/lib/aws.ts';
import { ConflictError } from '../../services/lib/errors.ts';
import { getTask, markOverdue, type TaskItem } from '../../services/state/tasks.ts';
import { transitionTask } from '../../services/state/transition.ts';
import { departmentView, taskView } from '../../services/state/views.ts';
import { admitFoundling, needsEmbedded, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });
const SPY = 'refusedWritesSpy';
const ACK = { action: 'acknowledge', actor: 'department', who: { by: 'department:medical-insurance' } } as const;

/**
 * Counts this task's consistent reads and refused writes. `before` runs ahead of the first update (another writer
 * getting in between the transition's read and its write); `twice` sends the first update twice (a lost answer).
 */
function spy(taskId: string, opts: { twice?: boolean; before?: () => Promise<unknown> } = {}) {
  const seen = { reads: 0, refused: 0 };
  let first = true;
  const mine = (input: any) => JSON.stringify(input?.Key ?? {}).includes(taskId);
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName;
      if (!mine(args.input)) return next(args);
      if (name === 'GetItemCommand') seen.reads++;
      try {
        if (name === 'UpdateItemCommand' && first) {
          first = false;
          await opts.before?.();
          // Applied; its answer is "lost", and the SDK's retry is what the hub sees.
          if (opts.twice) await next(args);
        }
        return await next(args);
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') seen.refused++;
        throw err;
      }
    },
    { step: 'initialize', name: SPY },
  );
  return seen;
}

afterEach(() => {
  documentClient().middlewareStack.remove(SPY);
});

describe('a refused transition write brings back the task', () => {
  it('a concurrent change is retried from the refused item: one read, one entry, the chain holds', async (ctx) => {
    needsEmbedded(ctx, 'writes the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    let read: TaskItem | undefined;
    // Between the read and the write the overdue sweep marks the task: the write's revision no longer holds.
    const seen = spy(taskId, { before: async () => expect(await markOverdue(read!, new Date())).toBe(true) });
    let guarded = 0;
    const moved = await transitionTask(taskId, {
      ...ACK,
      guard: (t) => {
        guarded++;
        read ??= t;
      },
    });
    expect(guarded).toBe(2);
    expect(seen).toEqual({ reads: 1, refused: 1 });
    const stored = (await getTask(taskId))!;
    // The answer is the stored task, and it kept the sweep's change: the retry started from the item as it was.
    expect(moved).toEqual(stored);
    expect(stored.overdue).toBe(true);
    expect(stored.status).toBe('acknowledged');
    expect(stored.history.filter((h) => h.to === 'acknowledged')).toHaveLength(1);
    expect(firstBrokenLink(stored.history)).toBeUndefined();
    // The write's id is bookkeeping: no view shows it.
    expect(stored.lastWrite).toEqual(expect.any(String));
    expect(taskView(stored)).not.toHaveProperty('lastWrite');
    expect(departmentView(stored)).not.toHaveProperty('lastWrite');
  });

  it('a change the retry may not follow is the read path’s 409, from the refused item, and nothing more is written', async (ctx) => {
    needsEmbedded(ctx, 'writes the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    // The hub cancels the task (a prerequisite was rejected) between the acknowledgement's read and its write.
    const seen = spy(taskId, {
      before: () => transitionTask(taskId, { action: 'cancel', actor: 'system', who: hubMachine('test'), reason: 'prerequisite rejected' }),
    });
    const err = await transitionTask(taskId, ACK).catch((e: Error) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toBe(
      `task ${taskId}: cannot acknowledge a task that is cancelled: the task is closed (cancelled); nothing more can be done on it`,
    );
    // Two reads: the acknowledgement's first and the cancel's own. The refusal and the 409 cost none.
    expect(seen).toEqual({ reads: 2, refused: 1 });
    const stored = (await getTask(taskId))!;
    expect(stored.status).toBe('cancelled');
    expect(stored.history.at(-1)).toMatchObject({ from: 'delivered', to: 'cancelled', reason: 'prerequisite rejected' });
    expect(stored.history.some((h) => h.to === 'acknowledged')).toBe(false);
  });

  it('a write applied whose answer was lost is recognised in the refused item: no second entry, no read', async (ctx) => {
    needsEmbedded(ctx, 'writes the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    const before = (await getTask(taskId))!;
    const seen = spy(taskId, { twice: true });
    const moved = await transitionTask(taskId, ACK);
    expect(seen).toEqual({ reads: 1, refused: 1 });
    const stored = (await getTask(taskId))!;
    expect(moved).toEqual(stored);
    expect(stored.rev).toBe(before.rev + 1);
    expect(stored.history).toHaveLength(before.history.length + 1);
    expect(firstBrokenLink(stored.history)).toBeUndefined();
  });
});
