// The discharge of 二(六) at the moment the placement plan's last task ends, for a young person already 18: through the
// partner API (the simulators complete the tasks) with no sweep run; through the staff API when the plan needs no
// task. A failed follow-on write loses nothing: the department's completion stands and the clock sweep discharges.
import { afterEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../services/lib/aws.ts';
import { clock } from '../../services/lib/clock.ts';
import { admission, eventually, isDeployed, NANNING, readChild, useHub, type TestHub } from '../helpers/hub.ts';

const STAFF = `staff:${NANNING}`;
const hub = useHub();

afterEach(() => clock.set());

const place = { countyCode: '450103', address: '南宁市青秀区新竹街道竹溪社区', villageOrCommunity: '竹溪社区' };
const withTasks = {
  assessedOn: '2027-09-02',
  labourCapacity: 'full',
  selfCareCapacity: 'full',
  wishes: ['work'],
  studying: false,
  category: 'community',
  place,
  needsHousing: true,
};

/** A young person whose coming-of-age case the sweep opened, assessed the day after the 18th birthday. */
async function comingOfAge(h: TestHub, facts: Record<string, unknown> = {}): Promise<string> {
  clock.set('2027-03-01T09:00:00+08:00');
  const admitted = await h.call('POST', '/v1/children', { as: STAFF, body: admission({ gender: 'male', birthDate: '2009-09-01', admittedOn: '2027-03-01', ...facts }) });
  expect(admitted.status).toBe(201);
  await h.sweepClocks();
  clock.set('2027-09-02T10:00:00+08:00');
  return admitted.body.childId;
}

/** Fails every discharge transaction (the one that closes a case) while armed, as a DynamoDB outage would. */
function failDischarges() {
  const name = 'failDischarges';
  let failed = 0;
  documentClient().middlewareStack.add(
    (next, context: { commandName?: string }) => async (args: any) => {
      // Matched on the serialised input: the marshalled or the plain form, whichever this step sees.
      const closes = /TransactWrite/.test(context.commandName ?? '') && JSON.stringify(args.input).includes('"discharged"');
      if (closes) {
        failed++;
        throw Object.assign(new Error('injected outage'), { name: 'InternalServerError' });
      }
      return next(args);
    },
    { step: 'initialize', name, override: true },
  );
  return { failed: () => failed, remove: () => void documentClient().middlewareStack.remove(name) };
}

/** No hukou to move: the police refuse the admission's registration, so the plan opens no hukou task. */
async function withoutHukou(h: TestHub): Promise<string> {
  h.simulators!.setMode('public-security', 'refuse');
  try {
    const childId = await comingOfAge(h, { hukouRegistered: false });
    await eventually(async () => {
      const police = (await readChild(h, childId)).tasks.filter((t: any) => t.department === 'public-security');
      return police.length && police.every((t: any) => t.status === 'failed') ? true : undefined;
    }, 20_000, 'the registration refused');
    return childId;
  } finally {
    h.simulators!.setMode('public-security', 'normal');
  }
}

const planEnded = (h: TestHub, childId: string, taskIds: string[]) =>
  eventually(async () => {
    const page = await readChild(h, childId);
    const mine = page.tasks.filter((t: any) => taskIds.includes(t.taskId));
    return mine.length === taskIds.length && mine.every((t: any) => t.status === 'completed') ? page : undefined;
  }, 30_000, 'the plan’s tasks completed');

describe.skipIf(isDeployed())('discharge when the plan ends', () => {
  it('the last plan task completed through the partner API discharges an 18-year-old at once, no sweep', async () => {
    const childId = await comingOfAge(hub());
    const assessed = await hub().call('POST', `/v1/children/${childId}/capability-assessment`, { as: STAFF, body: withTasks });
    expect(assessed.status).toBe(201);
    const ids: string[] = assessed.body.tasks.map((t: any) => t.taskId);
    expect(ids.length).toBeGreaterThan(1);
    const page = await eventually(async () => {
      const p = await readChild(hub(), childId);
      return p.comingOfAge.status === 'discharged' ? p : undefined;
    }, 30_000, 'discharged');
    expect(page.comingOfAge).toMatchObject({ dischargedOn: '2027-09-02' });
    expect(page.comingOfAge.history.map((h: any) => h.step)).toEqual(['opened', 'assessed', 'discharged']);
    expect(page.tasks.filter((t: any) => ids.includes(t.taskId)).every((t: any) => t.status === 'completed')).toBe(true);
    expect(await hub().sweepClocks()).toMatchObject({ discharged: 0 });
  }, 60_000);

  it('a plan that needs no task: the staff API’s assessment discharges an 18-year-old in its answer', async () => {
    const childId = await withoutHukou(hub());
    const none = { ...withTasks, wishes: [], needsHousing: false };
    const assessed = await hub().call('POST', `/v1/children/${childId}/capability-assessment`, { as: STAFF, body: none });
    expect(assessed.status).toBe(201);
    expect(assessed.body.tasks).toEqual([]);
    expect(assessed.body.comingOfAge).toMatchObject({ status: 'discharged', dischargedOn: '2027-09-02' });
    expect((await readChild(hub(), childId)).comingOfAge.status).toBe('discharged');
  }, 60_000);

  it('a failed discharge write after the last task leaves the completion standing and the sweep discharges', async () => {
    // One plan task, so one follow-on: the one the outage fails (with several, two ending together may both try).
    const childId = await withoutHukou(hub());
    const outage = failDischarges();
    try {
      const assessed = await hub().call('POST', `/v1/children/${childId}/capability-assessment`, { as: STAFF, body: { ...withTasks, needsHousing: false } });
      expect(assessed.status).toBe(201);
      expect(assessed.body.tasks.map((t: any) => t.type)).toEqual(['human-resources.employment-support']);
      const page = await planEnded(hub(), childId, assessed.body.tasks.map((t: any) => t.taskId));
      // The follow-on was tried (at the last completion) and failed; the department's answers stand.
      await eventually(async () => (outage.failed() > 0 ? true : undefined), 10_000, 'the discharge tried');
      expect(page.comingOfAge.status).toBe('placing');
    } finally {
      outage.remove();
    }
    expect((await readChild(hub(), childId)).comingOfAge.status).toBe('placing');
    const swept = await hub().sweepClocks();
    expect(swept.discharged, JSON.stringify({ ...swept, opened: swept.opened.map((t) => t.type) })).toBe(1);
    expect((await readChild(hub(), childId)).comingOfAge).toMatchObject({ status: 'discharged', dischargedOn: '2027-09-02' });
  }, 60_000);
});
