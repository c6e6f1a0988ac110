// Malformed variants of a sample, each broken in exactly one way, for the probes that check a department refuses
// what it cannot read: a required field missing, a body in another format, a body that is not JSON.
import type { DepartmentMapping } from '../departments/modules.ts';
import { SAMPLE_MARK } from './sample-case.ts';
import type { Sample } from './samples.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The dotted path of the first field (depth first) whose value is `value`, or undefined. */
export function pathOfValue(value: unknown, target: string, at: string[] = []): string[] | undefined {
  if (value === target) return at;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = pathOfValue(v, target, [...at, k]);
      if (found) return found;
    }
  }
  return undefined;
}

function without(value: unknown, path: string[]): Json {
  const copy = structuredClone(value) as Json;
  let parent = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, Json>;
  delete parent[path.at(-1)!];
  return copy;
}

const refuses = (mapping: Pick<DepartmentMapping, 'fromWire'>, wire: unknown) => {
  try {
    mapping.fromWire(wire);
    return false;
  } catch {
    return true;
  }
};

/**
 * The sample with one required field removed: the field carrying the task id when the department's own wire
 * schema (its `fromWire`) refuses the sample without it, else the first top-level field whose absence it refuses.
 * Undefined when no single missing field makes the sample unreadable (the check then says so).
 */
export function withoutRequiredField(
  sample: Sample,
  mapping: Pick<DepartmentMapping, 'fromWire'>,
): { field: string; carriesTaskId: boolean; body: string } | undefined {
  const candidates: string[][] = [];
  const idPath = pathOfValue(sample.wire, sample.taskId);
  if (idPath && idPath.length > 0) candidates.push(idPath);
  if (sample.wire && typeof sample.wire === 'object') candidates.push(...Object.keys(sample.wire).map((k) => [k]));
  for (const path of candidates) {
    const wire = without(sample.wire, path);
    if (refuses(mapping, wire)) return { field: path.join('.'), carriesTaskId: path === idPath, body: JSON.stringify(wire) };
  }
  return undefined;
}

/** A body that is JSON but not the department's format: the hub's own envelope, unmapped (a plausible hub bug). */
export function foreignFormatBody(sample: Sample, mapping: Pick<DepartmentMapping, 'fromWire'>): string {
  if (refuses(mapping, sample.envelope)) return JSON.stringify(sample.envelope);
  return JSON.stringify({ unexpected: SAMPLE_MARK });
}

/** A body that is not JSON at all, as a broken proxy or a truncated write would deliver. */
export const notJsonBody = (sample: Sample) => sample.body.slice(0, Math.max(1, Math.floor(sample.body.length / 2)));
