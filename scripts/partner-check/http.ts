// One POST to the department's endpoint, recorded as it happened: status, answer, time taken, or why there was no
// answer. Sent the way the hub's push sends (services/delivery/push.ts): plain fetch, same headers, a time limit.
import { defaultSignatureScheme, signatureSchemes, type SignatureScheme } from '../../contracts/push.ts';
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

/**
 * How the request is signed. `tampered`: signed over another body than the one sent; `other-scheme`: with the right
 * secret, but by another algorithm than the department's (a downgrade an endpoint must refuse).
 */
export type Signing =
  | { kind: 'valid' }
  | { kind: 'wrong-secret' }
  | { kind: 'other-scheme' }
  | { kind: 'stale'; ageSeconds: number }
  | { kind: 'missing' }
  | { kind: 'tampered'; signedBody: string }
  /** The signature of an earlier request (same body, signed at `signedAt`), sent again under this idempotency key. */
  | { kind: 'replayed'; signedAt: number };

export interface Outgoing {
  body: string;
  idempotencyKey: string;
  signing: Signing;
}

/** A scheme other than `scheme`, for the downgrade probe. */
export const otherScheme = (scheme: SignatureScheme): SignatureScheme =>
  (Object.keys(signatureSchemes) as SignatureScheme[]).find((s) => s !== scheme)!;

/** The headers the adapter would send, altered as `signing` says. Pure. */
export function headersFor(
  out: Outgoing,
  secret: string,
  now: number,
  scheme: SignatureScheme = defaultSignatureScheme,
): Record<string, string> {
  const s = out.signing;
  const signed = (key: string, body: string, at = now, by = scheme) => signedHeaders(key, body, out.idempotencyKey, at, by);
  switch (s.kind) {
    case 'valid':
      return signed(secret, out.body);
    case 'wrong-secret':
      // Same length and alphabet as a real signature, so only a check of its value can tell.
      return signed(`${secret}-not-the-shared-secret`, out.body);
    case 'other-scheme':
      return signed(secret, out.body, now, otherScheme(scheme));
    case 'stale':
      return signed(secret, out.body, now - s.ageSeconds * 1000);
    case 'missing': {
      const { [SIGNATURE_HEADER]: _, ...rest } = signed(secret, out.body);
      return rest;
    }
    case 'tampered':
      return signed(secret, s.signedBody);
    case 'replayed':
      return signed(secret, out.body, s.signedAt);
  }
}

export type Send = (url: string, out: Outgoing) => Promise<Exchange>;

export function httpSender(
  secret: string,
  timeoutMs: number,
  clock: () => number = Date.now,
  scheme: SignatureScheme = defaultSignatureScheme,
): Send {
  return async (url, out) => {
    const sentAt = clock();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const res = await postWithTimeout(url, headersFor(out, secret, sentAt, scheme), out.body, timeoutMs);
    if ('reason' in res) return { error: res.timedOut ? 'timeout' : res.reason, elapsedMs: elapsed(), sentAt };
    return { status: res.status, body: res.body, date: res.date, elapsedMs: elapsed(), sentAt };
  };
}
