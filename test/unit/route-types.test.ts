// Type tests: a handler answers with the status and the body type its operation documents (the same schema the
// OpenAPI document is generated from), or it does not compile; each `@ts-expect-error` below fails
// `npm run typecheck` if its line compiles.
import { describe, expect, it } from 'vitest';
import type { Routes } from '../../services/api/http.ts';

const time = '2026-11-20T02:00:00.000Z';

describe('route answers are typed by their operation', () => {
  it('accepts the documented answer, refuses another status, a missing field and a wrong value', () => {
    const right = { 'GET /v1/health': async () => ({ status: 200 as const, body: { status: 'ok' as const, time } }) } satisfies Routes;
    const refused = [
      // @ts-expect-error: the health route answers 200, not 201
      { 'GET /v1/health': async () => ({ status: 201 as const, body: { status: 'ok' as const, time } }) } satisfies Routes,
      // @ts-expect-error: a transfer's answer lacks its children and the rest of its view
      { 'GET /v1/transfers/{transferId}': async () => ({ status: 200 as const, body: { transferId: 'TR1' } }) } satisfies Routes,
      // @ts-expect-error: `fine` is not the health answer's status
      { 'GET /v1/health': async () => ({ status: 200 as const, body: { status: 'fine' as const, time } }) } satisfies Routes,
    ];
    expect(Object.keys(right)).toEqual(['GET /v1/health']);
    expect(refused).toHaveLength(3);
  });
});
