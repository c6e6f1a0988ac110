// A child's clocks through the whole hub, on the hub's clock (services/lib/clock.ts): a child admitted at 4 gets its
// school placement opened once, in the June before the school year in which it turns 6, whatever the number of sweeps
// and restarts (decision 14). The education simulator completes it.
import { describe, expect, it } from 'vitest';
import { schoolPlacementV1 } from '../../contracts/education/index.ts';
import { clock } from '../../services/lib/clock.ts';
import { admission, eventually, isDeployed, NANNING, readChild, type TestHub, useRestartableHub } from '../helpers/hub.ts';

const STAFF = `staff:${NANNING}`;
const { start } = useRestartableHub('clocks');
let hub: TestHub;
const at = (iso: string) => clock.set(iso);

describe.skipIf(isDeployed())('children’s clocks', () => {
  it('[scenario] a child admitted at 4 has its school placement opened once, in the June before it turns 6, across sweeps and a restart', async () => {
    hub = await start();
    at('2027-05-01T09:00:00+08:00');
    const admitted = await hub.call('POST', '/v1/children', {
      as: STAFF,
      body: admission({ birthDate: '2023-03-10', admittedOn: '2027-05-01' }),
    });
    expect([admitted.status, admitted.body.tasks]).toEqual([201, []]);
    const childId: string = admitted.body.childId;

    const page = await readChild(hub, childId);
    expect(page.clocks).toEqual([
      expect.objectContaining({ rule: schoolPlacementV1.type, eventOn: '2029-09-01', opensOn: '2029-06-01', state: 'upcoming' }),
      expect.objectContaining({ rule: 'human-resources.employment-support', event: 'age-16', eventOn: '2039-03-10', closesOn: '2040-03-10', state: 'upcoming' }),
      expect.objectContaining({ rule: 'coming-of-age', eventOn: '2041-03-10', opensOn: '2040-09-10', state: 'upcoming' }),
    ]);

    // A year on, and the day before the June: nothing yet.
    at('2028-06-01T09:00:00+08:00');
    expect((await hub.sweepClocks()).opened).toEqual([]);
    at('2029-05-31T23:50:00+08:00');
    expect((await hub.sweepClocks()).opened).toEqual([]);

    at('2029-06-01T00:30:00+08:00');
    const { opened } = await hub.sweepClocks();
    expect(opened.map((t) => t.type)).toEqual([schoolPlacementV1.type]);
    const taskId = opened[0]!.taskId;
    expect((await hub.sweepClocks()).opened).toEqual([]);

    const placed = await eventually(async () => {
      const t = (await readChild(hub, childId)).tasks.find((x: any) => x.taskId === taskId);
      return t?.status === 'completed' ? t : undefined;
    }, 20_000, 'the school placement completed');
    expect(placed.history[0]).toMatchObject({ to: 'requested', by: 'system:clock', reason: 'opened by the school-age clock (2029-09-01, 二(五))' });
    expect(placed.deadline).toBe('2029-06-15T23:59:59+08:00');
    expect(placed.result.startDate).toMatch(/^2029-06-0/);
    const after = await readChild(hub, childId);
    expect(after.child).toMatchObject({ inSchool: true, schoolName: expect.any(String) });
    expect(after.clocks[0]).toMatchObject({ rule: schoolPlacementV1.type, state: 'opened', openedOn: '2029-06-01', taskId });

    // The school year starts, the hub restarts on the same table: the clock has struck, nothing opens again.
    at('2029-09-02T08:00:00+08:00');
    expect((await hub.sweepClocks()).opened).toEqual([]);
    hub = await start();
    expect(await hub.sweepClocks()).toMatchObject({ opened: [], covered: 0 });
    const final = await readChild(hub, childId);
    expect(final.tasks.filter((t: any) => t.type === schoolPlacementV1.type)).toHaveLength(1);
  });

  it('a clock finds the task already opened this time round (by hand) and opens nothing beside it', async () => {
    hub ??= await start();
    at('2029-06-20T09:00:00+08:00');
    const { body } = await hub.call('POST', '/v1/children', { as: STAFF, body: admission({ birthDate: '2024-02-01', admittedOn: '2029-06-20' }) });
    at('2030-05-15T09:00:00+08:00');
    const byHand = await hub.call('POST', `/v1/children/${body.childId}/tasks`, { as: STAFF, body: { type: schoolPlacementV1.type } });
    expect(byHand.status).toBe(201);
    at('2030-06-01T09:00:00+08:00');
    const swept = await hub.sweepClocks();
    expect(swept.opened.filter((t) => t.taskId.startsWith(body.childId))).toEqual([]);
    const page = await readChild(hub, body.childId);
    expect(page.clocks.find((c: any) => c.rule === schoolPlacementV1.type)).toMatchObject({ state: 'covered', taskId: byHand.body.taskId });
    expect(page.tasks.filter((t: any) => t.type === schoolPlacementV1.type)).toHaveLength(1);
  });
});
