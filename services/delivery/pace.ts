// A department's configured rate (pushes per second, docs/decisions/0021-department-rates.md), kept by each adapter
// instance: its pushes start at least ceil(1000 / share) ms apart, so any one-second window holds at most `share`
// starts. Spaced, not let through in a lump each second: the department sees a steady stream, and the way there
// (a busy event loop, a slow connection) cannot fold two seconds' lumps into one. Each of the at most N concurrent
// adapter instances takes floor(rate / N): together never more than the rate.

/** Waits until a push may start. */
export type Pacer = () => Promise<void>;

/** Each instance's share of a department's rate: at least `MIN_PUSHES_PER_INSTANCE` (the config refuses less). */
export const perInstanceRate = (rate: number, maxConcurrency: number) => Math.floor(rate / maxConcurrency);

/**
 * The fewest pushes per second an instance may be given: a full batch of ten then starts its last push 4.5 s after
 * its first, within half the adapter's 10 s timeout (infra/department-pipeline.ts; test/unit/pace.test.ts).
 */
export const MIN_PUSHES_PER_INSTANCE = 2;

export function createPacer(perSecond: number, now: () => number = Date.now): Pacer {
  if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`pushes per second must be a positive integer, got ${perSecond}`);
  // Whole milliseconds, rounded up: a fractional gap summed up could put one start too many inside a second.
  const gapMs = Math.ceil(1000 / perSecond);
  let last = -Infinity;
  // One waiter at a time, in the order they asked. The gap runs from the last push's real start, not from a slot
  // planned ahead: a timer that fires late (a busy event loop) then delays the pushes after it instead of letting
  // the ones whose slots passed start together.
  let turn: Promise<void> = Promise.resolve();
  return () =>
    (turn = turn.then(async () => {
      for (let wait = last + gapMs - now(); wait > 0; wait = last + gapMs - now()) await new Promise((r) => setTimeout(r, wait));
      last = now();
    }));
}

/** How long pacing delays the last push of `n` asked at once: (n - 1) gaps. */
export const pacedSpanMs = (n: number, perSecond: number) => (n - 1) * Math.ceil(1000 / perSecond);
