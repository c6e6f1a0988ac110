// A department on HMAC-SM3 (medical insurance, in the topology): the adapter's push signs with SM3 and its
// simulator verifies it; a tampered or SHA-256-signed push is refused; and a simulator told to expect SHA-256
// instead runs that scheme.
import { afterEach, describe, expect, it } from 'vitest';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { push } from '../../services/delivery/push.ts';
import { signedHeaders } from '../../services/delivery/signature.ts';
import { findDepartment, findTaskType, signatureOf } from '../../services/topology.ts';
import { loadMapping, loadSimulator } from '../../scripts/departments/modules.ts';
import { buildSample } from '../../scripts/partner-check/samples.ts';
import { startSimulators, type RunningSimulators } from '../../scripts/simulators/simulator.ts';
import type { SignatureScheme } from '../../contracts/push.ts';

const code = preEnrollmentV1.department;
const secret = 'sm3-test-secret';
let n = 0;
const ids = { ulid: () => `01JE${String(++n).padStart(22, '0')}` };
let running: RunningSimulators | undefined;

async function simulator(signatures?: Record<string, SignatureScheme>) {
  running = await startSimulators({
    simulators: [(await loadSimulator(code))!],
    secrets: { [code]: secret },
    ...(signatures ? { signatures } : {}),
    // Nothing answers here: these tests look at the push's answer only, the simulator's later calls fail quietly.
    hubUrl: 'http://127.0.0.1:9',
    tokens: { [code]: 'unused' },
    delayMs: 60_000,
  });
  return running;
}

async function sample() {
  const mapping = await loadMapping(code);
  return buildSample(findDepartment(code)!, findTaskType(preEnrollmentV1.type)!, mapping, ids, Date.now());
}

afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('HMAC-SM3 pushes to the medical-insurance simulator', () => {
  it('the topology puts medical insurance on HMAC-SM3', () => {
    expect(signatureOf(code)).toBe('hmac-sm3');
  });

  it('verifies a push the adapter signed with SM3', async () => {
    const sims = await simulator();
    const s = await sample();
    const outcome = await push(sims.endpointOf(code), secret, s.wire, s.idempotencyKey, 5000, 'hmac-sm3');
    expect(outcome).toMatchObject({ kind: 'delivered', status: 202 });
    expect(sims.received(code)).toEqual([s.idempotencyKey]);
  });

  it('refuses a tampered SM3 push and a SHA-256-signed one with 401, taking neither', async () => {
    const sims = await simulator();
    const s = await sample();
    const other = await sample();
    const send = (headers: Record<string, string>) =>
      fetch(sims.endpointOf(code), { method: 'POST', headers, body: s.body }).then(async (r) => [r.status, await r.json()]);
    // Signed over another task's body, sent with this one's.
    expect(await send(signedHeaders(secret, other.body, s.idempotencyKey, Date.now(), 'hmac-sm3'))).toEqual([401, { reason: 'signature mismatch' }]);
    expect(await send(signedHeaders(secret, s.body, s.idempotencyKey, Date.now(), 'hmac-sha256'))).toEqual([401, { reason: 'signature scheme' }]);
    expect(sims.received(code)).toEqual([]);
  });

  it('runs HMAC-SHA256 instead when told to, and then refuses SM3', async () => {
    const sims = await simulator({ [code]: 'hmac-sha256' });
    const s = await sample();
    expect(await push(sims.endpointOf(code), secret, s.wire, s.idempotencyKey, 5000, 'hmac-sm3')).toMatchObject({ kind: 'refused', status: 401 });
    expect(await push(sims.endpointOf(code), secret, s.wire, s.idempotencyKey, 5000, 'hmac-sha256')).toMatchObject({ kind: 'delivered' });
  });
});
