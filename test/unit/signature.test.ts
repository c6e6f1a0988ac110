import { describe, expect, it } from 'vitest';
import { sign, signedHeaders, verify } from '../../services/delivery/signature.ts';

const secret = 'test-secret';
const body = JSON.stringify({ hello: 'world' });
const now = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('push signatures', () => {
  it('verifies what it signed', () => {
    const h = signedHeaders(secret, body, 'task-1', now);
    expect(h['idempotency-key']).toBe('task-1');
    expect(verify(secret, h, body, now)).toEqual({ ok: true });
  });

  it('is HMAC-SHA256 over timestamp.body, hex', () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac k
    expect(sign('k', 1700000000, '{"a":1}')).toBe(
      'sha256=1b6ad1bc9bf48c52ce01939866d5877c6cc4e87ddad27e16673cb8c4964394a3',
    );
  });

  it('refuses an altered body, a wrong secret, a stale timestamp, and missing headers', () => {
    const h = signedHeaders(secret, body, 'task-1', now);
    expect(verify(secret, h, body.replace('world', 'World'), now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('other', h, body, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(secret, h, body, now + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verify(secret, {}, body, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verify(secret, { ...h, 'x-hub-signature': 'sha256=00' }, body, now)).toEqual({ ok: false, reason: 'mismatch' });
  });
});
