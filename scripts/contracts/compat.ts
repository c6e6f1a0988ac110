// Is a contract's current JSON Schema still compatible with the version already published? Pure functions over
// the JSON Schema zod emits (objects, arrays, strings with pattern and format, numbers with bounds, enum and
// const, anyOf/oneOf unions, nullable). The rule (docs/decisions/0005-contract-versioning.md):
//
// - result, input: the department (or staff) sends, the hub validates. Everything the published schema accepts
//   must still be accepted: `narrowings(published, current)` must be empty.
// - request, envelope: the hub sends, departments validate against the schema they were given, and the hub
//   re-validates requests already in flight. Both directions must hold: nothing the published schema accepts is
//   refused now (in-flight and stored requests), and nothing the hub may send now is refused by the published
//   schema (departments' validators; request objects are strict, so even a new optional property breaks them).
//
// Anything the checker cannot compare (a keyword it does not model) counts as breaking: a false alarm costs a
// look, a missed break costs a department.
import type { Role } from './schemas.ts';

export type Json = Record<string, unknown>;

export type NarrowingKind =
  | 'type'
  | 'enum'
  | 'pattern'
  | 'format'
  | 'bound'
  | 'property-refused'
  | 'required'
  | 'additional-properties'
  | 'constrained'
  | 'unsupported';

/** One way a value valid under schema `a` can be invalid under schema `b`. */
export interface Narrowing {
  /** Where, as a field path: `result.hazardsFound[].severity`, or `(root)`. */
  path: string;
  kind: NarrowingKind;
  /** The keyword or property concerned. */
  subject: string;
  /** What `a` says, what `b` says (for the message). */
  a?: unknown;
  b?: unknown;
}

/** Keywords that only describe: changing them never breaks anyone. */
const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', '$defs', 'definitions', 'title', 'description', 'examples', 'example', 'default',
  'deprecated', 'readOnly', 'writeOnly',
]);
/** Keywords modelled below; any other keyword that differs is reported as `unsupported`. */
const MODELLED = new Set([
  'type', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'items', 'properties', 'required',
  'additionalProperties', 'propertyNames', 'minProperties', 'maxProperties', 'anyOf', 'oneOf', '$ref',
]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (isObject(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1))) : x));
const same = (x: unknown, y: unknown) => canonical(x) === canonical(y);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const shown = (path: string) => path || '(root)';

/** Resolves a local `$ref` (`#/$defs/x`) against the document it came from. */
function resolve(schema: Json, root: Json): Json {
  let s = schema;
  for (let hops = 0; typeof s.$ref === 'string' && hops < 32; hops++) {
    const ref = s.$ref as string;
    if (!ref.startsWith('#')) throw new Error(`cannot compare a schema with the remote $ref ${ref}`);
    const target = ref
      .slice(1)
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((node, token) => (isObject(node) ? node[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), root);
    if (!isObject(target)) throw new Error(`unresolvable $ref ${ref}`);
    const { $ref: _r, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

/** The schema without annotations: `{}` means "anything". */
function constraints(s: Json): Json {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !ANNOTATIONS.has(k)));
}

const branchesOf = (s: Json): Json[] | undefined =>
  Array.isArray(s.anyOf) ? (s.anyOf as Json[]) : Array.isArray(s.oneOf) ? (s.oneOf as Json[]) : undefined;

/** A union's siblings (`{ type: 'object', anyOf: [...] }`) apply to every branch. */
function branches(s: Json): Json[] | undefined {
  const list = branchesOf(s);
  if (!list) return undefined;
  const { anyOf: _a, oneOf: _o, ...shared } = s;
  const sharedConstraints = constraints(shared);
  return list.map((b) => (Object.keys(sharedConstraints).length ? { ...sharedConstraints, ...b } : b));
}

function typesOf(s: Json): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return undefined;
}

function valuesOf(s: Json): unknown[] | undefined {
  if ('const' in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum as unknown[];
  return undefined;
}

const typeAccepts = (accepted: string[], t: string) => accepted.includes(t) || (t === 'integer' && accepted.includes('number'));

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Bounds: [keyword, which way is narrower]. */
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;

export interface NarrowingOptions {
  /**
   * Read `a` as what a producer emits rather than what a reader accepts: its open objects carry only the
   * properties it names. Right for the envelope, which readers take open (CloudEvents extensions) but the hub
   * fills with known attributes only: a new optional attribute then breaks no message in flight.
   */
  closedA?: boolean;
}

interface Context extends NarrowingOptions {
  rootA: Json;
  rootB: Json;
}

/**
 * Every way a value valid under `a` may be invalid under `b` (empty: `b` accepts all `a` accepts, as far as
 * JSON Schema says). Local `$ref`s resolve against `a` and `b` themselves.
 */
export function narrowings(a: Json, b: Json, options: NarrowingOptions = {}): Narrowing[] {
  return walk(a, b, '', { ...options, rootA: a, rootB: b });
}

function walk(a: Json, b: Json, path: string, ctx: Context): Narrowing[] {
  const sa = resolve(a, ctx.rootA);
  const sb = resolve(b, ctx.rootB);
  const ca = constraints(sa);
  const cb = constraints(sb);
  if (Object.keys(cb).length === 0) return [];

  // Unions: every branch of `a` must fit some branch of `b`.
  const ba = branches(ca);
  const bb = branches(cb);
  if (ba) return ba.flatMap((branch) => walk(branch, cb, path, ctx));
  if (bb) {
    let best: Narrowing[] | undefined;
    for (const branch of bb) {
      const found = walk(ca, branch, path, ctx);
      if (found.length === 0) return [];
      if (!best || found.length < best.length) best = found;
    }
    return best ?? [];
  }

  if (Object.keys(ca).length === 0) return [{ path: shown(path), kind: 'constrained', subject: 'value', b: cb }];

  const out: Narrowing[] = [];
  const at = shown(path);

  // Keywords the checker does not model: equal is fine, anything else is reported.
  for (const key of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
    if (!MODELLED.has(key) && !same(ca[key], cb[key])) out.push({ path: at, kind: 'unsupported', subject: key, a: ca[key], b: cb[key] });
  }

  // Type.
  const ta = typesOf(ca) ?? (valuesOf(ca) ? [...new Set(valuesOf(ca)!.map(jsonType))] : undefined);
  const tb = typesOf(cb);
  if (tb) {
    if (!ta || ta.some((t) => !typeAccepts(tb, t))) out.push({ path: at, kind: 'type', subject: 'type', a: ta ?? 'any', b: tb });
  }

  // Enum and const.
  const va = valuesOf(ca);
  const vb = valuesOf(cb);
  if (vb) {
    const lost = va ? va.filter((v) => !vb.some((w) => same(v, w))) : undefined;
    if (!va || lost!.length) out.push({ path: at, kind: 'enum', subject: 'values', a: va ?? 'any value', b: lost ?? vb });
  }

  // Pattern and format: an enum whose every value matches is fine; otherwise any change is a change.
  const stringsOfA = va?.filter((v): v is string => typeof v === 'string');
  if (typeof cb.pattern === 'string' && cb.pattern !== ca.pattern) {
    const re = new RegExp(cb.pattern, 'u');
    if (!(stringsOfA && stringsOfA.length === va!.length && stringsOfA.every((v) => re.test(v)))) {
      out.push({ path: at, kind: 'pattern', subject: 'pattern', a: ca.pattern, b: cb.pattern });
    }
  }
  if (typeof cb.format === 'string' && cb.format !== ca.format && !va) {
    out.push({ path: at, kind: 'format', subject: 'format', a: ca.format, b: cb.format });
  }

  // Bounds.
  for (const key of LOWER) {
    const x = ca[key] as number | undefined;
    const y = cb[key] as number | undefined;
    if (y !== undefined && (x === undefined || x < y)) out.push({ path: at, kind: 'bound', subject: key, a: x, b: y });
  }
  for (const key of UPPER) {
    const x = ca[key] as number | undefined;
    const y = cb[key] as number | undefined;
    if (y !== undefined && (x === undefined || x > y)) out.push({ path: at, kind: 'bound', subject: key, a: x, b: y });
  }
  if (cb.multipleOf !== undefined && (ca.multipleOf === undefined || (ca.multipleOf as number) % (cb.multipleOf as number) !== 0)) {
    out.push({ path: at, kind: 'bound', subject: 'multipleOf', a: ca.multipleOf, b: cb.multipleOf });
  }
  if (cb.uniqueItems === true && ca.uniqueItems !== true) out.push({ path: at, kind: 'bound', subject: 'uniqueItems', a: ca.uniqueItems, b: true });

  // Objects.
  const isObj = (s: Json) => 'properties' in s || 'required' in s || 'additionalProperties' in s || 'propertyNames' in s;
  if (isObj(ca) || isObj(cb)) {
    const pa = (ca.properties ?? {}) as Record<string, Json>;
    const pb = (cb.properties ?? {}) as Record<string, Json>;
    const ra = new Set((ca.required ?? []) as string[]);
    const rb = (cb.required ?? []) as string[];
    const extraA =
      ctx.closedA ? false : ca.additionalProperties === undefined || ca.additionalProperties === true ? {} : ca.additionalProperties;
    const extraB = cb.additionalProperties === undefined || cb.additionalProperties === true ? {} : cb.additionalProperties;
    for (const [key, schema] of Object.entries(pa)) {
      if (key in pb) out.push(...walk(schema, pb[key]!, join(path, key), ctx));
      else if (extraB === false) out.push({ path: shown(join(path, key)), kind: 'property-refused', subject: key });
      else out.push(...walk(schema, extraB as Json, join(path, key), ctx));
    }
    for (const key of rb) if (!ra.has(key)) out.push({ path: shown(join(path, key)), kind: 'required', subject: key });
    if (extraA !== false) {
      // `a` lets unknown keys through: `b` must take them too, and take any value under the keys it names.
      for (const [key, schema] of Object.entries(pb)) {
        if (!(key in pa)) out.push(...walk(extraA as Json, schema, join(path, key), ctx));
      }
      if (extraB === false) out.push({ path: at, kind: 'additional-properties', subject: 'additionalProperties', a: ca.additionalProperties ?? true, b: false });
      else out.push(...walk(extraA as Json, extraB as Json, join(path, '*'), ctx));
    }
    if (cb.propertyNames !== undefined) {
      out.push(...walk((ca.propertyNames ?? {}) as Json, cb.propertyNames as Json, join(path, '(key)'), ctx));
    }
  }

  // Arrays.
  if (cb.items !== undefined && typeof cb.items === 'object') {
    out.push(...walk((ca.items ?? {}) as Json, cb.items as Json, `${path}[]`, ctx));
  }
  return out;
}

export interface BreakingChange {
  path: string;
  message: string;
}

const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(', ') : JSON.stringify(v));

/** `narrowings(published, current)`: what the published version accepted and the current one refuses. */
function backward(n: Narrowing, who: string): string {
  switch (n.kind) {
    case 'property-refused':
      return `property removed or renamed: ${who} that still send it are refused`;
    case 'required':
      return `property newly required: ${who} that leave it out are refused`;
    case 'enum':
      return n.a === 'any value' ? `values restricted to ${list(n.b)}` : `values no longer accepted: ${list(n.b)}`;
    case 'type':
      return `type narrowed from ${list(n.a)} to ${list(n.b)}`;
    case 'pattern':
      return `pattern ${n.a === undefined ? 'added' : 'changed'}: ${n.a === undefined ? '' : `/${n.a}/ → `}/${n.b}/`;
    case 'format':
      return `format ${n.a === undefined ? 'added' : 'changed'}: ${n.a ?? ''}${n.a === undefined ? '' : ' → '}${n.b}`;
    case 'bound':
      return `${n.subject} tightened: ${n.a ?? 'none'} → ${n.b}`;
    case 'additional-properties':
      return 'unknown properties, accepted before, are refused now';
    case 'constrained':
      return 'was unconstrained, is constrained now';
    case 'unsupported':
      return `keyword ${n.subject} changed (${list(n.a)} → ${list(n.b)}); the checker cannot tell whether that is compatible`;
  }
}

/** `narrowings(current, published)`: what the hub may send now and the published schema refuses. */
function forward(n: Narrowing): string {
  const refuses = 'departments validating against the published schema refuse it';
  switch (n.kind) {
    case 'property-refused':
      return `property added: ${refuses} (request objects are strict)`;
    case 'required':
      return `property no longer always sent (published as required): ${refuses} when it is missing`;
    case 'enum':
      return n.a === 'any value'
        ? `value list dropped (published: ${list(n.b)}): ${refuses} for any other value`
        : `values added: ${list(n.b)}; ${refuses}`;
    case 'type':
      return `type widened from ${list(n.b)} to ${list(n.a)}: ${refuses}`;
    case 'pattern':
      return `pattern ${n.a === undefined ? 'removed' : 'changed'}: ${refuses} when a value does not match /${n.b}/`;
    case 'format':
      return `format ${n.a === undefined ? 'removed' : 'changed'}: ${refuses} when a value is not a ${n.b}`;
    case 'bound':
      return `${n.subject} relaxed: ${n.b} → ${n.a ?? 'none'}; ${refuses} beyond it`;
    case 'additional-properties':
      return `unknown properties allowed now: ${refuses}`;
    case 'constrained':
      return `constraint dropped: ${refuses} values outside it`;
    case 'unsupported':
      return `keyword ${n.subject} changed (${list(n.b)} → ${list(n.a)}); the checker cannot tell whether that is compatible`;
  }
}

/** Who sends documents of each role, for the messages. */
const SENDERS: Record<Role, string> = {
  result: 'departments',
  input: 'callers',
  request: 'requests in flight',
  envelope: 'messages in flight',
};

/**
 * The breaking changes between a published schema and the current one, by the role's rule (see above). Empty:
 * the current schema may replace the published one under the same major version.
 */
export function checkCompatibility(published: Json, current: Json, role: Role): BreakingChange[] {
  const produced = role === 'request' || role === 'envelope';
  const out: BreakingChange[] = narrowings(published, current, { closedA: produced }).map((n) => ({
    path: n.path,
    message: backward(n, SENDERS[role]),
  }));
  if (produced) {
    out.push(...narrowings(current, published).map((n) => ({ path: n.path, message: forward(n) })));
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.path}\u0000${c.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
