// A department's rate kept by one adapter instance (services/delivery/pace.ts): its pushes start spaced, in the order
// they asked, never more than its share in any one-second window; the shares of N instances add up to at most the rate.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADAPTER_BATCH_SIZE, ADAPTER_TIMEOUT_SECONDS } from '../../infra/department-pipeline.ts';
import { mostWithin } from '../../scripts/reliability/burst.ts';
import { createPacer, MIN_PUSHES_PER_INSTANCE, pacedSpanMs, perInstanceRate } from '../../services/delivery/pace.ts';

beforeEach(() => void vi.useFakeTimers({ now: 0 }));
afterEach(() => void vi.useRealTimers());

/** Asks for a push at each of the given moments (ms from now); resolves with when each was let start, in the order asked. */
async function startsOf(perSecond: number, askedAt: number[]): Promise<number[]> {
  const pace = createPacer(perSecond);
  const started: number[] = new Array(askedAt.length);
  const all: Promise<void>[] = [];
  const base = Date.now();
  for (const [i, at] of askedAt.entries()) {
    await vi.advanceTimersByTimeAsync(base + at - Date.now());
    all.push(pace().then(() => void (started[i] = Date.now() - base)));
  }
  await vi.runAllTimersAsync();
  await Promise.all(all);
  return started;
}

describe('a pacer', () => {
  it('spaces pushes asked at once a share\'s gap apart, in the order asked', async () => {
    expect(await startsOf(4, [0, 0, 0, 0, 0, 0])).toEqual([0, 250, 500, 750, 1000, 1250]);
  });

  it('lets a push asked after a quiet spell start at once', async () => {
    expect(await startsOf(4, [0, 100, 2000, 2010])).toEqual([0, 250, 2000, 2250]);
  });

  it('never lets more than its share start in any one second, the gap rounded up to whole milliseconds', async () => {
    for (const share of [3, 7, 20]) {
      const starts = await startsOf(share, new Array(5 * share).fill(0));
      expect(mostWithin(starts)).toBe(share);
    }
  });

  it('refuses a share that is not a positive whole number', () => {
    expect(() => createPacer(0)).toThrow(/positive integer, got 0/);
    expect(() => createPacer(2.5)).toThrow(/positive integer, got 2.5/);
  });

  it('gives N instances shares that add up to at most the rate, short of it by less than N', () => {
    for (const [rate, n] of [[20, 5], [20, 2], [23, 5], [10, 5]] as const) {
      const share = perInstanceRate(rate, n);
      expect(share * n).toBeLessThanOrEqual(rate);
      expect(rate - share * n).toBeLessThan(n);
    }
  });

  it('at the least share, paces a full batch within half the adapter\'s timeout', () => {
    expect(pacedSpanMs(ADAPTER_BATCH_SIZE, MIN_PUSHES_PER_INSTANCE)).toBe(4500);
    expect(pacedSpanMs(ADAPTER_BATCH_SIZE, MIN_PUSHES_PER_INSTANCE)).toBeLessThanOrEqual((ADAPTER_TIMEOUT_SECONDS * 1000) / 2);
  });
});
