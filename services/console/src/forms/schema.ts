// Reading a contract's zod schema to build its form: what kind of input each field needs, and turning what the
// form holds (strings, booleans, lists) back into the value the schema parses. Pure; no rendering here.
import type * as z from 'zod/mini';

export type Kind =
  | { kind: 'text'; long: boolean }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'choice'; options: string[] }
  | { kind: 'choices'; options: string[] }
  | { kind: 'list'; item: z.ZodMiniObject }
  | { kind: 'group'; shape: Readonly<Record<string, z.core.$ZodType>> }
  | { kind: 'variants'; key: string; options: { value: string; shape: Readonly<Record<string, z.core.$ZodType>> }[] };

type Def = { type: string; [k: string]: unknown };
const def = (s: z.core.$ZodType) => s._zod.def as Def;

/** The schema under optional, default, nullable and transforms, and whether a value may be left out. */
export function unwrap(schema: z.core.$ZodType): { base: z.core.$ZodType; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') {
      optional = true;
      s = d.innerType as z.core.$ZodType;
    } else if (d.type === 'pipe') s = d.in as z.core.$ZodType;
    else return { base: s, optional };
  }
}

// A string schema's length checks leave their bound in its bag (zod core), classic or mini alike.
const maxLength = (s: z.core.$ZodType) => (s._zod.bag as { maximum?: number }).maximum ?? Infinity;

export function kindOf(schema: z.core.$ZodType): Kind {
  const { base } = unwrap(schema);
  const d = def(base);
  switch (d.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      return { kind: 'number' };
    case 'enum':
      return { kind: 'choice', options: Object.values(d.entries as Record<string, string>) };
    case 'literal':
      return { kind: 'choice', options: (d.values as string[]).map(String) };
    case 'array': {
      const item = unwrap(d.element as z.core.$ZodType).base;
      const inner = def(item);
      if (inner.type === 'enum') return { kind: 'choices', options: Object.values(inner.entries as Record<string, string>) };
      if (inner.type === 'object') return { kind: 'list', item: item as z.ZodMiniObject };
      return { kind: 'text', long: false };
    }
    case 'object':
      return { kind: 'group', shape: (base as z.ZodMiniObject).shape };
    case 'union': {
      const key = d.discriminator as string | undefined;
      const options = (d.options as z.ZodMiniObject[]).map((o) => ({
        value: String(def(o.shape[key!] as z.core.$ZodType).values ? (def(o.shape[key!] as z.core.$ZodType).values as unknown[])[0] : ''),
        shape: o.shape,
      }));
      if (key) return { kind: 'variants', key, options };
      return { kind: 'text', long: false };
    }
    case 'string':
      return def(base).format === 'date' ? { kind: 'date' } : { kind: 'text', long: Number.isFinite(maxLength(base)) && maxLength(base) > 200 };
    default:
      return { kind: 'text', long: false };
  }
}

export type Raw = string | boolean | string[] | Raw[] | { [k: string]: Raw } | undefined;

/** What the form holds → the value the schema parses: empty fields left out, numbers as numbers. */
export function toValue(schema: z.core.$ZodType, raw: Raw): unknown {
  const k = kindOf(schema);
  if (raw === undefined || raw === '') return undefined;
  switch (k.kind) {
    case 'number':
      return Number.isNaN(Number(raw)) ? raw : Number(raw);
    case 'boolean':
      return raw === true || raw === 'true';
    case 'choices':
      return Array.isArray(raw) && raw.length ? raw : undefined;
    case 'list':
      return Array.isArray(raw) ? raw.map((r) => toValue(k.item, r)) : undefined;
    case 'group':
      return objectValue(k.shape, raw as Record<string, Raw>);
    case 'variants': {
      const r = raw as Record<string, Raw>;
      const chosen = k.options.find((o) => o.value === r[k.key]);
      return chosen ? { ...objectValue(chosen.shape, r), [k.key]: chosen.value } : undefined;
    }
    default:
      return typeof raw === 'string' ? raw.trim() || undefined : raw;
  }
}

export function objectValue(shape: Readonly<Record<string, z.core.$ZodType>>, raw: Record<string, Raw> = {}): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const v = toValue(schema, raw[name]);
    if (v !== undefined) out[name] = v;
  }
  return Object.keys(out).length ? out : {};
}
