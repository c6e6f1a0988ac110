// Canonical JSON for committed, generated files: the same input always gives the same bytes, so the drift
// check can compare strings. Keys are ordered (a few well-known keys first, the rest alphabetically), except the
// members of `properties`, which keep the order the contract declares them in: partners read them that way.

/** Keys that read best first, in this order; everything else follows alphabetically. */
const FIRST = [
  '$schema', '$id', '$ref', 'openapi', 'asyncapi', 'info', 'name', 'title', 'summary', 'description',
  'type', 'const', 'enum', 'format', 'pattern',
];
const rank = new Map(FIRST.map((k, i) => [k, i]));

/** Objects whose member order is meaning (declared order), not noise. */
const KEEP_ORDER = new Set(['properties']);

function compareKeys(a: string, b: string): number {
  const ra = rank.get(a) ?? FIRST.length;
  const rb = rank.get(b) ?? FIRST.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy with keys in canonical order and `undefined` members dropped. */
export function canonicalize(value: unknown, parentKey?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => canonicalize(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (!(parentKey !== undefined && KEEP_ORDER.has(parentKey))) entries.sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonicalize(v, k)]));
}

/** Two-space indented canonical JSON with a trailing newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}
