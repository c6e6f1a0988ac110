// The HTTP layer answers 400 for a malformed path parameter before any handler runs (services/api/http.ts), so
// every operation with one documents the 400.
import { describe, expect, it } from 'vitest';
import { operations } from '../../contracts/api/operations/index.ts';
import { checkResponse } from '../helpers/responses.ts';

describe('documented operations', () => {
  it('declare 400 wherever the path carries a parameter', () => {
    const undeclared = Object.entries(operations)
      .filter(([key, op]) => key.includes('{') && !(op.errors as number[]).includes(400))
      .map(([key]) => key);
    expect(Object.keys(operations).filter((k) => k.includes('{')).length).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });
});

describe('the integration tests\' answer check', () => {
  it('refuses an answer that is not the documented one, and an undeclared status', () => {
    expect(() => checkResponse('GET', '/v1/health', 200, { status: 'ok', time: '2026-11-20T10:00:00+08:00' })).not.toThrow();
    expect(() => checkResponse('GET', '/v1/health', 200, { status: 'ok' })).toThrow(/GET \/v1\/health answered 200, not its documented .*time/s);
    expect(() => checkResponse('GET', '/v1/children/CH1', 409, { error: 'conflict', message: 'x' })).toThrow(/does not declare/);
    expect(() => checkResponse('GET', '/v1/children/CH1?x=1', 404, { error: 'not_found', message: 'x' })).not.toThrow();
    expect(() => checkResponse('GET', '/v1/children/CH1', 404, 'Not Found')).toThrow(/not an error body/);
  });
});
