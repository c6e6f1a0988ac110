// The pushed bodies as published documents: each department's wire schema per task type and major version, from
// the mapping's own zod schema (`wireFormat` in services/departments/<code>/mapping.ts), with its code tables
// (`x-codes`). Read from the topology's departments by path, so no list of departments exists here.
import type { DepartmentCode } from '../../contracts/common.ts';
import type { WireBody } from '../../services/departments/wire-format.ts';
import { departments, type DepartmentEntry, taskTypesOf } from '../../services/topology.ts';
import { loadMapping, type DepartmentMapping } from '../departments/modules.ts';
import { SCHEMA_BASE, toSchema, type SchemaDoc } from './schemas.ts';

const mappings = new Map<DepartmentCode, DepartmentMapping>(
  await Promise.all(departments.map(async (d) => [d.code, await loadMapping(d.code)] as const)),
);

/** A department's mapping module (toWire, fromWire, wireFormat). */
export const mappingOf = (code: DepartmentCode): DepartmentMapping => mappings.get(code)!;

const keyOf = (c: WireBody['contract']) => `${c.type}.v${c.version}`;

/** The department's wire bodies in topology order; throws unless there is exactly one per task type of the department. */
export function wireBodies(d: DepartmentEntry): WireBody[] {
  const bodies = mappingOf(d.code).wireFormat.bodies;
  const declared = bodies.map((b) => keyOf(b.contract));
  const expected = taskTypesOf(d.code).map((t) => keyOf(t.contract));
  const missing = expected.filter((k) => !declared.includes(k));
  const extra = declared.filter((k) => !expected.includes(k));
  if (missing.length || extra.length || declared.length !== new Set(declared).size) {
    throw new Error(
      `services/departments/${d.code}/mapping.ts: wireFormat.bodies must have one body per task type of ${d.code}` +
        `${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not in the topology ${extra.join(', ')}` : ''}`,
    );
  }
  return expected.map((k) => bodies.find((b) => keyOf(b.contract) === k)!);
}

export const wireSchemaId = (c: WireBody['contract']) => `${SCHEMA_BASE}${keyOf(c)}.wire.json`;
export const wireSchemaFile = (c: WireBody['contract']) => `${keyOf(c)}.wire.schema.json`;

/**
 * The JSON Schema of each pushed body. Role `request`: the hub sends it and departments validate it strictly, so it
 * may change only as a request may (docs/decisions/0005-contract-versioning.md).
 */
export function wireSchemas(): SchemaDoc[] {
  return departments.flatMap((d) =>
    wireBodies(d).map((b) => ({
      file: wireSchemaFile(b.contract),
      id: wireSchemaId(b.contract),
      role: 'request' as const,
      key: keyOf(b.contract),
      type: b.contract.type,
      version: b.contract.version,
      part: 'wire' as const,
      schema: toSchema(b.schema, wireSchemaId(b.contract), 'output'),
    })),
  );
}
