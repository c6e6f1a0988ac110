// supply-information writes the child's corrected facts and the task's transition as one transaction: a refused
// transition (409) leaves the child's facts as they were (docs/decisions/0001-state-table.md).
import { describe, expect, it } from 'vitest';
import { hubMachine } from '../../services/auth/actor.ts';
import { ConflictError } from '../../services/lib/errors.ts';
import { correctChildFactsWrite, getChildCase } from '../../services/state/children.ts';
import { transitionTask } from '../../services/state/transition.ts';
import { admitFoundling, needsEmbedded, readChild, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });

describe('corrections stand or fall with the transition', () => {
  it('a transition its state refuses leaves the child’s facts unchanged', async (ctx) => {
    needsEmbedded(ctx, 'writes the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    const before = (await getChildCase(childId))!;
    const corrections = correctChildFactsWrite(before.child, { idNumber: '11010519491231002X' }, new Date().toISOString())!;
    // The task is delivered, not waiting for information: the supply is refused, and with it the correction.
    await expect(
      transitionTask(taskId, { action: 'supply-information', actor: 'staff', who: hubMachine('test'), with: corrections }),
    ).rejects.toBeInstanceOf(ConflictError);
    const after = (await getChildCase(childId))!;
    expect(after.child.idNumber).toBe(before.child.idNumber);
    expect(after.child.rev).toBe(before.child.rev);
    expect((await readChild(hub(), childId)).tasks.find((t: any) => t.taskId === taskId).status).toBe('delivered');
  });

  it('a child changed meanwhile refuses the transition too: the task stays where it was', async (ctx) => {
    needsEmbedded(ctx, 'writes the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    const stale = { ...(await getChildCase(childId))!.child };
    stale.rev -= 1;
    const corrections = correctChildFactsWrite(stale, { idNumber: '11010519491231002X' }, new Date().toISOString())!;
    await expect(
      transitionTask(taskId, { action: 'acknowledge', actor: 'department', who: { by: 'department:medical-insurance' }, with: corrections }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await readChild(hub(), childId)).tasks.find((t: any) => t.taskId === taskId).status).toBe('delivered');
  });
});
