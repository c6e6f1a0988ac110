// Signs and verifies pushed bodies: an HMAC (SHA-256 or SM3, as the department is configured) over
// "<timestamp>.<body>", so a captured request cannot be replayed later (the timestamp is checked), nor within the
// window under another idempotency key (a receiver's ReplayGuard), nor altered (the body is covered). The scheme's rules are data in
// contracts/push.ts, which the OpenAPI document publishes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  defaultSignatureScheme,
  pushHeaders,
  signatureSchemes,
  timestampToleranceSeconds,
  type SignatureScheme,
} from '../../contracts/push.ts';

export const SIGNATURE_HEADER = pushHeaders.signature;
export const TIMESTAMP_HEADER = pushHeaders.timestamp;
export const IDEMPOTENCY_HEADER = pushHeaders.idempotencyKey;

export function sign(secret: string, timestamp: number, body: string, scheme: SignatureScheme = defaultSignatureScheme): string {
  const { hash, prefix } = signatureSchemes[scheme];
  return `${prefix}${createHmac(hash, secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** `scheme`: the signature carries another algorithm's prefix than the one the department is configured for. */
export type VerifyOutcome = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'scheme' | 'mismatch' | 'replayed' };

/**
 * The signatures a receiver accepted, with their idempotency keys, each kept until its timestamp leaves the window
 * (`replayRule`): one that comes back with another key is a replay. Memory: an entry per push of the last window.
 */
export class ReplayGuard {
  private readonly accepted = new Map<string, { timestamp: number; key: string }>();
  constructor(private readonly toleranceSeconds = timestampToleranceSeconds) {}

  /** False when the signature was accepted inside its window with another idempotency key. */
  admit(signature: string, key: string, timestamp: number, nowSeconds: number): boolean {
    // Entries are added in about timestamp order; one that outlives its window by a few seconds is harmless.
    for (const [s, t] of this.accepted) {
      if (nowSeconds - t.timestamp <= this.toleranceSeconds) break;
      this.accepted.delete(s);
    }
    const before = this.accepted.get(signature);
    if (before) return before.key === key;
    this.accepted.set(signature, { timestamp, key });
    return true;
  }

  get size() {
    return this.accepted.size;
  }
}

export interface VerifyOptions {
  scheme?: SignatureScheme;
  toleranceSeconds?: number;
  /** The receiver's accepted signatures: without it a replay inside the window is not detected. */
  replays?: ReplayGuard;
}

export function verify(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  now = Date.now(),
  { scheme = defaultSignatureScheme, toleranceSeconds = timestampToleranceSeconds, replays }: VerifyOptions = {},
): VerifyOutcome {
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = Number(headers[TIMESTAMP_HEADER]);
  if (!signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  // Only the configured algorithm counts: a department on SM3 must not take a SHA-256 signature (a downgrade).
  if (!signature.startsWith(signatureSchemes[scheme].prefix)) return { ok: false, reason: 'scheme' };
  const expected = Buffer.from(sign(secret, timestamp, body, scheme));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  // Only a genuine signature is remembered, so made-up ones cannot fill the guard.
  const key = headers[IDEMPOTENCY_HEADER] ?? '';
  return !replays || replays.admit(signature, key, timestamp, now / 1000) ? { ok: true } : { ok: false, reason: 'replayed' };
}

export function signedHeaders(
  secret: string,
  body: string,
  idempotencyKey: string,
  now = Date.now(),
  scheme: SignatureScheme = defaultSignatureScheme,
) {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: sign(secret, timestamp, body, scheme),
    [IDEMPOTENCY_HEADER]: idempotencyKey,
  };
}
