// The hub's one "now" (services/lib/clock.ts): set, it reads the given time and runs on from there; every business
// time in services/ reads it, so a test that moves it moves deadlines, history and the sweeps together.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../../services/lib/clock.ts';

afterEach(() => clock.set());

describe('clock', () => {
  it('reads real time until set, the set time (running on) after, and real time again when reset', async () => {
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    clock.set('2031-05-31T16:30:00.000Z');
    const first = clock.now().getTime();
    expect(Math.abs(first - Date.parse('2031-05-31T16:30:00.000Z'))).toBeLessThan(50);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
    clock.set();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });

  it('refuses what is not a date, and keeps the time it had', () => {
    clock.set('2030-01-01T00:00:00Z');
    expect(() => clock.set('the first of June')).toThrow(RangeError);
    expect(clock.now().getUTCFullYear()).toBe(2030);
  });

  it('is the only source of the current time in what deploys (signatures, token expiry and log lines keep real time, the console its own)', () => {
    const files = execFileSync('git', ['ls-files', 'services'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !f.startsWith('services/console/'));
    // Real time where another party checks it: a push's signature timestamp, a token's expiry; and a log line's
    // timestamp, which CloudWatch lays beside its own ingestion time (services/lib/logger.ts).
    const own = ['services/lib/clock.ts', 'services/delivery/signature.ts', 'services/delivery/push.ts', 'services/auth/actor.ts', 'services/lib/logger.ts'];
    const offending = files.filter((f) => !own.includes(f) && /new Date\(\)|Date\.now\(\)/.test(readFileSync(f, 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(offending).toEqual([]);
  });
});
