// Signs and verifies pushed bodies: an HMAC (SHA-256 or SM3, as the department is configured) over
// "<timestamp>.<body>", so a captured request cannot be replayed later (the timestamp is checked) nor altered (the
// body is covered). The scheme's rules are data in contracts/push.ts, which the OpenAPI document publishes.
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
export type VerifyOutcome = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'scheme' | 'mismatch' };

export interface VerifyOptions {
  scheme?: SignatureScheme;
  toleranceSeconds?: number;
}

export function verify(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  now = Date.now(),
  { scheme = defaultSignatureScheme, toleranceSeconds = timestampToleranceSeconds }: VerifyOptions = {},
): VerifyOutcome {
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = Number(headers[TIMESTAMP_HEADER]);
  if (!signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  // Only the configured algorithm counts: a department on SM3 must not take a SHA-256 signature (a downgrade).
  if (!signature.startsWith(signatureSchemes[scheme].prefix)) return { ok: false, reason: 'scheme' };
  const expected = Buffer.from(sign(secret, timestamp, body, scheme));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
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
