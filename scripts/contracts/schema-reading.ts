// Reading the JSON Schema zod emits, for the compatibility checker (narrowings.ts): local refs, the constraints
// without annotations, union branches, types, enumerated values, bounds. Pure.

export type Json = Record<string, unknown>;

/** Keywords that only describe: changing them never breaks anyone. */
const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', '$defs', 'definitions', 'title', 'description', 'examples', 'example', 'default',
  'deprecated', 'readOnly', 'writeOnly',
  // A code's meaning (scripts/contracts/wire.ts): the codes themselves are the `enum`.
  'x-codes',
]);
/** Keywords modelled below; any other keyword that differs is reported as `unsupported`. */
export const MODELLED = new Set([
  'type', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'items', 'properties', 'required',
  'additionalProperties', 'propertyNames', 'minProperties', 'maxProperties', 'anyOf', 'oneOf', '$ref',
]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (isObject(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1))) : x));
export const same = (x: unknown, y: unknown) => canonical(x) === canonical(y);

export const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
export const shown = (path: string) => path || '(root)';

/** Resolves a local `$ref` (`#/$defs/x`) against the document it came from. */
export function resolve(schema: Json, root: Json): Json {
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
export function constraints(s: Json): Json {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !ANNOTATIONS.has(k)));
}

const branchesOf = (s: Json): Json[] | undefined =>
  Array.isArray(s.anyOf) ? (s.anyOf as Json[]) : Array.isArray(s.oneOf) ? (s.oneOf as Json[]) : undefined;

/** A union's siblings (`{ type: 'object', anyOf: [...] }`) apply to every branch. */
export function branches(s: Json): Json[] | undefined {
  const list = branchesOf(s);
  if (!list) return undefined;
  const { anyOf: _a, oneOf: _o, ...shared } = s;
  const sharedConstraints = constraints(shared);
  return list.map((b) => (Object.keys(sharedConstraints).length ? { ...sharedConstraints, ...b } : b));
}

export function typesOf(s: Json): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return undefined;
}

export function valuesOf(s: Json): unknown[] | undefined {
  if ('const' in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum as unknown[];
  return undefined;
}

export const typeAccepts = (accepted: string[], t: string) => accepted.includes(t) || (t === 'integer' && accepted.includes('number'));

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Bounds: [keyword, which way is narrower]. */
export const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
export const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;

