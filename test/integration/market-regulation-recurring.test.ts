// market-regulation's food-safety inspection (四(二), 二(九)) as an institution duty recurring on its schedule, on the
// hub's clock: opened once per period, whether the sweep runs again, runs twice at once, or runs after a restart.
import { describe, expect, it } from 'vitest';
import { foodSafetyInspectionV1 } from '../../contracts/market-regulation/index.ts';
import { clock } from '../../services/lib/clock.ts';
import { eventually, isDeployed, type TestHub, useRestartableHub } from '../helpers/hub.ts';

const INSTITUTION = 'CWI-450500'; // 北海
const STAFF = `staff:${INSTITUTION}`;
const { start } = useRestartableHub('food-safety');
let hub: TestHub;

const institution = async () => (await hub.call('GET', `/v1/institutions/${INSTITUTION}`, { as: STAFF })).body;
const inspections = async () => (await institution()).tasks.filter((t: any) => t.type === foodSafetyInspectionV1.type);
const allCompleted = (count: number) =>
  eventually(async () => {
    const mine = await inspections();
    return mine.length === count && mine.every((t: any) => t.status === 'completed') ? mine : undefined;
  }, 20_000, `${count} inspections completed`);

describe.skipIf(isDeployed())('market regulation: the food-safety inspection recurs', () => {
  it('[scenario] every six months, once per period, across repeated sweeps, two at once and a restart', async () => {
    hub = await start();
    clock.set('2027-01-04T09:00:00+08:00');
    const opened = await hub.call('POST', `/v1/institutions/${INSTITUTION}/tasks`, {
      as: STAFF,
      body: { type: foodSafetyInspectionV1.type, input: { inspectionKind: 'periodic' }, recurEveryMonths: 6 },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.recurs).toMatchObject({ everyMonths: 6 });
    await allCompleted(1);
    expect((await institution()).schedules).toEqual([
      { type: foodSafetyInspectionV1.type, everyMonths: 6, nextDueOn: '2027-07-04', input: { inspectionKind: 'periodic' } },
    ]);
    // Not due before its day.
    clock.set('2027-07-03T09:00:00+08:00');
    expect(await hub.openRecurring()).toEqual([]);

    // Due: two sweeps at once open it once, a third opens nothing.
    clock.set('2027-07-05T09:00:00+08:00');
    const both = await Promise.all([hub.openRecurring(), hub.openRecurring()]);
    expect(both.flat().map((t) => t.type)).toEqual([foodSafetyInspectionV1.type]);
    expect(await hub.openRecurring()).toEqual([]);
    await allCompleted(2);
    expect((await institution()).schedules[0]).toMatchObject({ nextDueOn: '2028-01-05' });

    // A restart (the runtime's periodic sweep runs on its own timer, the test's runs by hand): nothing more this period.
    hub = await start();
    expect(await hub.openRecurring()).toEqual([]);
    expect(await inspections()).toHaveLength(2);

    // The next period opens the next one, once, with what the schedule holds.
    clock.set('2028-01-06T09:00:00+08:00');
    const next = await hub.openRecurring();
    expect(next.map((t) => t.type)).toEqual([foodSafetyInspectionV1.type]);
    expect(await hub.openRecurring()).toEqual([]);
    const done = await allCompleted(3);
    expect(done.map((t: any) => t.request.inspectionKind)).toEqual(['periodic', 'periodic', 'periodic']);
  }, 90_000);
});
