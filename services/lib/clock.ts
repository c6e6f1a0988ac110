// The hub's "now": every business time it computes (deadlines, history entries, what a sweep finds due, the children's
// clocks) reads it here, so a test can move the whole hub through years in seconds (`clock.set`), and it runs on from
// there as real time does. Nothing sets it on AWS. Transport times (a push's signature timestamp) stay on real time.

let offsetMs = 0;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
  /** Makes `now()` read `to` at this instant, and run on from there; no argument goes back to real time. */
  set(to?: Date | string): void {
    if (to === undefined) {
      offsetMs = 0;
      return;
    }
    const at = new Date(to).getTime();
    if (Number.isNaN(at)) throw new RangeError(`not a date: ${String(to)}`);
    offsetMs = at - Date.now();
  },
};
