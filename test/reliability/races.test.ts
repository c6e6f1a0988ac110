// Scenario 7 of docs/reliability.md: two principals racing on the same task. Every task type of every department,
// delivered to its inbox (no simulator), then raced: complete against reject, complete twice, and the overdue sweep
// against the department's acknowledgement and completion. Exactly one of two rival moves wins, the loser is told
// 409 and changes nothing, and the sweep never costs a transition.
import './quiet.ts';
import { describe, expect, it } from 'vitest';
import { loadSimulator } from '../../scripts/departments/modules.ts';
import { settle } from '../../scripts/reliability/scenario.ts';
import { allTasks } from '../../scripts/reliability/verdict.ts';
import { openRounds } from '../../scripts/reliability/workload.ts';
import { useHub } from '../helpers/hub.ts';
import { ROUNDS, SCENARIO_TIMEOUT_MS, SETTLE_MS } from './helpers.ts';

const hub = useHub({ simulators: false });
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('two principals racing on one task', () => {
  it('7: one winner per race, one completion per task, the sweep never in the way', async () => {
    const h = hub();
    const since = new Date().toISOString();
    const opened = await openRounds(h.call, ROUNDS, { sweepClocks: () => h.sweepClocks() });
    // Pull departments: the adapter records each task delivered to its inbox.
    await settle(h, SETTLE_MS, (t) => t.status !== 'dispatched');
    const delivered = (await allTasks(h.provisioned.tableName)).filter((t) => t.createdAt >= since);
    expect(delivered.every((t) => t.status === 'delivered')).toBe(true);

    const as = (t: { department: string }) => `department:${t.department}`;
    const resultOf = async (t: (typeof delivered)[number]) => (await loadSimulator(t.department))!.results[t.type]!(t.request, today);
    // A reset connection on a loaded machine (a kept-alive socket the server closed) is the client's to retry.
    const post = (t: (typeof delivered)[number], action: string, body: unknown) => {
      const once = () => h.call('POST', `/v1/tasks/${t.taskId}/${action}`, { as: as(t), body }).then((r) => r.status);
      return once().catch(once);
    };
    const races = { 'complete/reject': 0, 'complete/complete': 0, 'sweep/transition': 0 };
    let bothWon = 0;
    let noneWon = 0;
    let sweepCost = 0;
    await Promise.all(
      delivered.map(async (t, i) => {
        const result = await resultOf(t);
        if (i % 3 === 2) {
          races['sweep/transition']++;
          // A year on, every open task is overdue: the sweep writes the flag while the department moves the task.
          const [, ack] = await Promise.all([h.flagOverdue(new Date(Date.now() + 365 * 86400_000)), post(t, 'acknowledge', {})]);
          const done = await post(t, 'complete', { result });
          if (ack !== 200 || done !== 200) sweepCost++;
          return;
        }
        expect(await post(t, 'acknowledge', {})).toBe(200);
        const rival = i % 3 === 0 ? post(t, 'reject', { reason: '材料不全，退回' }) : post(t, 'complete', { result });
        races[i % 3 === 0 ? 'complete/reject' : 'complete/complete']++;
        const statuses = (await Promise.all([post(t, 'complete', { result }), rival])).sort();
        if (statuses[0] === 200 && statuses[1] === 200) bothWon++;
        else if (!statuses.includes(200)) noneWon++;
        else expect(statuses).toEqual([200, 409]);
      }),
    );
    const after = (await allTasks(h.provisioned.tableName)).filter((t) => t.createdAt >= since);
    const closings = after.map((t) => t.history.filter((e) => e.to === 'completed' || e.to === 'rejected').length);
    const open = after.filter((t) => t.status !== 'completed' && t.status !== 'rejected').length;
    console.log(
      `[reliability] 7 races: opened ${opened.length}, tasks ${after.length}, ${Object.entries(races).map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
        `both won ${bothWon}, none won ${noneWon}, closed twice ${closings.filter((n) => n > 1).length}, transitions lost to the sweep ${sweepCost}, lost ${open}`,
    );
    expect({ bothWon, noneWon, sweepCost, open }).toEqual({ bothWon: 0, noneWon: 0, sweepCost: 0, open: 0 });
    expect(closings.every((n) => n === 1)).toBe(true);
  }, SCENARIO_TIMEOUT_MS);
});
