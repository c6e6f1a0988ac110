// Local-mode credentials: a JSON file mapping each principal to an opaque random bearer token.
//
//   { "staff:CWI-450100": "<43 base64url chars>", "department:education": "…", "supervisor:450100": "…" }
//
// What the authorizer reads in local mode (LocalStack, npm start); the embedded runtime writes the file
// (scripts/local/credentials.ts). On AWS the hub uses JWTs instead (services/auth/verify.ts).
import { readFileSync } from 'node:fs';

/** principal string (see principal.ts) → bearer token. */
export type Credentials = Record<string, string>;

/** A stored token shorter than this is refused (generated tokens are 43 characters). */
export const MIN_TOKEN_LENGTH = 32;

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
