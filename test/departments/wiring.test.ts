// Each department of the topology has its adapter and simulator, wired to its own mapping and covering every task
// type the topology gives it: a department or task type added to the topology without its adapter, mapping,
// simulated result or partner-check sample fails here. Each body `toWire` builds is what the mapping's published
// wire schema (`wireFormat`) says, and reads back to the request it came from.
import { describe, expect, it } from 'vitest';
import { loadAdapter, loadMapping, loadSamples, loadSimulator } from '../../scripts/departments/modules.ts';
import { buildSample } from '../../scripts/partner-check/samples.ts';
import { departments, taskTypesOf } from '../../services/topology.ts';

describe.each(departments.map((d) => [d.code, d] as const))('%s wiring', (code, department) => {
  it('adapter and simulator speak for the department, through its mapping', async () => {
    const { adapter, handler } = await loadAdapter(code);
    const mapping = await loadMapping(code);
    const sim = await loadSimulator(code);
    expect(adapter.department).toBe(code);
    expect(adapter.toWire).toBe(mapping.toWire);
    // What the adapter checks an envelope against: the topology's task types of the department, the same contracts.
    expect(adapter.taskTypes).toEqual(taskTypesOf(code).map((t) => t.contract));
    for (const [i, t] of taskTypesOf(code).entries()) expect(adapter.taskTypes[i]).toBe(t.contract);
    expect(typeof handler).toBe('function');
    expect(sim?.department).toBe(code);
    expect(sim!.fromWire).toBe(mapping.fromWire);
  });

  it('the simulator answers, and the partner check samples, exactly the task types the topology gives it', async () => {
    const types = taskTypesOf(department.code).map((t) => t.contract.type).sort();
    expect(types.length).toBeGreaterThan(0);
    expect(Object.keys((await loadSimulator(code))!.results).sort()).toEqual(types);
    expect((await loadSamples(code)).map((s) => s.contract.type).sort()).toEqual(types);
  });

  it('each task type\'s pushed body parses by its declared wire schema and reads back to its request', async () => {
    const mapping = await loadMapping(code);
    const samples = await loadSamples(code);
    let n = 0;
    const ids = { ulid: () => `01J${String(n++).padStart(23, '0')}` };
    for (const entry of taskTypesOf(department.code)) {
      const body = mapping.wireFormat.bodies.find((b) => b.contract.type === entry.contract.type && b.contract.version === entry.contract.version);
      expect(body, `${entry.contract.type} has a wire body`).toBeDefined();
      const sample = buildSample(department, entry, mapping, ids, Date.parse('2026-06-01T02:00:00Z'), samples);
      expect(body!.schema.safeParse(sample.wire).success).toBe(true);
      // Another task type's schema refuses it: the bodies are told apart.
      for (const other of mapping.wireFormat.bodies.filter((b) => b !== body)) expect(other.schema.safeParse(sample.wire).success).toBe(false);
      expect(mapping.fromWire(sample.wire)).toEqual({ taskId: sample.taskId, type: entry.contract.type, request: sample.envelope.data });
    }
  });
});
