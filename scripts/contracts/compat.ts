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
import { narrowings, type Narrowing } from './narrowings.ts';
import type { Json } from './schema-reading.ts';
import type { Role } from './schemas.ts';

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

/** A rule's data, in a canonical order (a published snapshot's keys are sorted), without its words. */
const ruleKey = (r: Json) =>
  JSON.stringify(Object.entries(r).filter(([k]) => k !== 'en' && k !== 'zh').sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * A result's rules (`x-rules`) refuse results the published version accepted when a rule is added or its data
 * changed (its words may change freely; a rule removed refuses nothing more). A snapshot published before the rules
 * were (no `x-rules`) compares nothing: those rules were enforced already, only not yet published.
 */
function ruleChanges(published: unknown, current: unknown): string[] {
  if (!Array.isArray(published)) return [];
  const before = new Set((published as Json[]).map(ruleKey));
  return ((current ?? []) as Json[])
    .filter((r) => !before.has(ruleKey(r)))
    .map((r) => `result rule ${String(r.id)} added or changed: departments whose results the published version accepted are refused (422)`);
}

/**
 * The breaking changes between a published schema and the current one, by the role's rule (see above). Empty:
 * the current schema may replace the published one under the same major version.
 */
export function checkCompatibility(publishedDoc: Json, currentDoc: Json, role: Role): BreakingChange[] {
  const { 'x-rules': publishedRules, ...published } = publishedDoc;
  const { 'x-rules': currentRules, ...current } = currentDoc;
  const produced = role === 'request' || role === 'envelope';
  const out: BreakingChange[] = ruleChanges(publishedRules, currentRules).map((message) => ({ path: 'x-rules', message }));
  out.push(...narrowings(published, current, { closedA: produced }).map((n) => ({
    path: n.path,
    message: backward(n, SENDERS[role]),
  })));
  if (produced) {
    out.push(...narrowings(current, published).map((n) => ({ path: n.path, message: forward(n) })));
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.path}\u0000${c.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
