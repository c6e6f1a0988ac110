// A push never outlives the adapter's invocation: its timeout is cut to what the invocation has left, less the time
// to record the outcome, and a push with too little left is not started (services/adapters/adapter.ts).
import { describe, expect, it } from 'vitest';
import { MIN_PUSH_MS, pushBudgetMs, RECORD_RESERVE_MS } from '../../services/adapters/adapter.ts';
import { pushTimeoutSeconds } from '../../contracts/push.ts';
import { ADAPTER_TIMEOUT_SECONDS } from '../../infra/department-pipeline.ts';

describe('push budget', () => {
  it('keeps the configured timeout when the invocation has time for it', () => {
    expect(pushBudgetMs(5000, 30_000)).toBe(5000);
    expect(pushBudgetMs(5000, undefined)).toBe(5000);
    // A configured timeout shorter than the cut's floor (the reliability suite's 400 ms) is kept as it is.
    expect(pushBudgetMs(400, 30_000)).toBe(400);
  });

  it("cuts the published push timeout to a fresh invocation's time, keeping the reserve for the outcome", () => {
    // The published timeout does not fit the deployed adapter's: without the cut a slow department ends the invocation.
    const fresh = ADAPTER_TIMEOUT_SECONDS * 1000;
    expect(pushTimeoutSeconds * 1000).toBeGreaterThan(fresh - RECORD_RESERVE_MS);
    expect(pushBudgetMs(pushTimeoutSeconds * 1000, fresh)).toBe(fresh - RECORD_RESERVE_MS);
  });

  it('does not start a push late in a paced batch', () => {
    expect(pushBudgetMs(10_000, RECORD_RESERVE_MS + MIN_PUSH_MS)).toBe(MIN_PUSH_MS);
    expect(pushBudgetMs(10_000, RECORD_RESERVE_MS + MIN_PUSH_MS - 1)).toBeUndefined();
    expect(pushBudgetMs(10_000, 0)).toBeUndefined();
  });
});
