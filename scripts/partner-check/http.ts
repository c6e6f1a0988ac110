// One POST to the department's endpoint, recorded as it happened: status, answer, time taken, or why there was no
// answer. Sent the way the hub's push sends (services/delivery/push.ts): plain fetch, same headers, a time limit.
import { SIGNATURE_HEADER, signedHeaders } from '../../services/delivery/signature.ts';
import { postWithTimeout } from '../../services/lib/post.ts';

export interface Exchange {
  /** Absent when there was no answer. */
  status?: number;
  /** The answer parsed as JSON, or its text when it is not JSON. */
  body?: unknown;
  /** The endpoint's `Date` header, for the clock check. */
  date?: string;
  elapsedMs: number;
  /** When the request was sent (epoch ms), to compare with `date`. */
  sentAt: number;
  /** Why there was no answer: `timeout`, or the network error's code (ECONNREFUSED, ENOTFOUND, …). */
  error?: string;
}

/** How the request is signed. `tampered`: signed over another body than the one sent. */
export type Signing =
  | { kind: 'valid' }
  | { kind: 'wrong-secret' }
  | { kind: 'stale'; ageSeconds: number }
  | { kind: 'missing' }
  | { kind: 'tampered'; signedBody: string };

export interface Outgoing {
  body: string;
  idempotencyKey: string;
  signing: Signing;
}

/** The headers the adapter would send, altered as `signing` says. Pure. */
export function headersFor(out: Outgoing, secret: string, now: number): Record<string, string> {
  const s = out.signing;
  switch (s.kind) {
    case 'valid':
      return signedHeaders(secret, out.body, out.idempotencyKey, now);
    case 'wrong-secret':
      // Same length and alphabet as a real signature, so only a check of its value can tell.
      return signedHeaders(`${secret}-not-the-shared-secret`, out.body, out.idempotencyKey, now);
    case 'stale':
      return signedHeaders(secret, out.body, out.idempotencyKey, now - s.ageSeconds * 1000);
    case 'missing': {
      const { [SIGNATURE_HEADER]: _, ...rest } = signedHeaders(secret, out.body, out.idempotencyKey, now);
      return rest;
    }
    case 'tampered':
      return signedHeaders(secret, s.signedBody, out.idempotencyKey, now);
  }
}

export type Send = (url: string, out: Outgoing) => Promise<Exchange>;

export function httpSender(secret: string, timeoutMs: number, clock: () => number = Date.now): Send {
  return async (url, out) => {
    const sentAt = clock();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const res = await postWithTimeout(url, headersFor(out, secret, sentAt), out.body, timeoutMs);
    if ('reason' in res) return { error: res.timedOut ? 'timeout' : res.reason, elapsedMs: elapsed(), sentAt };
    return { status: res.status, body: res.body, date: res.date, elapsedMs: elapsed(), sentAt };
  };
}
