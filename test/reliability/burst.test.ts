// The per-department protection of docs/reliability.md: a burst to one department never has more pushes in flight
// there than the adapter's concurrency cap allows, the same cap the stack gives the event source, and never more
// pushes in any one second than the department's rate (docs/decisions/0021-department-rates.md).
import './quiet.ts';
import { describe, expect, it } from 'vitest';
import { configs } from '../../infra/config.ts';
import { LOCAL_ADAPTER_CONCURRENCY } from '../../scripts/local/departments.ts';
import { burstLine, mostWithin, runBurst } from '../../scripts/reliability/burst.ts';
import { delivery } from '../../services/topology.ts';
import { useHub } from '../helpers/hub.ts';

const COUNT = Number(process.env.HUB_RELIABILITY_BURST) || 100;
const hub = useHub({ simulatorDelayMs: 20, visibilityTimeoutSeconds: 5 });

describe('a burst to one department', () => {
  it('is the local deployment cap the local runtime applies, and its rates the topology\'s', () => {
    expect(LOCAL_ADAPTER_CONCURRENCY).toBe(configs.local.adapterMaxConcurrency);
    expect(configs.local.departmentRates ?? {}).toEqual({});
  });

  it('counts pushes within a sliding second, not per calendar second', () => {
    // Two in the last 200 ms of one second and two in the first 200 ms of the next: four within one second.
    expect(mostWithin([800, 900, 1100, 1150])).toBe(4);
    expect(mostWithin([0, 999, 1999])).toBe(2);
    expect(mostWithin([0, 1000, 2000])).toBe(1);
    expect(mostWithin([])).toBe(0);
  });

  it(`sends ${COUNT} tasks, never more at once than concurrency x batch size, never more in a second than the rate`, async () => {
    const rate = delivery.pushesPerSecond;
    const f = await runBurst(hub(), hub().call, { count: COUNT, concurrency: LOCAL_ADAPTER_CONCURRENCY, rate, answerDelayMs: 300 });
    console.log(burstLine(f));
    expect(f.completed).toBe(COUNT);
    expect(f.peakInFlight).toBeLessThanOrEqual(f.cap);
    expect(f.mostSentInOneSecond).toBeLessThanOrEqual(rate);
    // The rate is what holds the pushes back: the two pollers unpaced would push some 60 a second at 300 ms a push.
    expect(f.mostSentInOneSecond).toBeGreaterThan(rate / 2);
  }, Math.max(120_000, COUNT * 600));
});
