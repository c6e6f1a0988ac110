// HMAC-SM3, the 国密 scheme a department can be configured for (contracts/push.ts): the platform's SM3 against the
// standard's own examples, its HMAC against the published HMAC-SM3 vectors and against RFC 2104 built by hand from
// the bare hash, and the hub's sign/verify on top of it.
//
// Sources of the vectors:
// - SM3: GB/T 32905-2016 (= GM/T 0004-2012) appendix A, examples 1 ("abc") and 2 ("abcd" × 16), as the IETF draft
//   draft-sca-cfrg-sm3 (the standard's English text) reproduces them.
// - HMAC-SM3: GM/T 0042-2015 appendix D.3, as OpenSSL's test/recipes/30-test_evp_data/evpmac_sm3.txt carries them.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, signedHeaders, verify } from '../../services/delivery/signature.ts';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('SM3 (GB/T 32905-2016 appendix A)', () => {
  it('is offered by the OpenSSL of the Node the hub runs on', async () => {
    const { getHashes } = await import('node:crypto');
    expect(getHashes()).toContain('sm3');
  });

  it.each([
    ['example 1: "abc"', 'abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['example 2: "abcd" × 16 (64 bytes)', 'abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ])('digests %s', (_, message, digest) => {
    expect(createHash('sm3').update(message).digest('hex')).toBe(digest);
  });
});

/** RFC 2104 from the bare hash: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), 64-byte blocks; longer keys are hashed first. */
function rfc2104Sm3(key: Buffer, message: Buffer): string {
  const block = 64;
  const k = Buffer.alloc(block);
  (key.length > block ? createHash('sm3').update(key).digest() : key).copy(k);
  const pad = (byte: number) => Buffer.from(k.map((b) => b ^ byte));
  const inner = createHash('sm3').update(pad(0x36)).update(message).digest();
  return createHash('sm3').update(pad(0x5c)).update(inner).digest('hex');
}

describe('HMAC-SM3 (GM/T 0042-2015 appendix D.3)', () => {
  const vectors: [string, Buffer, Buffer, string][] = [
    [
      '1: 112-byte message, 32-byte key',
      hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20'),
      Buffer.from('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'.repeat(2)),
      'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a',
    ],
    [
      '2: 50 bytes of 0xcd, 37-byte key',
      hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425'),
      Buffer.alloc(50, 0xcd),
      '220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae',
    ],
    ['3: "Hi There", 32 bytes of 0x0b', Buffer.alloc(32, 0x0b), Buffer.from('Hi There'), 'c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e'],
    [
      '4: "what do ya want for nothing?"',
      Buffer.from('Jefe Jeferson Jr'),
      Buffer.from('what do ya want for nothing?'),
      'ce791a34c59adef472997a249600f3f244d59e875be04055ba2ae12fc845e78c',
    ],
  ];

  it.each(vectors)('vector %s', (_, key, message, mac) => {
    expect(createHmac('sm3', key).update(message).digest('hex')).toBe(mac);
    // The same MAC built by hand from RFC 2104 and the bare SM3: the standard's HMAC is RFC 2104's.
    expect(rfc2104Sm3(key, message)).toBe(mac);
  });

  it('gives a key longer than a block its hash, as RFC 2104 says', () => {
    const key = Buffer.alloc(100, 0xaa);
    expect(createHmac('sm3', key).update('x').digest('hex')).toBe(rfc2104Sm3(key, Buffer.from('x')));
  });
});

describe('the hub’s HMAC-SM3 push signature', () => {
  const secret = 'department-shared-secret';
  const body = JSON.stringify({ msgid: 'CH01HYKQ6Z8P3V9W2X4Y5Z6A7B8C.T01HYKQ7A2B3C4D5E6F7G8H9J0K', psn_name: '测试' });
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);

  it('is "sm3=" and the hex HMAC-SM3 of "<timestamp>.<body>"', () => {
    const ts = 1_700_000_000;
    expect(sign(secret, ts, body, 'hmac-sm3')).toBe(`sm3=${rfc2104Sm3(Buffer.from(secret), Buffer.from(`${ts}.${body}`))}`);
    expect(sign(secret, ts, body, 'hmac-sm3')).not.toBe(sign(secret, ts, body, 'hmac-sha256').replace('sha256=', 'sm3='));
  });

  it('verifies what it signed, and refuses a tampered body, a stale timestamp and a SHA-256 signature', () => {
    const h = signedHeaders(secret, body, 'task-1', now, 'hmac-sm3');
    const sm3 = { scheme: 'hmac-sm3' } as const;
    expect(verify(secret, h, body, now, sm3)).toEqual({ ok: true });
    expect(verify(secret, h, body.replace('测试', '测验'), now, sm3)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(secret, h, body, now + 301_000, sm3)).toEqual({ ok: false, reason: 'stale' });
    // A department configured for SM3 does not take SHA-256, and one on SHA-256 does not take SM3.
    const sha = signedHeaders(secret, body, 'task-1', now, 'hmac-sha256');
    expect(verify(secret, sha, body, now, sm3)).toEqual({ ok: false, reason: 'scheme' });
    expect(verify(secret, h, body, now)).toEqual({ ok: false, reason: 'scheme' });
  });
});
