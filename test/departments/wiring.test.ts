// Each department's adapter and simulator are wired to its own mapping and cover every task type the
// topology gives it: a task type added to the topology without a mapping or a simulated result fails here.
import { describe, expect, it } from 'vitest';
import type { DepartmentAdapter } from '../../services/adapters/adapter.ts';
import type { DepartmentSimulator } from '../../scripts/simulators/simulator.ts';
import { findDepartment } from '../../services/topology.ts';
import * as education from '../../services/departments/education/adapter.ts';
import * as educationMapping from '../../services/departments/education/mapping.ts';
import { simulator as educationSimulator } from '../../scripts/departments/education/simulator.ts';
import * as publicSecurity from '../../services/departments/public-security/adapter.ts';
import * as publicSecurityMapping from '../../services/departments/public-security/mapping.ts';
import { simulator as publicSecuritySimulator } from '../../scripts/departments/public-security/simulator.ts';
import * as disability from '../../services/departments/disability-federation/adapter.ts';
import * as disabilityMapping from '../../services/departments/disability-federation/mapping.ts';
import { simulator as disabilitySimulator } from '../../scripts/departments/disability-federation/simulator.ts';
import * as fireRescue from '../../services/departments/fire-rescue/adapter.ts';
import * as fireRescueMapping from '../../services/departments/fire-rescue/mapping.ts';
import { simulator as fireRescueSimulator } from '../../scripts/departments/fire-rescue/simulator.ts';

const wired: [string, DepartmentAdapter, { toWire: unknown; fromWire: unknown }, DepartmentSimulator, unknown][] = [
  ['education', education.adapter, educationMapping, educationSimulator, education.handler],
  ['public-security', publicSecurity.adapter, publicSecurityMapping, publicSecuritySimulator, publicSecurity.handler],
  ['disability-federation', disability.adapter, disabilityMapping, disabilitySimulator, disability.handler],
  ['fire-rescue', fireRescue.adapter, fireRescueMapping, fireRescueSimulator, fireRescue.handler],
];

describe.each(wired)('%s wiring', (code, adapter, mapping, sim, handler) => {
  it('adapter and simulator speak for the department, through its mapping', () => {
    expect(adapter.department).toBe(code);
    expect(adapter.toWire).toBe(mapping.toWire);
    expect(typeof handler).toBe('function');
    expect(sim.department).toBe(code);
    expect(sim.fromWire).toBe(mapping.fromWire);
  });

  it('the simulator answers exactly the task types the topology gives the department', () => {
    const types = findDepartment(code)!.taskTypes.map((t) => t.contract.type).sort();
    expect(types.length).toBeGreaterThan(0);
    expect(Object.keys(sim.results).sort()).toEqual(types);
  });
});
