// The checks about the endpoint as a whole: reachable at all, over TLS, and with a clock the signatures can agree on.
// Pure.
import { result, type CheckStatus, type CheckResult } from './checks.ts';
import type { Exchange } from './http.ts';

export function judgeReachable(ex: Exchange, url: string): CheckResult {
  return result('reachable', 'the endpoint can be reached', 'fail', `could not connect to ${url} (${ex.error}); nothing else was checked`, ex);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The hub pushes children's personal information: anything but a local test endpoint must be HTTPS. */
export function judgeTransport(url: URL): CheckResult {
  const title = 'uses HTTPS';
  if (url.protocol === 'https:') return result('transport', title, 'pass', 'https');
  if (LOOPBACK.has(url.hostname)) {
    return result('transport', title, 'pass', 'http on this machine (loopback): fine for a local test, not for the real endpoint');
  }
  return result(
    'transport',
    title,
    'warn',
    `plain http to ${url.hostname}: the pushed bodies carry minors' personal information and must travel over TLS`,
  );
}

/** The endpoint's clock, from its Date header, against this machine's: signatures older than 5 min are refused. */
export function judgeClock(exchanges: Exchange[], toleranceSeconds = 300): CheckResult {
  const title = "its clock agrees with this machine's";
  const ex = exchanges.find((e) => e.date && !Number.isNaN(Date.parse(e.date)));
  if (!ex) return result('clock', title, 'pass', 'not checked: no answer carried a Date header');
  // The Date header has one-second resolution and was written while the request was in flight.
  const skew = Math.round((Date.parse(ex.date!) - (ex.sentAt + ex.elapsedMs / 2)) / 1000);
  const off = Math.abs(skew) <= 1 ? 0 : skew;
  const said = off === 0 ? 'within a second' : `${Math.abs(off)} s ${off > 0 ? 'ahead' : 'behind'}`;
  if (Math.abs(off) <= 60) return result('clock', title, 'pass', said);
  const status: CheckStatus = Math.abs(off) > toleranceSeconds ? 'fail' : 'warn';
  return result(
    'clock',
    title,
    status,
    `${said}: signed timestamps are refused beyond ±${toleranceSeconds / 60} min, so keep both clocks on NTP`,
  );
}
