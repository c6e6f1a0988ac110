// The sample tasks and probes are what the hub would really send: built through the contract, the envelope and
// the department's own mapping, readable by the department's fromWire, and each probe broken in exactly one way.
import { describe, expect, it } from 'vitest';
import { Envelope } from '../../contracts/envelope.ts';
import { verify } from '../../services/delivery/signature.ts';
import { headersFor } from '../../scripts/partner-check/http.ts';
import { foreignFormatBody, notJsonBody, withoutRequiredField } from '../../scripts/partner-check/probes.ts';
import { SAMPLE_MARK } from '../../scripts/partner-check/sample-case.ts';
import { buildSample } from '../../scripts/partner-check/samples.ts';
import { loadMapping, loadSamples } from '../../scripts/departments/modules.ts';
import { departments, findTaskType, taskTypesOf } from '../../services/topology.ts';

const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);
let n = 0;
/** Deterministic ULID-shaped ids (26 Crockford characters). */
const ids = { ulid: () => `01JD${String(++n).padStart(22, '0')}` };

const everyTaskType = departments.flatMap((d) => taskTypesOf(d.code).map((t) => [t.contract.type, d, t] as const));

describe('partner-check samples', () => {
  it.each(everyTaskType)('%s: built as the adapter would push it, and read back by the department', async (type, d, entry) => {
    const mapping = await loadMapping(d.code);
    const sample = buildSample(d, entry, mapping, ids, NOW, await loadSamples(d.code));
    expect(Envelope.parse(sample.envelope).type).toBe(`${type}.v${entry.contract.version}`);
    expect(sample.envelope.department).toBe(d.code);
    expect(sample.idempotencyKey).toBe(sample.envelope.id);
    expect(sample.idempotencyKey).toBe(sample.taskId);
    expect(sample.body).toBe(JSON.stringify(mapping.toWire(sample.envelope)));
    const read = mapping.fromWire(JSON.parse(sample.body));
    expect(read).toEqual({ taskId: sample.taskId, type, request: sample.envelope.data });
    // The contract's request schema accepts it: the sample is a task the hub could really open.
    expect(findTaskType(type)!.contract.request.safeParse(sample.envelope.data).success).toBe(true);
    // Recognisable as test traffic by whoever reads it at the department.
    expect(sample.body).toContain(SAMPLE_MARK);
  });

  it('gives every sample fresh ids, so no probe is mistaken for another one’s redelivery', async () => {
    const d = departments[0]!;
    const mapping = await loadMapping(d.code);
    const a = buildSample(d, taskTypesOf(d.code)[0]!, mapping, ids, NOW);
    const b = buildSample(d, taskTypesOf(d.code)[0]!, mapping, ids, NOW);
    expect(a.taskId).not.toBe(b.taskId);
    expect(a.envelope.subject).not.toBe(b.envelope.subject);
  });

  it.each(everyTaskType)('%s: each malformed body is one the department’s own wire schema refuses', async (_type, d, entry) => {
    const mapping = await loadMapping(d.code);
    const sample = buildSample(d, entry, mapping, ids, NOW, await loadSamples(d.code));
    const missing = withoutRequiredField(sample, mapping);
    expect(missing).toBeDefined();
    // The field carrying the task id: without it the department can neither dedupe nor answer the hub.
    expect(missing!.carriesTaskId).toBe(true);
    expect(() => mapping.fromWire(JSON.parse(missing!.body))).toThrow();
    expect(() => mapping.fromWire(JSON.parse(foreignFormatBody(sample, mapping)))).toThrow();
    expect(() => JSON.parse(notJsonBody(sample))).toThrow(SyntaxError);
  });

  it('names the task type and the file to edit when a sample cannot be built', async () => {
    // A task type whose input needs something, left without a sample: the empty default input does not build.
    const d = departments.find((x) => taskTypesOf(x.code).some((t) => !t.contract.input.safeParse({}).success))!;
    const entry = taskTypesOf(d.code).find((t) => !t.contract.input.safeParse({}).success)!;
    const others = (await loadSamples(d.code)).filter((x) => x.contract !== entry.contract);
    expect(() => buildSample(d, entry, { toWire: () => ({}) }, ids, NOW, others)).toThrow(
      new RegExp(`${entry.contract.type.replace('.', '\\.')}.*scripts/departments/${d.code}/samples\\.ts`),
    );
  });

  it.each(departments.map((d) => [d.code]))('%s: gives samples only of its own task types', async (code) => {
    const own = taskTypesOf(code).map((t) => t.contract);
    for (const sample of await loadSamples(code)) expect(own).toContain(sample.contract);
  });
});

describe('partner-check signing', () => {
  const secret = 'shared';
  const body = '{"a":1}';
  const headers = (signing: Parameters<typeof headersFor>[0]['signing']) =>
    headersFor({ body, idempotencyKey: 'k', signing }, secret, NOW) as Record<string, string>;

  it('signs a valid probe exactly as the adapter does', () => {
    expect(verify(secret, headers({ kind: 'valid' }), body, NOW)).toEqual({ ok: true });
    expect(headers({ kind: 'valid' })['idempotency-key']).toBe('k');
  });

  it('breaks each bad probe in the one way it names', () => {
    expect(verify(secret, headers({ kind: 'wrong-secret' }), body, NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(secret, headers({ kind: 'tampered', signedBody: '{"a":2}' }), body, NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(secret, headers({ kind: 'stale', ageSeconds: 600 }), body, NOW)).toEqual({ ok: false, reason: 'stale' });
    // The stale probe is otherwise correct: checked as of its own timestamp, it verifies.
    expect(verify(secret, headers({ kind: 'stale', ageSeconds: 600 }), body, NOW - 600_000)).toEqual({ ok: true });
    expect(verify(secret, headers({ kind: 'missing' }), body, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(headers({ kind: 'missing' })).toHaveProperty('x-hub-timestamp');
  });
});
