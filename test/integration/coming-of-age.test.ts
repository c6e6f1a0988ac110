// Coming of age (二(六)) through the whole hub, on the hub's clock: a child admitted at 17½ reaches the capability
// assessment, the plan opens tasks in five departments (the hukou's move among them), their simulators complete them,
// and on the 18th birthday the young person is discharged with the placement recorded; nothing opens twice, across
// sweeps and a restart.
import { describe, expect, it } from 'vitest';
import { clock } from '../../services/lib/clock.ts';
import { admission, eventually, isDeployed, NANNING, readChild, type TestHub, useRestartableHub } from '../helpers/hub.ts';

const STAFF = `staff:${NANNING}`;
const { start } = useRestartableHub('coming-of-age');
let hub: TestHub;

const assessment = {
  assessedOn: '2027-03-05',
  labourCapacity: 'full',
  selfCareCapacity: 'full',
  wishes: ['technical-school', 'work', 'enlistment'],
  studying: true,
  category: 'community',
  place: { countyCode: '450103', address: '南宁市青秀区新竹街道竹溪社区', villageOrCommunity: '竹溪社区' },
  needsHousing: true,
};

describe.skipIf(isDeployed())('coming of age', () => {
  it('[scenario] admitted at 17½: assessment, a plan in five departments, completed, discharged on the 18th birthday, once', async () => {
    hub = await start();
    clock.set('2027-03-01T09:00:00+08:00');
    const admitted = await hub.call('POST', '/v1/children', {
      as: STAFF,
      body: admission({ gender: 'male', birthDate: '2009-09-01', admittedOn: '2027-03-01', inSchool: true, schoolName: '南宁市第三中学' }),
    });
    expect(admitted.status).toBe(201);
    const childId: string = admitted.body.childId;

    // Too early by hand: no case yet. The sweep opens it (six months before 2027-09-01), once.
    expect((await readChild(hub, childId)).clocks.find((c: any) => c.rule === 'coming-of-age')).toMatchObject({ state: 'due', opensOn: '2027-03-01' });
    expect(await hub.sweepClocks()).toMatchObject({ comingOfAge: 1 });
    expect(await hub.sweepClocks()).toMatchObject({ comingOfAge: 0, opened: [] });
    expect((await readChild(hub, childId)).comingOfAge).toMatchObject({ status: 'assessment-due', comesOfAgeOn: '2027-09-01' });

    // A wrong category for the capacities is a 400 naming it, and changes nothing.
    clock.set('2027-03-05T10:00:00+08:00');
    const wrong = await hub.call('POST', `/v1/children/${childId}/capability-assessment`, { as: STAFF, body: { ...assessment, category: 'special-hardship' } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('category');

    const assessed = await hub.call('POST', `/v1/children/${childId}/capability-assessment`, { as: STAFF, body: assessment });
    expect(assessed.status).toBe(201);
    const planned: { taskId: string; type: string; department: string }[] = assessed.body.tasks;
    expect(planned.map((t) => t.department).sort()).toEqual(['conscription', 'education', 'housing', 'human-resources', 'public-security']);
    const again = await hub.call('POST', `/v1/children/${childId}/capability-assessment`, { as: STAFF, body: assessment });
    expect(again.status).toBe(409);

    const done = await eventually(async () => {
      const page = await readChild(hub, childId);
      const mine = page.tasks.filter((t: any) => planned.some((p) => p.taskId === t.taskId));
      return mine.every((t: any) => t.status === 'completed') ? page : undefined;
    }, 30_000, 'the plan’s tasks completed');
    expect(done.comingOfAge.status).toBe('placing');
    // Before the birthday the young person stays in care.
    expect(await hub.sweepClocks()).toMatchObject({ discharged: 0 });

    clock.set('2027-09-01T00:30:00+08:00');
    expect(await hub.sweepClocks()).toMatchObject({ discharged: 1, opened: [], comingOfAge: 0 });
    expect(await hub.sweepClocks()).toMatchObject({ discharged: 0, opened: [], comingOfAge: 0 });
    hub = await start();
    expect(await hub.sweepClocks()).toMatchObject({ discharged: 0, opened: [], comingOfAge: 0, covered: 0 });

    const final = await readChild(hub, childId);
    expect(final.comingOfAge).toMatchObject({ status: 'discharged', dischargedOn: '2027-09-01' });
    expect(final.comingOfAge.history.map((h: any) => h.step)).toEqual(['opened', 'assessed', 'discharged']);
    expect(final.comingOfAge.history[1]).toMatchObject({ by: STAFF });
    expect(final.tasks).toHaveLength(planned.length + admitted.body.tasks.length);
    // The hukou left the institution's collective household for the community of placement.
    const hukou = final.tasks.find((t: any) => t.type === 'public-security.placement-hukou');
    expect(hukou).toMatchObject({ status: 'completed', request: { toAddress: assessment.place.address, villageOrCommunity: '竹溪社区' } });
    expect(hukou.result.newHukouAddress).toBe(assessment.place.address);
    // Left care: its clocks have stopped, and it is off the institution's list.
    expect(final.clocks.filter((c: any) => c.state === 'upcoming' || c.state === 'due')).toEqual([]);
    const listed = await hub.call('GET', `/v1/institutions/${NANNING}/children`, { as: STAFF });
    expect(JSON.stringify(listed.body)).not.toContain(childId);
  });
});
