// Every way a value valid under one JSON Schema may be invalid under another: the core of the compatibility check
// (compat.ts). Anything it cannot compare (a keyword it does not model) is reported as `unsupported`. Pure.
import {
  branches, constraints, join, jsonType, LOWER, MODELLED, resolve, same, shown, typeAccepts, typesOf, UPPER, valuesOf,
  type Json,
} from './schema-reading.ts';

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

