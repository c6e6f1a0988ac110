// Signs and verifies pushed bodies: HMAC-SHA256 over "<timestamp>.<body>", so a captured request cannot be
// replayed later (the timestamp is checked) nor altered (the body is covered).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature';
export const TIMESTAMP_HEADER = 'x-hub-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type VerifyOutcome = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export function verify(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  now = Date.now(),
  toleranceSeconds = 300,
): VerifyOutcome {
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = Number(headers[TIMESTAMP_HEADER]);
  if (!signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

export function signedHeaders(secret: string, body: string, idempotencyKey: string, now = Date.now()) {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: sign(secret, timestamp, body),
    [IDEMPOTENCY_HEADER]: idempotencyKey,
  };
}
