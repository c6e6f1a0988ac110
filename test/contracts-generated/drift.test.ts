// contracts/generated/ is what the generator writes from the zod contracts today, byte for byte, and every
// contract in the topology is published and still compatible with what was published.
import { describe, expect, it } from 'vitest';
import { buildGenerated, describeDrift, findDrift, GENERATE_COMMAND, hasDrift } from '../../scripts/contracts/build.ts';
import { canonicalJson } from '../../scripts/contracts/canonical.ts';
import {
  comparePublished,
  describeBreaking,
  describeRetired,
  describeUnpublished,
} from '../../scripts/contracts/published.ts';
import { allSchemas } from '../../scripts/contracts/all-schemas.ts';
import { readCommitted, root } from './support.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

describe('contracts/generated/', () => {
  const files = buildGenerated(root);

  it('matches a fresh generation (else run the generator and commit)', () => {
    const drift = findDrift(root, files, readCommitted);
    expect(hasDrift(drift), describeDrift(drift)).toBe(false);
  });

  it('names the command to run when it drifts', () => {
    const drift = findDrift(root, files, (p) => (p.endsWith('openapi.json') ? '{}\n' : readCommitted(p)));
    expect(drift.changed).toContain('contracts/generated/openapi.json');
    expect(describeDrift(drift)).toContain(GENERATE_COMMAND);
  });

  it('holds a JSON Schema for the envelope and for each task type’s input, request and result', () => {
    const schemaFiles = [...files.keys()].filter((p) => p.startsWith('contracts/generated/schemas/'));
    expect(schemaFiles).toHaveLength(allSchemas().length);
    expect(schemaFiles).toContain('contracts/generated/schemas/envelope.v1.schema.json');
    expect(schemaFiles).toContain(`contracts/generated/schemas/${preEnrollmentV1.type}.v1.request.schema.json`);
  });

  it('is deterministic and canonical: a second build gives the same bytes, each file ends in one newline', () => {
    const again = buildGenerated(root);
    for (const [path, content] of files) {
      expect(again.get(path)).toBe(content);
      expect(content.endsWith('}\n')).toBe(true);
      expect(canonicalJson(JSON.parse(content))).toBe(content);
    }
  });
});

describe('canonicalJson', () => {
  it('orders keys (well-known first), keeps the declared order of properties, ends in a newline', () => {
    const text = canonicalJson({ type: 'object', required: ['b'], properties: { b: { type: 'string' }, a: {} }, $id: 'x', title: 't', skip: undefined });
    expect(Object.keys(JSON.parse(text))).toEqual(['$id', 'title', 'type', 'properties', 'required']);
    expect(Object.keys(JSON.parse(text).properties)).toEqual(['b', 'a']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('contracts/published/ (a published version changes compatibly or not at all)', () => {
  const report = comparePublished(root, allSchemas(), readCommitted);

  it('has every contract version of the topology published', () => {
    expect(report.unpublished, describeUnpublished(report)).toEqual([]);
  });

  it('has no breaking change to a published version', () => {
    expect(report.breaking, describeBreaking(report)).toEqual([]);
  });

  it('still generates every published version', () => {
    expect(report.retired, describeRetired(report)).toEqual([]);
  });

  it('catches a breaking edit of a published snapshot’s successor, and says what to do instead', () => {
    const schemas = allSchemas();
    const target = schemas.find((s) => s.key === `${preEnrollmentV1.type}.v1` && s.role === 'result')!;
    const edited = structuredClone(target.schema) as { required: string[]; properties: Record<string, unknown> };
    edited.properties.policyNumber = { type: 'string' };
    edited.required.push('policyNumber');
    const broken = comparePublished(root, schemas.map((s) => (s === target ? { ...s, schema: edited } : s)), readCommitted);
    const found = broken.breaking.filter((b) => b.key === target.key);
    expect(found.map((b) => b.file)).toEqual([`contracts/published/${preEnrollmentV1.type}.v1.result.schema.json`]);
    expect(describeBreaking({ ...broken, breaking: found })).toMatch(/policyNumber: property newly required[\s\S]*Publish a new major version instead/);
  });
});
