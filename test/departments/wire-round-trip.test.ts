// Property: for every task type of the topology, what the hub sends a department reads back as exactly the request
// (fromWire(toWire(x)) = x), over generated requests and through JSON as on the wire. The requests vary each field
// the contract's JSON Schema lets vary without a pattern (enums, booleans, free text, bounded numbers) and leave
// optional fields out, around the task type's example; only requests the contract accepts are tried.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { loadExamples } from '../../scripts/contracts/examples.ts';
import { loadMapping } from '../../scripts/departments/modules.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import { departments, taskTypesOf } from '../../services/topology.ts';
import { root } from '../contracts-generated/support.ts';
import { TIME, taskView } from './helpers.ts';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Values around `example` that the schema allows; the example itself stays one of them. */
function around(schema: JsonSchema, example: unknown): fc.Arbitrary<unknown> {
  const keep = fc.constant(example);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.type === 'string' && !schema.pattern && !schema.format) {
    const text = fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
    return fc.oneof(keep, text);
  }
  if (schema.type === 'integer') return fc.oneof(keep, fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 10_000 }));
  if (schema.type === 'object' && schema.properties && typeof example === 'object' && example !== null) {
    const fields = Object.entries(example as Record<string, unknown>).map(([key, value]) => {
      const field = around(schema.properties![key] ?? {}, value);
      return [key, schema.required?.includes(key) ? field : fc.option(field, { nil: undefined })] as const;
    });
    return fc.record(Object.fromEntries(fields)).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  }
  return keep;
}

const cases = departments.flatMap((d) => taskTypesOf(d.code).map(({ contract }) => [contract.type, d.code, contract] as const));
const examples = loadExamples(root, cases.map(([, , c]) => c));

describe('wire mappings round-trip generated requests', () => {
  it.each(cases)('%s', async (_type, code, contract) => {
    const { toWire, fromWire } = await loadMapping(code);
    const example = examples.get(`${contract.type}.v${contract.version}`)!;
    const schema = z.toJSONSchema(contract.request, { io: 'input' }) as JsonSchema;
    const requests = around(schema, example.request)
      .map((raw) => contract.request.safeParse(raw))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data);
    const { childId, institutionId } = example.request as { childId?: string; institutionId?: string };
    let varied = 0;
    fc.assert(
      fc.property(requests, (request) => {
        if (JSON.stringify(request) !== JSON.stringify(contract.request.parse(example.request))) varied++;
        const task = taskView({ type: contract.type, contractVersion: contract.version, department: contract.department, subjectId: childId ?? institutionId!, request });
        const wire = JSON.parse(JSON.stringify(toWire(taskEnvelope(task, TIME))));
        expect(fromWire(wire)).toEqual({ taskId: task.taskId, type: contract.type, request });
      }),
      { numRuns: 200 },
    );
    // A generator that only ever produced the example would prove nothing.
    expect(varied).toBeGreaterThan(100);
  });
});
