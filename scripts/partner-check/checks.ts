// What each answer means, judged the way the hub's push reads it (services/delivery/push.ts): 2xx delivered;
// 4xx other than 408/429 is the department's final word, so the task fails at once and is never retried; 5xx,
// 408, 429, 3xx, a timeout or no connection are retried with backoff and end in the dead-letter queue. Pure.
import type { Exchange } from './http.ts';

export type CheckStatus = 'pass' | 'fail' | 'warn';

export type CheckId =
  | 'accept'
  | 'time-limit'
  | 'redelivery'
  | 'duplicate'
  | 'missing-field'
  | 'signature-wrong-secret'
  | 'signature-tampered-body'
  | 'signature-stale'
  | 'signature-missing'
  | 'body-not-json'
  | 'body-foreign-format'
  | 'reachable'
  | 'transport'
  | 'clock';

export interface CheckResult {
  id: CheckId;
  /** The task type the check was run with; absent for checks about the endpoint as a whole. */
  taskType?: string;
  title: string;
  status: CheckStatus;
  reason: string;
  httpStatus?: number;
  elapsedMs?: number;
}

export interface Judging {
  timeoutMs: number;
  /** Tries before the dead-letter queue (topology `delivery.maxReceiveCount`). */
  maxReceiveCount: number;
}

export type HubReading = 'delivered' | 'refused' | 'retried';

/** How the hub's push classifies an HTTP status (kept equal to push.ts by test/partner-check/checks.test.ts). */
export function hubReading(status: number): HubReading {
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'refused';
  return 'retried';
}

export const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** The department's own words: `reason` or `message` of a JSON answer, else the start of its text. */
export function reasonOf(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    for (const key of ['reason', 'message', 'error']) {
      const v = (body as Record<string, unknown>)[key];
      if (typeof v === 'string' && v) return v.slice(0, 200);
    }
    return undefined;
  }
  return typeof body === 'string' && body.trim() ? body.trim().slice(0, 200) : undefined;
}

/** "401 (signature mismatch)", or why there was no answer. */
export function answered(ex: Exchange, j: Judging): string {
  if (ex.status === undefined) return noAnswer(ex, j);
  const why = reasonOf(ex.body);
  return `answered ${ex.status}${why ? ` (${why})` : ''}`;
}

function noAnswer(ex: Exchange, j: Judging): string {
  return ex.error === 'timeout' ? `no answer within ${seconds(j.timeoutMs)}` : `no answer (${ex.error ?? 'unknown error'})`;
}

const retriedUntilDlq = (j: Judging) =>
  `the hub retries that with backoff and, after ${j.maxReceiveCount} tries, parks the task in the dead-letter queue`;

function result(
  id: CheckId,
  title: string,
  status: CheckStatus,
  reason: string,
  ex?: Exchange,
  taskType?: string,
): CheckResult {
  return {
    id,
    ...(taskType ? { taskType } : {}),
    title,
    status,
    reason,
    ...(ex?.status !== undefined ? { httpStatus: ex.status } : {}),
    ...(ex ? { elapsedMs: ex.elapsedMs } : {}),
  };
}

export function judgeAccept(ex: Exchange, j: Judging, taskType: string): CheckResult {
  const title = 'accepts a correctly signed sample task with 2xx';
  const r = (status: CheckStatus, reason: string) => result('accept', title, status, reason, ex, taskType);
  if (ex.status === undefined) return r('fail', `${noAnswer(ex, j)}: ${retriedUntilDlq(j)}`);
  const reading = hubReading(ex.status);
  if (reading === 'delivered') return r('pass', `answered ${ex.status} in ${ex.elapsedMs} ms`);
  if (reading === 'refused') {
    const hint =
      ex.status === 401 || ex.status === 403
        ? '; check the shared secret and the scheme: x-hub-signature = "sha256=" + hex HMAC-SHA256 of "<x-hub-timestamp>.<raw body>"'
        : '';
    return r('fail', `${answered(ex, j)}: the hub would mark the task failed at once, without retrying${hint}`);
  }
  return r('fail', `${answered(ex, j)}: ${retriedUntilDlq(j)}`);
}

/** The slowest of the task type's answers against the adapter's push time limit. */
export function judgeTimeLimit(exchanges: Exchange[], j: Judging, taskType: string): CheckResult {
  const title = `answers within ${seconds(j.timeoutMs)} (the hub's push time limit)`;
  const silent = exchanges.find((e) => e.status === undefined);
  const slowest = exchanges.reduce((a, b) => (b.elapsedMs > a.elapsedMs ? b : a), exchanges[0]!);
  const r = (status: CheckStatus, reason: string, ex: Exchange) => result('time-limit', title, status, reason, ex, taskType);
  if (silent?.error === 'timeout') {
    return r(
      'fail',
      `${noAnswer(silent, j)}: the hub abandons the push and tries again later; after ${j.maxReceiveCount} tries the task ` +
        'is parked in the dead-letter queue. Answer first, do the work after',
      silent,
    );
  }
  if (silent) return r('fail', `${noAnswer(silent, j)}`, silent);
  if (slowest.elapsedMs > j.timeoutMs / 2) {
    return r('warn', `slowest answer took ${slowest.elapsedMs} ms, more than half the limit: answer first, do the work after`, slowest);
  }
  return r('pass', `slowest answer took ${slowest.elapsedMs} ms`, slowest);
}

export function judgeRedelivery(ex: Exchange, j: Judging, taskType: string): CheckResult {
  const title = 'answers a redelivery (same idempotency-key) with 2xx';
  const r = (status: CheckStatus, reason: string) => result('redelivery', title, status, reason, ex, taskType);
  if (ex.status === undefined) return r('fail', `${noAnswer(ex, j)}: ${retriedUntilDlq(j)}`);
  const reading = hubReading(ex.status);
  if (reading === 'delivered') return r('pass', `answered ${ex.status}`);
  if (reading === 'refused') {
    return r(
      'fail',
      `${answered(ex, j)}: the hub redelivers when it could not record a push (a timeout, a crash), and a 4xx makes it ` +
        'mark failed a task the department already holds; answer 2xx to a known idempotency-key',
    );
  }
  return r('fail', `${answered(ex, j)}: ${retriedUntilDlq(j)}`);
}

const duplicateFlag = (body: unknown): boolean | undefined =>
  body && typeof body === 'object' && typeof (body as { duplicate?: unknown }).duplicate === 'boolean'
    ? (body as { duplicate: boolean }).duplicate
    : undefined;

/**
 * Whether the redelivery was taken for a new task. Only what the answer says can be checked from outside: an answer
 * with `duplicate: true` (as the simulators give) passes, `duplicate: false` fails, silence is a warning.
 */
export function judgeDuplicate(first: Exchange, again: Exchange, taskType: string): CheckResult {
  const title = 'does not take the redelivery for a new task';
  const r = (status: CheckStatus, reason: string) => result('duplicate', title, status, reason, again, taskType);
  const delivered = (e: Exchange) => e.status !== undefined && hubReading(e.status) === 'delivered';
  if (!delivered(first)) return r('warn', 'cannot tell: the first delivery was not accepted');
  if (!delivered(again)) return r('warn', 'cannot tell: the redelivery was not accepted');
  const before = duplicateFlag(first.body);
  const after = duplicateFlag(again.body);
  if (after === false) {
    return r('fail', 'the answer says duplicate: false: a redelivery with a known idempotency-key was taken for a new task');
  }
  if (after === true && before === true) {
    return r('warn', 'the first delivery was answered duplicate: true as well, so the flag does not tell redeliveries apart');
  }
  if (after === true) return r('pass', 'the answer to the redelivery says duplicate: true');
  return r(
    'warn',
    `answered ${again.status} but does not say whether it recognised the redelivery; make sure the endpoint dedupes ` +
      'on the idempotency-key header (the task id) and never opens the task twice. Answer {"duplicate": true} ' +
      'to a redelivery and this check can verify it',
  );
}

/** A refusal of a badly signed task: 401/403 expected. */
export function judgeSignatureRefusal(id: CheckId, title: string, acceptedMeans: string, ex: Exchange, j: Judging): CheckResult {
  const r = (status: CheckStatus, reason: string) => result(id, title, status, reason, ex);
  if (ex.status === undefined) return r('fail', noAnswer(ex, j));
  if (ex.status === 401 || ex.status === 403) return r('pass', answered(ex, j));
  const reading = hubReading(ex.status);
  if (reading === 'delivered') return r('fail', `accepted it with ${ex.status}: ${acceptedMeans}`);
  if (reading === 'refused') {
    return r('warn', `${answered(ex, j)}: refused, but answer 401 or 403 so an authentication failure is not read as a bad payload`);
  }
  return r('fail', `${answered(ex, j)}: an unauthenticated request must be refused with 401 or 403`);
}

/** A refusal of a body the department cannot read: any final 4xx; 5xx would turn it into a poison message. */
export function judgeMalformedRefusal(id: CheckId, title: string, ex: Exchange, j: Judging, taskType?: string): CheckResult {
  const r = (status: CheckStatus, reason: string) => result(id, title, status, reason, ex, taskType);
  if (ex.status === undefined) return r('fail', `${noAnswer(ex, j)}: ${retriedUntilDlq(j)}`);
  const reading = hubReading(ex.status);
  if (reading === 'refused') return r('pass', answered(ex, j));
  if (reading === 'delivered') {
    return r(
      'fail',
      `accepted it with ${ex.status}: a body the department cannot read must be refused with 4xx, so the task fails ` +
        'visibly (with the reason) instead of counting as delivered',
    );
  }
  return r(
    'fail',
    `${answered(ex, j)}: ${retriedUntilDlq(j)}, although no retry can make the body readable (a poison message); ` +
      'answer 400 or 422',
  );
}

/** Used when no single missing field makes the sample unreadable to the department's own wire schema. */
export function missingFieldNotApplicable(taskType: string): CheckResult {
  return result(
    'missing-field',
    'refuses the sample without a required field with 4xx',
    'pass',
    'not applicable: the wire format has no field whose absence makes the sample unreadable',
    undefined,
    taskType,
  );
}

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
