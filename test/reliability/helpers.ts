// The reliability suite's shared setup: a hub with fast retries and a short push timeout, and the assertions every
// scenario ends with (docs/reliability.md).
import { expect } from 'vitest';
import type { ScenarioResult } from '../../scripts/reliability/scenario.ts';
import { useHub } from '../helpers/hub.ts';

/** Rounds per scenario: one task of every task type per round. `HUB_RELIABILITY_ROUNDS` for a longer run. */
export const ROUNDS = Number(process.env.HUB_RELIABILITY_ROUNDS) || 2;

export const PUSH_TIMEOUT_MS = 400;

/** How long a scenario may take to settle, and the test with it: longer runs take longer. */
export const SETTLE_MS = 30_000 * Math.max(1, ROUNDS / 2);
export const SCENARIO_TIMEOUT_MS = 3 * SETTLE_MS;

/** Fast retries and a short push timeout, so that every scenario's faults play out within seconds. */
export const RELIABILITY_HUB = { simulatorDelayMs: 20, maxReceiveCount: 3, visibilityTimeoutSeconds: 2, pushTimeoutMs: PUSH_TIMEOUT_MS, retryBaseSeconds: 1 } as const;

export const useReliabilityHub = () => useHub(RELIABILITY_HUB);

/** Nothing lost, nothing twice, every parked task with its reason, and home after resume/redrive. */
export function expectNothingLost(r: ScenarioResult) {
  expect(r.before).toMatchObject({ lost: 0, twice: 0, parkedWithoutReason: 0 });
  expect(r.before.tasks).toBeGreaterThanOrEqual(r.before.opened);
  expect(r.after).toMatchObject({ lost: 0, twice: 0, parked: 0 });
  expect(r.after.completed).toBe(r.after.tasks);
}
