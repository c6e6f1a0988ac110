// The task history is hash-chained (docs/security.md): every entry carries its link, written in the same write as the
// entry; `hub audit verify` (npm run audit:verify) checks a whole table and names the first broken link of a task
// whose history was edited behind the hub's back.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { firstBrokenLink } from '../../services/audit/chain.ts';
import { documentClient } from '../../services/lib/aws.ts';
import { taskKey } from '../../services/state/keys.ts';
import { main } from '../../scripts/hub.ts';
import { admitFoundling, needsEmbedded, readChild, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });

async function auditVerify(): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(['audit', 'verify'], { stdout: (t) => void (out += t), stderr: (t) => void (out += t), env: process.env });
  return { code, out };
}

describe('tamper-evident history', () => {
  it('links every entry as it is written, and audit verify reports the first entry edited behind the hub’s back', async (ctx) => {
    needsEmbedded(ctx, 'edits the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    expect((await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: 'department:medical-insurance', body: {} })).status).toBe(200);
    const history = (await readChild(hub(), childId)).tasks.find((t: any) => t.taskId === taskId).history;
    expect(history.map((h: any) => h.to)).toEqual(['requested', 'dispatched', 'delivered', 'acknowledged']);
    expect(history.every((h: any) => /^[A-Za-z0-9_-]{22}$/.test(h.h))).toBe(true);
    expect(firstBrokenLink(history)).toBeUndefined();

    const clean = await auditVerify();
    expect(clean.out).toMatch(/0 broken chain\(s\)/);
    console.log(`[audit] ${clean.out.trim()}`);

    // Someone with table access rewrites who acknowledged the task.
    await documentClient().send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: taskKey(taskId),
        UpdateExpression: 'SET history[2].#by = :by',
        ExpressionAttributeNames: { '#by': 'by' },
        ExpressionAttributeValues: { ':by': 'department:education' },
      }),
    );
    const tampered = await auditVerify();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`${taskId}: entry 2 `);
    expect(tampered.out).toMatch(/1 broken chain\(s\)/);
  });
});
