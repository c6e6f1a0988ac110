// What each answer means, judged the way the hub's push reads it (services/delivery/push.ts): 2xx delivered;
// 4xx other than 408/429 is the department's final word, so the task fails at once and is never retried; 5xx,
// 408, 429, 3xx, a timeout or no connection are retried with backoff and end in the dead-letter queue. Pure.
// The checks themselves: judge-tasks.ts and judge-endpoint.ts.
import type { Exchange } from './http.ts';

export type CheckStatus = 'pass' | 'fail' | 'warn';

export type CheckId =
  | 'accept'
  | 'time-limit'
  | 'redelivery'
  | 'duplicate'
  | 'missing-field'
  | 'signature-wrong-secret'
  | 'signature-other-scheme'
  | 'signature-tampered-body'
  | 'signature-stale'
  | 'signature-missing'
  | 'signature-replayed'
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
  /** The exact body the check sent, when the endpoint refused a valid sample: what to compare with its schema. */
  sent?: string;
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

export function noAnswer(ex: Exchange, j: Judging): string {
  return ex.error === 'timeout' ? `no answer within ${seconds(j.timeoutMs)}` : `no answer (${ex.error ?? 'unknown error'})`;
}

export const retriedUntilDlq = (j: Judging) =>
  `the hub retries that with backoff and, after ${j.maxReceiveCount} tries, parks the task in the dead-letter queue`;

export function result(
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
