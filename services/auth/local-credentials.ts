// Local-mode credentials: a JSON file mapping each identity to an opaque random bearer token.
//
//   { "staff:CWI-450100": "<43 base64url chars>",                            the organisation's own (system) token
//     "staff:CWI-450100#u1": { "token": "<43 chars>", "name": "张三" }, …     a named person acting for it
//     "department:education@450100": "…", "supervisor:450000": "…" }
//
// An identity is a principal (principal.ts), optionally `#<person id>`: a token without a person is a machine's (a
// department's system, an organisation's shared account), recorded as such. Files of the older form (principal →
// token only) load unchanged. What the authorizer reads in local mode (LocalStack, npm start); the embedded runtime
// writes the file (scripts/local/credentials.ts). On AWS the hub uses JWTs instead (services/auth/verify.ts).
import { readFileSync } from 'node:fs';

/** identity → bearer token. */
export type Credentials = Record<string, string>;
/** identity → the person's name, for identities that name a person. */
export type PeopleNames = Record<string, string>;
/** What the file holds per identity: a token, or a person's token and name. */
export type CredentialsFile = Record<string, string | { token: string; name: string }>;

/** A stored token shorter than this is refused (generated tokens are 43 characters). */
export const MIN_TOKEN_LENGTH = 32;

/** `principal#person` → its two parts. */
export function splitIdentity(identity: string): { principal: string; personId?: string } {
  const at = identity.indexOf('#');
  return at < 0 ? { principal: identity } : { principal: identity.slice(0, at), personId: identity.slice(at + 1) };
}

/** Parses and checks a credentials object (from the file or from `LOCAL_TOKENS`). Throws with a clear message. */
export function parseLocalCredentials(raw: unknown, source: string): { tokens: Credentials; names: PeopleNames } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${source}: expected a JSON object mapping principal to token`);
  }
  const tokens: Credentials = {};
  const names: PeopleNames = {};
  const seen = new Map<string, string>();
  for (const [identity, value] of Object.entries(raw)) {
    const entry: { token?: unknown; name?: unknown } = typeof value === 'object' && value !== null ? value : { token: value };
    const token = entry.token;
    if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH) {
      // The identity is an id, never a child's data; the token is never echoed.
      throw new Error(`${source}: the token for ${identity} must be a string of at least ${MIN_TOKEN_LENGTH} characters`);
    }
    if (entry.name !== undefined && (typeof entry.name !== 'string' || !entry.name.trim() || entry.name.length > 64)) {
      throw new Error(`${source}: the name for ${identity} must be a string of 1 to 64 characters`);
    }
    const other = seen.get(token);
    if (other !== undefined) throw new Error(`${source}: ${identity} and ${other} share the same token`);
    seen.set(token, identity);
    tokens[identity] = token;
    if (typeof entry.name === 'string') names[identity] = entry.name.trim();
  }
  return { tokens, names };
}

/** The tokens of a credentials object, checked as parseLocalCredentials does. */
export const parseCredentials = (raw: unknown, source: string): Credentials => parseLocalCredentials(raw, source).tokens;

/** Reads a credentials file. Returns undefined when the file does not exist; throws when it is malformed. */
export function readLocalCredentials(path: string): { tokens: Credentials; names: PeopleNames } | undefined {
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
  return parseLocalCredentials(raw, path);
}

/** The tokens of a credentials file (identity → token), or undefined when there is no file. */
export const readCredentialsFile = (path: string): Credentials | undefined => readLocalCredentials(path)?.tokens;

/** token → identity. Throws when two identities share a token (the lookup would be ambiguous). */
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
 * The identity a token belongs to, or undefined. A plain lookup, for tooling (for example the CLI showing who a
 * token is); the authorizer uses the constant-time comparison in verify.ts instead.
 */
export function principalForToken(creds: Credentials, token: string): string | undefined {
  return reverseCredentials(creds).get(token);
}
