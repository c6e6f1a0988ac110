// The inbox's page tokens: opaque, authenticated, and bound to the caller and the query.
import { describe, expect, it } from 'vitest';
import { openPageToken, sealPageToken } from '../../services/api/paging-token.ts';

const key = { gsi1pk: 'DEPT#medical-insurance', gsi1sk: 'delivered#2026-11-27T23:59:59+08:00#CH01.T01', pk: 'CHILD#CH01', sk: 'TASK#CH01.T01' };
const binding = { principal: 'department:medical-insurance', department: 'medical-insurance', status: 'delivered' };

describe('[fuzz] paging tokens', () => {
  it('open to the key they sealed, for the same caller and query only', async () => {
    const token = await sealPageToken(key, binding);
    expect(await openPageToken(token, binding)).toEqual(key);
    for (const other of [
      { ...binding, principal: 'department:education' },
      { ...binding, department: 'education' },
      { ...binding, status: 'dispatched' },
      { principal: binding.principal, department: binding.department },
    ]) {
      expect(await openPageToken(token, other)).toBeUndefined();
    }
  });

  it('do not show what they hold, and differ each time', async () => {
    const a = await sealPageToken(key, binding);
    const b = await sealPageToken(key, binding);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').toString('latin1')).not.toMatch(/DEPT#|CHILD#|TASK#|delivered/);
  });

  it('refuse any altered byte, a truncation, a forgery and what is not base64url', async () => {
    const token = await sealPageToken(key, binding);
    const raw = Buffer.from(token, 'base64url');
    for (let i = 0; i < raw.length; i += 7) {
      const altered = Buffer.from(raw);
      altered[i]! ^= 0x01;
      expect(await openPageToken(altered.toString('base64url'), binding)).toBeUndefined();
    }
    const forged = Buffer.from(JSON.stringify({ gsi1pk: 'DEPT#education' })).toString('base64url');
    for (const t of [token.slice(0, -4), token.slice(0, 20), '', forged, `${token}=`, token.replace(/.$/, '!'), 'x'.repeat(2048)]) {
      expect(await openPageToken(t, binding)).toBeUndefined();
    }
  });
});
