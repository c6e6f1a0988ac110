// The per-department protection of docs/reliability.md: a burst to one department never has more pushes in flight
// there than the adapter's concurrency cap allows, the same cap the stack gives the event source.
import './quiet.ts';
import { describe, expect, it } from 'vitest';
import { configs } from '../../infra/config.ts';
import { LOCAL_ADAPTER_CONCURRENCY } from '../../scripts/local/departments.ts';
import { burstLine, runBurst } from '../../scripts/reliability/burst.ts';
import { useHub } from '../helpers/hub.ts';

const COUNT = Number(process.env.HUB_RELIABILITY_BURST) || 100;
const hub = useHub({ simulatorDelayMs: 20, visibilityTimeoutSeconds: 5 });

describe('a burst to one department', () => {
  it('is the local deployment cap the local runtime applies', () => {
    expect(LOCAL_ADAPTER_CONCURRENCY).toBe(configs.local.adapterMaxConcurrency);
  });

  it(`sends ${COUNT} tasks, never more at once than concurrency x batch size`, async () => {
    const f = await runBurst(hub(), hub().call, { count: COUNT, concurrency: LOCAL_ADAPTER_CONCURRENCY, answerDelayMs: 300 });
    console.log(burstLine(f));
    expect(f.completed).toBe(COUNT);
    expect(f.peakInFlight).toBeLessThanOrEqual(f.cap);
    // More than one batch at a time: the cap is what holds the pushes back, not a single poller.
    expect(f.peakInFlight).toBeGreaterThan(10);
  }, Math.max(120_000, COUNT * 600));
});
