// JSON Schema (draft 2020-12, zod's own z.toJSONSchema) for every task type's input, request and result, and for
// the envelope. Pure: reads the topology, returns documents; generate.ts writes them.
import * as z from 'zod/mini';
import { Envelope } from '../../contracts/envelope.ts';
import { publishedRules } from '../../contracts/result-rules-published.ts';
import { schemaId, type TaskTypeContract } from '../../contracts/task-type.ts';
import { taskTypes } from '../../services/topology.ts';

export type Part = 'input' | 'request' | 'result';
export const parts: readonly Part[] = ['input', 'request', 'result'];

/**
 * Who produces a document and who checks it decides which changes break it (scripts/contracts/compat.ts):
 * - `request`: the hub sends, departments validate (and the hub re-validates requests already in flight);
 * - `result`, `input`: the caller sends, the hub validates;
 * - `envelope`: the hub sends, adapters and departments read.
 */
export type Role = 'request' | 'result' | 'input' | 'envelope';

export interface SchemaDoc {
  /** File name under contracts/generated/schemas/ (and contracts/published/). */
  file: string;
  id: string;
  role: Role;
  /** `<type>.v<N>` for task types, `envelope.v<N>` for the envelope. */
  key: string;
  type?: string;
  version: number;
  /** `wire`: the body pushed to the department (scripts/contracts/wire.ts). */
  part?: Part | 'wire';
  schema: Record<string, unknown>;
}

export const ENVELOPE_VERSION = 1;
export const SCHEMA_BASE = 'https://child-welfare-hub.example/contracts/';

/** `schemaId` covers request and result; the input's id follows the same pattern. */
export function contractSchemaId(t: Pick<TaskTypeContract, 'type' | 'version'>, part: Part): string {
  if (part !== 'input') return schemaId(t, part);
  const id = `${SCHEMA_BASE}${t.type}.v${t.version}.input.json`;
  // Keep the derivation honest: if schemaId's pattern changes, this must change with it.
  if (schemaId(t, 'request').replace(/request\.json$/, 'input.json') !== id) {
    throw new Error(`contractSchemaId is out of step with schemaId for ${t.type} v${t.version}`);
  }
  return id;
}

export const envelopeSchemaId = `${SCHEMA_BASE}envelope.v${ENVELOPE_VERSION}.json`;

export const schemaFile = (t: Pick<TaskTypeContract, 'type' | 'version'>, part: Part) =>
  `${t.type}.v${t.version}.${part}.schema.json`;
export const envelopeFile = `envelope.v${ENVELOPE_VERSION}.schema.json`;

/**
 * One zod schema to JSON Schema with the given `$id`. Requests and results are converted as what the contract
 * outputs and inputs as what it accepts (`io: 'input'`): an input is what a caller sends. Refinements
 * (superRefine, refine) have no JSON Schema form and are left out; the zod contract and its result rules stay
 * the final word, and docs/contracts.md says so.
 */
export function toSchema(schema: z.ZodMiniType, id: string, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) as Record<string, unknown>;
  return { ...json, $id: id };
}

/**
 * A task type's part as JSON Schema; the result carries the rules it is checked against beyond its shape (`x-rules`,
 * the contract's own declaration: contracts/result-rules.ts), so what a 422 enforces is published beside the shape.
 */
export function contractSchema(c: TaskTypeContract, part: Part): Record<string, unknown> {
  const schema = toSchema(c[part], contractSchemaId(c, part), part === 'input' ? 'input' : 'output');
  return part === 'result' ? { ...schema, 'x-rules': publishedRules(c.rules) } : schema;
}

export function taskTypeSchemas(contracts: readonly TaskTypeContract[] = taskTypes.map((t) => t.contract)): SchemaDoc[] {
  return contracts.flatMap((c) =>
    parts.map((part) => ({
      file: schemaFile(c, part),
      id: contractSchemaId(c, part),
      role: part,
      key: `${c.type}.v${c.version}`,
      type: c.type,
      version: c.version,
      part,
      schema: contractSchema(c, part),
    })),
  );
}

/**
 * The envelope as a reader should accept it: `io: 'input'`, so CloudEvents extension attributes a later hub adds
 * do not make an older reader refuse the message. `data` is open here; the AsyncAPI messages bind it to the
 * task type's request schema.
 */
export function envelopeSchema(): SchemaDoc {
  const schema = toSchema(Envelope, envelopeSchemaId, 'input');
  return {
    file: envelopeFile,
    id: envelopeSchemaId,
    role: 'envelope',
    key: `envelope.v${ENVELOPE_VERSION}`,
    version: ENVELOPE_VERSION,
    schema: {
      ...schema,
      title: `Task envelope v${ENVELOPE_VERSION}`,
      description:
        'CloudEvents-shaped envelope of every message on a department queue. `data` is the task type\'s request ' +
        '(its schema is named by `dataschema`); `taskid` and `subject` (the child or institution) are always present.',
    },
  };
}
