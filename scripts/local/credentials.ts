// Issuing local-mode credentials: the embedded runtime creates the file on first start and only adds missing
// principals afterwards, so tokens a tester has pasted into a tool keep working across restarts. The authorizer
// only reads it (services/auth/local-credentials.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_TOKEN_LENGTH, readCredentialsFile, type Credentials } from '../../services/auth/local-credentials.ts';
import { guangxiCities, seededInstitutions } from '../../services/seed/institutions.ts';
import { departments } from '../../services/topology.ts';

/** Random bytes per generated token: 32 bytes = 256 bits, 43 base64url characters. */
export const TOKEN_BYTES = 32;

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

