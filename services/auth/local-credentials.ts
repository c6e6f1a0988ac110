// Local-mode credentials: a JSON file mapping each principal to an opaque random bearer token.
//
//   { "staff:CWI-450100": "<43 base64url chars>", "department:education": "…", "supervisor:450100": "…" }
//
// The embedded local runtime creates it on first start and only adds missing principals afterwards, so tokens a
// tester has pasted into a tool keep working across restarts. On AWS the hub uses JWTs instead (services/auth/verify.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { departments } from '../topology.ts';
import { guangxiCities, seededInstitutions } from '../seed/institutions.ts';

/** principal string (see principal.ts) → bearer token. */
export type Credentials = Record<string, string>;

/** Random bytes per generated token: 32 bytes = 256 bits, 43 base64url characters. */
export const TOKEN_BYTES = 32;
/** A stored token shorter than this is refused (generated tokens are 43 characters). */
export const MIN_TOKEN_LENGTH = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a stored token is kept by `buildLocalCredentials` (base64url, at least MIN_TOKEN_LENGTH characters). */
export function isStrongToken(token: unknown): token is string {
  return typeof token === 'string' && token.length >= MIN_TOKEN_LENGTH && TOKEN_SHAPE.test(token);
}

/**
 * The principals local mode issues tokens for: `staff:<institutionId>` for every institution,
 * `department:<code>` for every department, `supervisor:<cityCode>` for every city.
 */
export function expectedPrincipals(
  institutions: readonly { institutionId: string }[] = seededInstitutions,
  cities: readonly { code: string }[] = guangxiCities,
): string[] {
  return [
    ...institutions.map((i) => `staff:${i.institutionId}`),
    ...departments.map((d) => `department:${d.code}`),
    ...cities.map((c) => `supervisor:${c.code}`),
  ];
}

/**
 * Credentials for every expected principal. Tokens already in `existing` are kept unchanged (entries for
 * principals no longer expected are kept too: an operator may have added one by hand); only missing principals,
 * and entries whose token is not a strong base64url token, get a fresh token.
 */
export function buildLocalCredentials(
  existing: Credentials = {},
  institutions: readonly { institutionId: string }[] = seededInstitutions,
  cities: readonly { code: string }[] = guangxiCities,
): Credentials {
  const result: Credentials = {};
  for (const [principal, token] of Object.entries(existing)) {
    if (isStrongToken(token)) result[principal] = token;
  }
  const used = new Set(Object.values(result));
  for (const principal of [...Object.keys(existing), ...expectedPrincipals(institutions, cities)]) {
    if (result[principal] !== undefined) continue;
    let token = newToken();
    while (used.has(token)) token = newToken();
    used.add(token);
    result[principal] = token;
  }
  return result;
}

/** Parses and checks a credentials object (from the file or from `LOCAL_TOKENS`). Throws with a clear message. */
export function parseCredentials(raw: unknown, source: string): Credentials {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${source}: expected a JSON object mapping principal to token`);
  }
  const creds: Credentials = {};
  const seen = new Map<string, string>();
  for (const [principal, token] of Object.entries(raw)) {
    if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH) {
      // The principal is an id, never personal data; the token is never echoed.
      throw new Error(`${source}: the token for ${principal} must be a string of at least ${MIN_TOKEN_LENGTH} characters`);
    }
    const other = seen.get(token);
    if (other !== undefined) throw new Error(`${source}: ${principal} and ${other} share the same token`);
    seen.set(token, principal);
    creds[principal] = token;
  }
  return creds;
}

/** Reads a credentials file. Returns undefined when the file does not exist; throws when it is malformed. */
export function readCredentialsFile(path: string): Credentials | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${path}: not valid JSON`);
  }
  return parseCredentials(raw, path);
}

/** Writes the file atomically (temp file + rename), readable by the owner only (0600), creating its directory (0700). */
export function writeCredentialsFile(path: string, creds: Credentials): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * Reads the file (if any), adds missing principals, and writes it back only when something was added.
 * What the local runtime calls on start.
 */
export function ensureLocalCredentials(
  path: string,
  institutions: readonly { institutionId: string }[] = seededInstitutions,
  cities: readonly { code: string }[] = guangxiCities,
): Credentials {
  const existing = readCredentialsFile(path);
  const creds = buildLocalCredentials(existing, institutions, cities);
  const changed =
    existing === undefined ||
    Object.keys(creds).length !== Object.keys(existing).length ||
    Object.entries(creds).some(([p, t]) => existing[p] !== t);
  if (changed) writeCredentialsFile(path, creds);
  return creds;
}

/** token → principal. Throws when two principals share a token (the lookup would be ambiguous). */
export function reverseCredentials(creds: Credentials): Map<string, string> {
  const byToken = new Map<string, string>();
  for (const [principal, token] of Object.entries(creds)) {
    const other = byToken.get(token);
    if (other !== undefined) throw new Error(`credentials: ${principal} and ${other} share the same token`);
    byToken.set(token, principal);
  }
  return byToken;
}

/**
 * The principal a token belongs to, or undefined. A plain lookup, for tooling (for example the CLI showing who a
 * token is); the authorizer uses the constant-time comparison in verify.ts instead.
 */
export function principalForToken(creds: Credentials, token: string): string | undefined {
  return reverseCredentials(creds).get(token);
}
