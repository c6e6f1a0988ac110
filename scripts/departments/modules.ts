// A department's modules, found by its code alone, so that no list of departments exists beside the topology:
// the deployable adapter and wire mapping in services/departments/<code>/, the local-only stand-in in
// scripts/departments/<code>/ (its simulator, which `npm start` and the tests play it with, and the samples the
// partner check sends it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DepartmentAdapter } from '../../services/adapters/adapter.ts';
import type { WireFormat } from '../../services/departments/wire-format.ts';
import type { Envelope } from '../../contracts/envelope.ts';
import type { SampleSpec } from '../partner-check/sample-case.ts';
import type { DepartmentSimulator } from '../simulators/simulator.ts';

/**
 * What a department's mapping module exports: the hub side (`toWire`), the department side (`fromWire`), and the
 * zod schema of each task type's body (`wireFormat`), which the generated documents publish.
 */
export interface DepartmentMapping {
  toWire(envelope: Envelope): unknown;
  fromWire(wire: unknown): { taskId: string; type: string; request: unknown };
  wireFormat: WireFormat;
}

/** Loads `services/departments/<code>/mapping.ts`, the module the department's adapter maps with. */
export async function loadMapping(code: string): Promise<DepartmentMapping> {
  const mod = (await import(`../../services/departments/${code}/mapping.ts`)) as Partial<DepartmentMapping>;
  if (typeof mod.toWire !== 'function' || typeof mod.fromWire !== 'function' || !Array.isArray(mod.wireFormat?.bodies)) {
    throw new Error(
      `services/departments/${code}/mapping.ts does not export toWire, fromWire and wireFormat ` +
        '(defineWireFormat from services/departments/wire-format.ts: docs/adding-a-department.md)',
    );
  }
  return { toWire: mod.toWire, fromWire: mod.fromWire, wireFormat: mod.wireFormat };
}

/** Loads `services/departments/<code>/adapter.ts`: the department's adapter and its Lambda handler. */
export async function loadAdapter(code: string): Promise<{ adapter: DepartmentAdapter; handler: unknown }> {
  return (await import(`../../services/departments/${code}/adapter.ts`)) as { adapter: DepartmentAdapter; handler: unknown };
}

/** Where a department's simulator lives. */
export const simulatorFile = (code: string) => fileURLToPath(new URL(`./${code}/simulator.ts`, import.meta.url));

/** The department's simulator, or undefined when it has none (locally it is then a pull department). */
export async function loadSimulator(code: string): Promise<DepartmentSimulator | undefined> {
  if (!existsSync(simulatorFile(code))) return undefined;
  return ((await import(`./${code}/simulator.ts`)) as { simulator: DepartmentSimulator }).simulator;
}

/** The partner check's samples of the department's task types (none: each is opened with an empty input). */
export async function loadSamples(code: string): Promise<readonly SampleSpec[]> {
  if (!existsSync(fileURLToPath(new URL(`./${code}/samples.ts`, import.meta.url)))) return [];
  return ((await import(`./${code}/samples.ts`)) as { samples: readonly SampleSpec[] }).samples;
}
