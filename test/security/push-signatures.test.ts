// Push signatures (docs/security.md): a push that is tampered, signed with another secret or scheme, replayed
// outside the five-minute window, replayed with the same signature inside it under another idempotency key, or
// unsigned is refused with 401 and taken by nobody, for a department on HMAC-SHA256 and one on HMAC-SM3. The very
// same request again is the redelivery it looks like (contracts/push.ts `replayRule`): 2xx, duplicate, taken once.
// The hub verifies no inbound signed call (departments call its API with their tokens), so the receivers that must
// refuse are the department's: its simulator (the hub's verify) and the partner kit's generic verifier, which reads
// only the published OpenAPI document.
import { afterAll, describe, expect, it } from 'vitest';
import { timestampToleranceSeconds } from '../../contracts/push.ts';
import { OPENAPI_FILE } from '../../scripts/contracts/build.ts';
import { loadMapping, loadSimulator } from '../../scripts/departments/modules.ts';
import { buildSample } from '../../scripts/partner-check/samples.ts';
import { startSimulators } from '../../scripts/simulators/simulator.ts';
import { ReplayGuard, signedHeaders, verify } from '../../services/delivery/signature.ts';
import { findDepartment, signatureOf, taskTypesOf } from '../../services/topology.ts';
import { startGenericEndpoint } from '../partner-check/generic-verifier.ts';

const secret = 'this-department-s-shared-secret';
const departmentsUnderTest = ['education', 'medical-insurance'] as const;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});
let n = 0;
const ids = { ulid: () => `01JF${String(++n).padStart(22, '0')}` };

async function receivers(code: string) {
  const sims = await startSimulators({
    simulators: [(await loadSimulator(code))!],
    secrets: { [code]: secret },
    // The simulator's later moves (acknowledge, complete) go nowhere: these tests look at the push's answer only.
    hubUrl: 'http://127.0.0.1:9',
    tokens: { [code]: 'unused' },
    delayMs: 60_000,
  });
  const generic = await startGenericEndpoint({ openApiFile: OPENAPI_FILE, department: code, secret });
  closers.push(sims.close, generic.close);
  return [
    { name: 'simulator', url: sims.endpointOf(code), took: () => sims.received(code).length },
    { name: 'generic verifier', url: generic.url, took: () => generic.received.size },
  ];
}

async function sample(code: string) {
  const d = findDepartment(code)!;
  return buildSample(d, taskTypesOf(d.code)[0]!, await loadMapping(code), ids, Date.now());
}

const otherScheme = (code: string) => (signatureOf(code) === 'hmac-sm3' ? 'hmac-sha256' : 'hmac-sm3');

describe.each(departmentsUnderTest)('[signatures] %s', (code) => {
  it('the department is on the scheme this test means', () => {
    expect(signatureOf(code)).toBe(code === 'medical-insurance' ? 'hmac-sm3' : 'hmac-sha256');
  });

  it('each receiver takes a genuine push once and refuses every forged, stale, replayed or unsigned one', async () => {
    const scheme = signatureOf(code);
    for (const r of await receivers(code)) {
      const s = await sample(code);
      const other = await sample(code);
      const post = (headers: Record<string, string>, body = s.body) =>
        fetch(r.url, { method: 'POST', headers, body }).then((res) => res.status);
      const now = Date.now();
      const genuine = signedHeaders(secret, s.body, s.idempotencyKey, now, scheme);
      const unsigned = { 'content-type': 'application/json', 'idempotency-key': s.idempotencyKey };
      const answers = {
        genuine: await post(genuine),
        'the same request again': await post(genuine),
        'the same signature, another idempotency key': await post({ ...genuine, 'idempotency-key': other.idempotencyKey }),
        'a tampered body': await post(signedHeaders(secret, other.body, other.idempotencyKey, now + 1000, scheme)),
        'signed with another secret': await post(signedHeaders(`${secret}-not`, other.body, other.idempotencyKey, now, scheme), other.body),
        'signed with the other scheme': await post(signedHeaders(secret, other.body, other.idempotencyKey, now, otherScheme(code)), other.body),
        'outside the window': await post(signedHeaders(secret, other.body, other.idempotencyKey, now - (timestampToleranceSeconds + 5) * 1000, scheme), other.body),
        unsigned: await post(unsigned, other.body),
      };
      expect(answers, r.name).toEqual({
        genuine: 202,
        'the same request again': 200,
        'the same signature, another idempotency key': 401,
        'a tampered body': 401,
        'signed with another secret': 401,
        'signed with the other scheme': 401,
        'outside the window': 401,
        unsigned: 401,
      });
      expect(r.took(), `${r.name} took only the genuine push`).toBe(1);
      // A genuine retry, signed afresh a second later, is no replay: it is the duplicate the idempotency key names.
      expect(await post(signedHeaders(secret, s.body, s.idempotencyKey, now + 1000, scheme)), r.name).toBe(200);
    }
  });
});

describe('[signatures] the replay guard', () => {
  it('forgets a signature once its timestamp has left the window, and remembers only genuine ones', () => {
    const guard = new ReplayGuard(300);
    const headers = signedHeaders(secret, '{}', 'k', 1_000_000_000);
    expect(verify(secret, headers, '{}', 1_000_000_000, { replays: guard })).toEqual({ ok: true });
    expect(verify(secret, headers, '{}', 1_000_100_000, { replays: guard })).toEqual({ ok: true });
    expect(verify(secret, { ...headers, 'idempotency-key': 'k2' }, '{}', 1_000_100_000, { replays: guard })).toEqual({ ok: false, reason: 'replayed' });
    expect(verify(`${secret}x`, signedHeaders(`${secret}x`, '{}', 'k', 1_000_000_000), '{"a":1}', 1_000_000_000, { replays: guard })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(guard.size).toBe(1);
    // Past the window the timestamp check refuses it; the guard no longer needs to hold it.
    expect(guard.admit('sha256=other', 'k3', 1_000_301, 1_000_301)).toBe(true);
    expect(guard.admit('sha256=later', 'k4', 1_000_700, 1_000_700)).toBe(true);
    expect(guard.size).toBe(1);
  });
});
