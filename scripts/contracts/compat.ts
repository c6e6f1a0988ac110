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
