// Every task type has an example (contracts/<department>/examples/<name>.v<N>.json), and each part of it is valid three ways:
// against the generated JSON Schema (Ajv, draft 2020-12), against the zod contract, and (results) against the
// contract's business rules. An example that rots fails here.
import { describe, expect, it } from 'vitest';
import { exampleFile, exampleResults, loadExamples } from '../../scripts/contracts/examples.ts';
import { contractSchemaId, parts } from '../../scripts/contracts/schemas.ts';
import { taskTypes } from '../../services/topology.ts';
import { ajvErrors, root, schemaAjv } from './support.ts';

const contracts = taskTypes.map((t) => t.contract);
const examples = loadExamples(root, contracts);
const ajv = schemaAjv();

describe.each(contracts.map((c) => [exampleFile(c), c] as const))('%s', (_file, contract) => {
  const example = examples.get(`${contract.type}.v${contract.version}`)!;
  const samples = {
    input: [['input', example.input]],
    request: [['request', example.request]],
    result: exampleResults(example),
  } as const;

  it.each(parts)('its %s is valid against the generated JSON Schema', (part) => {
    const validate = ajv.getSchema(contractSchemaId(contract, part))!;
    for (const [name, value] of samples[part]) {
      expect(ajvErrors(validate(value) ? [] : validate.errors), name).toEqual([]);
    }
  });

  it.each(parts)('its %s parses with the zod contract', (part) => {
    for (const [name, value] of samples[part]) {
      const parsed = contract[part].safeParse(value);
      expect(parsed.success ? [] : parsed.error.issues, name).toEqual([]);
    }
  });

  it('its results meet the contract’s rules for its request (checkResult)', () => {
    const request = contract.request.parse(example.request);
    for (const [name, result] of samples.result) {
      expect(contract.checkResult?.(contract.result.parse(result), request) ?? [], name).toEqual([]);
    }
  });
});

describe('the JSON Schemas are no looser than the contracts where JSON Schema can say it', () => {
  it('refuse what the contracts refuse: an unknown field, a missing field, a bad enum value', () => {
    for (const c of contracts) {
      const example = examples.get(`${c.type}.v${c.version}`)!;
      const validate = ajv.getSchema(contractSchemaId(c, 'request'))!;
      const [first] = Object.keys(example.request);
      const bad = [
        { ...example.request, unexpected: true },
        Object.fromEntries(Object.entries(example.request).filter(([k]) => k !== first)),
        { ...example.request, ...(example.request.gender ? { gender: 'unknown' } : { institutionId: 'XYZ-1' }) },
      ];
      for (const value of bad) {
        expect(validate(value), `${c.type} request ${JSON.stringify(value).slice(0, 80)}`).toBe(false);
        expect(c.request.safeParse(value).success).toBe(false);
      }
    }
  });
});
