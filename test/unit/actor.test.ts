// Who a request acts as: the principal and the person from the authorizer's context, refused once the token's
// expiry has passed (API Gateway may answer from its cache after `exp`), and what a write records of it.
import { describe, expect, it } from 'vitest';
import { callerOf, EXPIRY_TOLERANCE_SECONDS, identityContext, personOf, whoOf } from '../../services/auth/actor.ts';

const now = Date.parse('2026-12-01T04:00:00Z');
const sec = now / 1000;

describe('the caller of a request', () => {
  it('reads the principal and the person; a context without a person is a machine', () => {
    expect(callerOf({ principal: 'staff:CWI-450100', personId: 'u1', personName: '张三' }, now)).toEqual({
      principal: { kind: 'staff', institutionId: 'CWI-450100' },
      person: { id: 'u1', name: '张三' },
    });
    expect(callerOf({ principal: 'department:education@450200' }, now)).toEqual({
      principal: { kind: 'department', department: 'education', cityCode: '450200' },
    });
  });

  it('is none for a token past its expiry (beyond the tolerance), a malformed expiry or principal, or a system principal', () => {
    const ctx = (expiresAt: unknown) => ({ principal: 'supervisor:450000', expiresAt });
    expect(callerOf(ctx(sec + 60), now)?.principal).toEqual({ kind: 'supervisor', cityCode: '450000' });
    expect(callerOf(ctx(sec - EXPIRY_TOLERANCE_SECONDS + 1), now)).toBeDefined();
    expect(callerOf(ctx(sec - EXPIRY_TOLERANCE_SECONDS - 1), now)).toBeUndefined();
    expect(callerOf(ctx('soon'), now)).toBeUndefined();
    expect(callerOf({ principal: 'system:redispatch' }, now)).toBeUndefined();
    expect(callerOf({ principal: 'department:education@110100' }, now)).toBeUndefined();
    expect(callerOf(undefined, now)).toBeUndefined();
  });

  it('names a person only with a well-formed id and name', () => {
    expect(personOf('u1', '  张三 ')).toEqual({ id: 'u1', name: '张三' });
    expect(personOf('u1', '')).toEqual({ id: 'u1' });
    expect(personOf('', '张三')).toBeUndefined();
    expect(personOf('x'.repeat(129), undefined)).toBeUndefined();
    expect(personOf('u1', '名'.repeat(65))).toBeUndefined();
  });

  it('writes what the authorizer context carries and records what a write needs', () => {
    const identity = { principal: 'staff:CWI-450100', person: { id: 'u1', name: '张三' }, expiresAt: sec };
    expect(identityContext(identity)).toEqual({ principal: 'staff:CWI-450100', personId: 'u1', personName: '张三', expiresAt: sec });
    const caller = callerOf(identityContext(identity), now)!;
    expect(whoOf(caller)).toEqual({ by: 'staff:CWI-450100', person: { id: 'u1', name: '张三' } });
    expect(whoOf({ principal: { kind: 'department', department: 'education' } })).toEqual({ by: 'department:education' });
  });
});
