// Each department of the topology has its adapter and simulator, wired to its own mapping and covering every task
// type the topology gives it: a department or task type added to the topology without its adapter, mapping,
// simulated result or partner-check sample fails here.
import { describe, expect, it } from 'vitest';
import { loadAdapter, loadMapping, loadSamples, loadSimulator } from '../../scripts/departments/modules.ts';
import { departments } from '../../services/topology.ts';

describe.each(departments.map((d) => [d.code, d] as const))('%s wiring', (code, department) => {
  it('adapter and simulator speak for the department, through its mapping', async () => {
    const { adapter, handler } = await loadAdapter(code);
    const mapping = await loadMapping(code);
    const sim = await loadSimulator(code);
    expect(adapter.department).toBe(code);
    expect(adapter.toWire).toBe(mapping.toWire);
    expect(typeof handler).toBe('function');
    expect(sim?.department).toBe(code);
    expect(sim!.fromWire).toBe(mapping.fromWire);
  });

  it('the simulator answers, and the partner check samples, exactly the task types the topology gives it', async () => {
    const types = department.taskTypes.map((t) => t.contract.type).sort();
    expect(types.length).toBeGreaterThan(0);
    expect(Object.keys((await loadSimulator(code))!.results).sort()).toEqual(types);
    expect((await loadSamples(code)).map((s) => s.contract.type).sort()).toEqual(types);
  });
});
