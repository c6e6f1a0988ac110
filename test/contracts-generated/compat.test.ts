// The breaking-change checker (scripts/contracts/compat.ts) on schemas built the way the contracts are: it
// catches each kind of break for each role, and lets compatible changes through.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { IsoDate, ShortText } from '../../contracts/common.ts';
import { hukouMigrationV1 } from '../../contracts/public-security/hukou-migration.v1.ts';
import { Envelope } from '../../contracts/envelope.ts';
import { checkCompatibility } from '../../scripts/contracts/compat.ts';
import { narrowings } from '../../scripts/contracts/narrowings.ts';
import type { Json } from '../../scripts/contracts/schema-reading.ts';
import { toSchema } from '../../scripts/contracts/schemas.ts';
import type { Role } from '../../scripts/contracts/schemas.ts';

const json = (s: z.ZodMiniType, io: 'input' | 'output' = 'output') => toSchema(s, 'https://example.test/x.json', io) as Json;
const breaks = (before: z.ZodMiniType, after: z.ZodMiniType, role: Role, io: 'input' | 'output' = 'output') =>
  checkCompatibility(json(before, io), json(after, io), role);
const paths = (changes: { path: string }[]) => [...new Set(changes.map((c) => c.path))].sort();

// A result the way departments send them: strict, a few required fields, an enum, a nested array.
const Severity = z.enum(['general', 'major']);
const result = {
  inspectedOn: IsoDate.check(z.describe('Date of the inspection')),
  hazards: z.array(z.strictObject({ description: ShortText, severity: Severity })),
  drillHeld: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(200))),
};
const Result = z.strictObject(result);

// A request the way the hub sends them.
const request = {
  childId: z.string().check(z.regex(/^CH[0-9A-Z]{26}$/)),
  name: ShortText,
  gender: z.enum(['male', 'female']),
  grade: z.optional(z.int().check(z.gte(1), z.lte(6))),
};
const Request = z.strictObject(request);

describe('identical and descriptive changes', () => {
  it.each(['result', 'request', 'input', 'envelope'] as const)('%s: the same schema is compatible', (role) => {
    expect(breaks(Result, Result, role)).toEqual([]);
    expect(breaks(Request, Request, role)).toEqual([]);
  });

  it('descriptions, titles and property order change nothing', () => {
    const reordered = z
      .strictObject({ gender: request.gender.check(z.describe('Gender')), grade: request.grade, name: request.name, childId: request.childId }).check(z.meta({ title: 'renamed title', description: 'new words' }));
    expect(breaks(Request, reordered, 'request')).toEqual([]);
    expect(breaks(Result, Result.check(z.meta({ description: 'x' })), 'result')).toEqual([]);
  });

  it('an equivalent refactor (a shared field extracted) changes nothing', () => {
    const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe('the same field, declared elsewhere'));
    expect(breaks(Request, z.strictObject({ ...request, name: Name }), 'request')).toEqual([]);
  });
});

describe('results (departments send, the hub validates): what was accepted stays accepted', () => {
  it('accepts a new optional property, a new enum value, a looser bound, a dropped pattern, an optional field', () => {
    expect(breaks(Result, z.strictObject({ ...result, inspector: z.optional(ShortText) }), 'result')).toEqual([]);
    const wider = z.strictObject({
      ...result,
      hazards: z.array(z.strictObject({ description: ShortText, severity: z.enum(['general', 'major', 'minor']) })),
      note: z.optional(z.string().check(z.maxLength(500))),
      drillHeld: z.optional(z.boolean()),
    });
    expect(breaks(Result, wider, 'result')).toEqual([]);
    expect(breaks(z.strictObject({ code: z.string().check(z.regex(/^\d+$/)) }), z.strictObject({ code: z.string() }), 'result')).toEqual([]);
    expect(breaks(z.strictObject({ n: z.int() }), z.strictObject({ n: z.number() }), 'result')).toEqual([]);
  });

  it('refuses a removed (or renamed) property', () => {
    const { note: _n, ...rest } = result;
    const changes = breaks(Result, z.strictObject(rest), 'result');
    expect(changes).toEqual([{ path: 'note', message: expect.stringMatching(/^property removed or renamed/) }]);
    const renamed = breaks(Result, z.strictObject({ ...rest, remark: result.note }), 'result');
    expect(paths(renamed)).toEqual(['note']);
  });

  it('refuses a newly required property, or an optional one made required', () => {
    expect(breaks(Result, z.strictObject({ ...result, inspector: ShortText }), 'result')).toEqual([
      { path: 'inspector', message: expect.stringMatching(/^property newly required/) },
    ]);
    expect(paths(breaks(Result, z.strictObject({ ...result, note: z.string().check(z.maxLength(200)) }), 'result'))).toEqual(['note']);
  });

  it('refuses a narrowed enum, deep in an array, and names the values', () => {
    const narrowed = z.strictObject({ ...result, hazards: z.array(z.strictObject({ description: ShortText, severity: z.enum(['major']) })) });
    expect(breaks(Result, narrowed, 'result')).toEqual([
      { path: 'hazards[].severity', message: 'values no longer accepted: "general"' },
    ]);
  });

  it('refuses a narrowed type, an added or changed pattern or format, a tightened bound', () => {
    expect(breaks(z.strictObject({ n: z.number() }), z.strictObject({ n: z.int() }), 'result')[0]!.message).toMatch(/^type narrowed/);
    expect(breaks(z.strictObject({ s: z.string() }), z.strictObject({ s: z.string().check(z.regex(/^a/)) }), 'result')[0]!.message).toMatch(/^pattern added/);
    expect(breaks(z.strictObject({ s: z.string().check(z.regex(/^a/)) }), z.strictObject({ s: z.string().check(z.regex(/^b/)) }), 'result')[0]!.message).toMatch(/^pattern changed/);
    expect(breaks(z.strictObject({ s: z.string() }), z.strictObject({ s: z.email() }), 'result').map((c) => c.message)).toContain('format added: email');
    expect(breaks(Result, z.strictObject({ ...result, note: z.optional(z.string().check(z.maxLength(100))) }), 'result')).toEqual([
      { path: 'note', message: 'maxLength tightened: 200 → 100' },
    ]);
    expect(breaks(z.strictObject({ a: z.array(z.string()) }), z.strictObject({ a: z.array(z.string()).check(z.minLength(1)) }), 'result')[0]!.message).toBe(
      'minItems tightened: none → 1',
    );
  });

  it('refuses dropping nullability, and a stricter object where unknown keys were accepted', () => {
    expect(paths(breaks(z.strictObject({ d: z.nullable(IsoDate) }), z.strictObject({ d: IsoDate }), 'result'))).toEqual(['d']);
    expect(breaks(z.strictObject({ d: IsoDate }), z.strictObject({ d: z.nullable(IsoDate) }), 'result')).toEqual([]);
    expect(breaks(z.looseObject({ a: z.string() }), z.strictObject({ a: z.string() }), 'result', 'input')).toEqual([
      { path: '(root)', message: 'unknown properties, accepted before, are refused now' },
    ]);
  });

  it('on a discriminated union: a new outcome is compatible, a dropped outcome or a narrowed branch is not', () => {
    const [Migrated, Exempt] = hukouMigrationV1.result.def.options;
    const Deferred = z.strictObject({ outcome: z.literal('deferred'), until: IsoDate });
    const published = hukouMigrationV1.result;
    expect(breaks(published, z.discriminatedUnion('outcome', [Migrated, Exempt, Deferred]), 'result')).toEqual([]);
    expect(breaks(published, z.discriminatedUnion('outcome', [Migrated]), 'result').length).toBeGreaterThan(0);
    const stricterExempt = z.extend(Exempt, { approvedBy: ShortText });
    expect(paths(breaks(published, z.discriminatedUnion('outcome', [Migrated, stricterExempt]), 'result'))).toEqual(['approvedBy']);
  });
});

describe('result rules (x-rules): a rule added or changed refuses results the published version accepted', () => {
  const schema = toSchema(Result, 'r', 'output');
  const deadline = { id: 'deadline-after-inspection', kind: 'after', field: 'remediationDeadline', other: 'result.inspectedOn', en: 'after', zh: '晚于' };
  const withRules = (...rules: Json[]): Json => ({ ...schema, 'x-rules': rules });

  it('accepts the same rules with other words, a rule removed, and rules published for the first time', () => {
    expect(checkCompatibility(withRules(deadline), withRules({ ...deadline, en: 'must fall after', zh: '须晚于检查日期' }), 'result')).toEqual([]);
    const { id, ...rest } = deadline;
    expect(checkCompatibility(withRules(deadline), withRules({ ...rest, id }), 'result')).toEqual([]);
    expect(checkCompatibility(withRules(deadline), withRules(), 'result')).toEqual([]);
    expect(checkCompatibility(schema, withRules(deadline), 'result')).toEqual([]);
  });

  it('refuses a rule added, or one whose data changed, naming it', () => {
    const drill = { id: 'drill', kind: 'equal', field: 'drillHeld', value: true, en: 'a drill', zh: '演练' };
    expect(checkCompatibility(withRules(deadline), withRules(deadline, drill), 'result')).toEqual([
      { path: 'x-rules', message: expect.stringMatching(/^result rule drill added or changed/) },
    ]);
    expect(checkCompatibility(withRules(deadline), withRules({ ...deadline, kind: 'not-before' }), 'result')).toHaveLength(1);
  });
});

describe('inputs (callers send, the hub validates) follow the result rule', () => {
  it('accepts a new optional field, refuses a new required one', () => {
    const Input = z.strictObject({ level: z.optional(z.enum(['primary', 'junior-secondary'])) });
    expect(breaks(Input, z.extend(Input, { grade: z.optional(z.int()) }), 'input', 'input')).toEqual([]);
    expect(paths(breaks(Input, z.extend(Input, { grade: z.int() }), 'input', 'input'))).toEqual(['grade']);
  });
});

describe('requests (the hub sends, departments validate strictly, requests in flight are re-validated): no change to what is valid', () => {
  it('refuses a new optional property: departments’ strict validators would refuse it', () => {
    const changes = breaks(Request, z.strictObject({ ...request, nickname: z.optional(ShortText) }), 'request');
    expect(changes).toEqual([{ path: 'nickname', message: expect.stringMatching(/^property added: departments validating/) }]);
  });

  it('refuses a removed property (requests in flight carry it) and a newly required one', () => {
    const { grade: _g, ...rest } = request;
    expect(breaks(Request, z.strictObject(rest), 'request')).toContainEqual({
      path: 'grade',
      message: expect.stringMatching(/^property removed or renamed: requests in flight/),
    });
    expect(breaks(Request, z.strictObject({ ...request, grade: z.int().check(z.gte(1), z.lte(6)) }), 'request').map((c) => c.message)).toContainEqual(
      expect.stringMatching(/^property newly required/),
    );
  });

  it('refuses a property that is no longer always sent', () => {
    const changes = breaks(Request, z.strictObject({ ...request, name: z.optional(ShortText) }), 'request');
    expect(changes).toEqual([{ path: 'name', message: expect.stringMatching(/^property no longer always sent/) }]);
  });

  it('refuses an enum widened (departments do not know the value) or narrowed (in flight), and bounds moved either way', () => {
    expect(breaks(Request, z.strictObject({ ...request, gender: z.enum(['male', 'female', 'unknown']) }), 'request')).toEqual([
      { path: 'gender', message: expect.stringMatching(/^values added: "unknown"/) },
    ]);
    expect(breaks(Request, z.strictObject({ ...request, gender: z.enum(['male']) }), 'request')).toEqual([
      { path: 'gender', message: 'values no longer accepted: "female"' },
    ]);
    expect(breaks(Request, z.strictObject({ ...request, grade: z.optional(z.int().check(z.gte(1), z.lte(9))) }), 'request')).toEqual([
      { path: 'grade', message: expect.stringMatching(/^maximum relaxed: 6 → 9/) },
    ]);
    expect(breaks(Request, z.strictObject({ ...request, grade: z.optional(z.int().check(z.gte(1), z.lte(3))) }), 'request')).toEqual([
      { path: 'grade', message: 'maximum tightened: 6 → 3' },
    ]);
  });

  it('refuses a dropped or changed pattern', () => {
    expect(breaks(Request, z.strictObject({ ...request, childId: z.string() }), 'request')[0]!.message).toMatch(/^pattern removed/);
  });
});

describe('the envelope (the hub sends, readers take it open)', () => {
  const published = json(Envelope, 'input');
  it('takes a new optional extension attribute, as CloudEvents intends', () => {
    const current = json(z.extend(Envelope, { traceparent: z.optional(z.string()) }), 'input');
    expect(checkCompatibility(published, current, 'envelope')).toEqual([]);
  });
  it('refuses a new required attribute, a removed one and a narrowed one', () => {
    expect(paths(checkCompatibility(published, json(z.extend(Envelope, { tenant: z.string() }), 'input'), 'envelope'))).toEqual(['tenant']);
    expect(paths(checkCompatibility(published, json(z.omit(Envelope, { deadline: true }), 'input'), 'envelope'))).toEqual(['deadline']);
    expect(paths(checkCompatibility(published, json(z.extend(Envelope, { source: z.literal('hub') }), 'input'), 'envelope'))).toEqual(['source']);
  });
});

describe('narrowings (the primitive)', () => {
  it('resolves local $refs and treats {} as anything', () => {
    const a = { $defs: { d: { type: 'string' } }, type: 'object', properties: { x: { $ref: '#/$defs/d' } } };
    const b = { type: 'object', properties: { x: { type: 'string', maxLength: 3 } } };
    expect(narrowings(a, b)).toEqual([{ path: 'x', kind: 'bound', subject: 'maxLength', a: undefined, b: 3 }]);
    expect(narrowings(a, {})).toEqual([]);
    expect(narrowings({}, { type: 'string' })).toEqual([{ path: '(root)', kind: 'constrained', subject: 'value', b: { type: 'string' } }]);
  });

  it('reports a keyword it does not model as a change to look at, not as compatible', () => {
    const a = { type: 'object', properties: {}, dependentRequired: { a: ['b'] } };
    const b = { type: 'object', properties: {}, dependentRequired: { a: ['c'] } };
    expect(narrowings(a, b).map((n) => n.kind)).toEqual(['unsupported']);
    expect(checkCompatibility(a, b, 'result')[0]!.message).toMatch(/cannot tell/);
  });

  it('an enum that fits a new pattern is not a pattern change', () => {
    expect(narrowings({ type: 'string', enum: ['ab', 'ac'] }, { type: 'string', pattern: '^a' })).toEqual([]);
  });
});
