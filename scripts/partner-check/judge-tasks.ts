// The checks made with each task type's sample: the task accepted in time, a redelivery and a duplicate answered as
// the same task, and a bad signature or a malformed body refused for good (a 4xx), not retried. Pure.
import {
  answered,
  hubReading,
  noAnswer,
  result,
  retriedUntilDlq,
  seconds,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type Judging,
} from './checks.ts';
import type { Exchange } from './http.ts';

export function judgeAccept(ex: Exchange, j: Judging, taskType: string): CheckResult {
  const title = 'accepts a correctly signed sample task with 2xx';
  const r = (status: CheckStatus, reason: string) => result('accept', title, status, reason, ex, taskType);
  if (ex.status === undefined) return r('fail', `${noAnswer(ex, j)}: ${retriedUntilDlq(j)}`);
  const reading = hubReading(ex.status);
  if (reading === 'delivered') return r('pass', `answered ${ex.status} in ${ex.elapsedMs} ms`);
  if (reading === 'refused') {
    const hint =
      ex.status === 401 || ex.status === 403
        ? '; check the shared secret and the signature scheme (the header above and `x-hub-signature` in your webhook in contracts/generated/openapi.json)'
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

