// The state table's second layout (docs/decisions/0017-state-table-v2.md): a transition inside a task's open half
// updates its inbox entries in place (one unit on each index, the key unchanged); closing moves them once; a task
// written with the first layout's key is moved by `hub migrate` and found by the inbox again.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { countCalls } from '../../scripts/bench/counters.ts';
import { documentClient } from '../../services/lib/aws.ts';
import { taskKey } from '../../services/state/keys.ts';
import { allInbox, queryInbox } from '../../services/state/queries.ts';
import { main } from '../../scripts/hub.ts';
import { admitFoundling, needsEmbedded, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });
const MI = 'department:medical-insurance';
const result = { insuredBefore: false, enrollmentNumber: 'YB-450100-0002', enrolledOn: '2026-11-21', benefitStartDate: '2026-11-21', contributionSubsidised: true };
const stored = async (taskId: string) => (await documentClient().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: taskKey(taskId), ConsistentRead: true }))).Item!;

describe('state table layout 2', () => {
  it('updates the inbox entries in place while a task is open, and moves them once when it closes', async (ctx) => {
    needsEmbedded(ctx, 'reads the table’s keys and consumed capacity');
    // moto (the CI's AWS_ENDPOINT_URL) reports no consumed capacity: there the keys are checked, the units are not.
    const unitsReported = !process.env.AWS_ENDPOINT_URL;
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    const key = (await stored(taskId)).gsi1sk as string;
    expect(key).toMatch(/^open#/);
    const calls = countCalls();
    calls.reset();
    expect((await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: MI, body: {} })).status).toBe(200);
    if (unitsReported) expect(calls.snapshot().writeUnitsByIndex).toEqual({ inbox: 1, bureau: 1 });
    expect((await stored(taskId)).gsi1sk).toBe(key);
    calls.reset();
    expect((await hub().call('POST', `/v1/tasks/${taskId}/complete`, { as: MI, body: { result } })).status).toBe(200);
    // A delete and a put on each index: the entry leaves the open half for the closed one.
    if (unitsReported) expect(calls.snapshot().writeUnitsByIndex).toEqual({ inbox: 2, bureau: 2 });
    expect((await stored(taskId)).gsi1sk).toBe(key.replace(/^open#/, 'closed#'));
    const completed = await queryInbox({ department: 'medical-insurance', status: 'completed' });
    expect(completed.items.map((t) => t.taskId)).toContain(taskId);
    expect((await allInbox('medical-insurance', 'open')).map((t) => t.taskId)).not.toContain(taskId);
  });

  it('moves a task written with the first layout’s key, keeping its revision, so the inbox finds it again', async (ctx) => {
    needsEmbedded(ctx, 'writes the table directly');
    const { childId, taskId } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    const item = await stored(taskId);
    await documentClient().send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { ...item, gsi1sk: `delivered#${item.deadline}#${taskId}` } }));
    expect((await allInbox('medical-insurance', 'delivered')).map((t) => t.taskId)).not.toContain(taskId);
    const migrate = async () => {
      let out = '';
      const code = await main(['migrate'], { stdout: (t) => void (out += t), stderr: (t) => void (out += t), env: process.env });
      expect(code).toBe(0);
      return Number(/migrate: (\d+) task/.exec(out)?.[1]);
    };
    expect(await migrate()).toBeGreaterThanOrEqual(1);
    const moved = await stored(taskId);
    expect(moved.gsi1sk).toBe(`open#${item.deadline}#${taskId}`);
    expect(moved.rev).toBe(item.rev);
    expect((await allInbox('medical-insurance', 'delivered')).map((t) => t.taskId)).toContain(taskId);
    expect(await migrate()).toBe(0);
  });

  it('hub migrate names a table that does not exist in one line, exit 1', async () => {
    const table = process.env.TABLE_NAME;
    let err = '';
    let code: number;
    try {
      code = await main(['migrate', '--table', 'no-such-table'], { stdout: () => {}, stderr: (t) => void (err += t), env: process.env });
    } finally {
      process.env.TABLE_NAME = table; // the command sets it for the state layer, as a Lambda's environment would
    }
    expect(code).toBe(1);
    expect(err).toMatch(/^hub: ResourceNotFoundException: .+\n$/);
  });

  it('hub migrate and audit verify take the table of an explicit --prefix over TABLE_NAME in the environment', async () => {
    const table = process.env.TABLE_NAME;
    expect(table).toBeTruthy();
    const said: string[] = [];
    let codes: number[];
    try {
      // TABLE_NAME names this hub's table, which exists; the prefix names one that does not: the prefix is used.
      codes = [
        await main(['migrate', '--prefix', 'no-such-'], { stdout: () => {}, stderr: (t) => void said.push(t), env: process.env }),
        await main(['audit', 'verify', '--prefix', 'no-such-'], { stdout: () => {}, stderr: (t) => void said.push(t), env: process.env }),
      ];
    } finally {
      process.env.TABLE_NAME = table;
    }
    expect(codes).toEqual([1, 1]);
    expect(said).toEqual([expect.stringMatching(/^hub: ResourceNotFoundException: /), expect.stringMatching(/^hub: ResourceNotFoundException: /)]);
  });
});
