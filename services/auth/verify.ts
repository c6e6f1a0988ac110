// Bearer token verification behind one interface (docs/architecture.md decision 9):
//  - local mode (default, `AUTH_MODE` unset or `local`): opaque tokens from the local credentials file
//    (`LOCAL_CREDENTIALS_FILE`) and/or the `LOCAL_TOKENS` env var (JSON, principal → token);
//  - jwt mode (`AUTH_MODE=jwt`): a JWT from the deployment's identity provider, checked against its JWKS
//    (`JWKS_URL`), issuer (`JWT_ISSUER`) and audience (`JWT_AUDIENCE`); the principal is the `hub:principal` claim,
//    the person the `sub` and `name` claims (none for a client's own token: `sub` equal to `client_id`, RFC 9068).
// Either way the principal string must pass parsePrincipal, or the token is refused.
import { createHash, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { getJsonFromEnv } from '../lib/env.ts';
import { personOf, type Identity } from './actor.ts';
import { parsePrincipal } from './principal.ts';
import { parseLocalCredentials, readLocalCredentials, splitIdentity, type Credentials, type PeopleNames } from './local-credentials.ts';

export interface BearerVerifier {
  readonly mode: 'local' | 'jwt';
  /**
   * Whom the token stands for (the principal `staff:CWI-450100`, …, and the person acting, if any), or undefined
   * when the token is not valid. Rejects (throws) only when the verifier itself cannot work (for example the JWKS
   * endpoint is unreachable), which the authorizer turns into a 500 rather than a misleading 401.
   */
  verifyBearer(token: string): Promise<Identity | undefined>;
}

/** The JWT claim that carries the principal string. */
export const PRINCIPAL_CLAIM = 'hub:principal';
/** Algorithms accepted in jwt mode. */
export const JWT_ALGORITHMS = ['RS256', 'ES256'];

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

interface HashedEntry {
  identity: Identity;
  hash: Buffer;
}

/** Local credentials: identity → token, and the names of the people among them. */
export interface LocalCredentials {
  tokens: Credentials;
  names?: PeopleNames;
}

function hashEntries({ tokens, names = {} }: LocalCredentials): HashedEntry[] {
  return Object.entries(tokens).flatMap(([key, token]) => {
    const { principal, personId } = splitIdentity(key);
    const person = personId === undefined ? undefined : personOf(personId, names[key]);
    // An identity that names a malformed person is refused, never taken for the organisation's own token.
    if (personId !== undefined && !person) return [];
    return [{ identity: { principal, ...(person ? { person } : {}) }, hash: sha256(token) }];
  });
}

/**
 * Local mode. `source` is a credentials object, or a function returning the current one (re-read on each call;
 * `fileCredentialsSource` caches by modification time). Every stored token is compared, in constant time on
 * SHA-256 digests, so neither the position nor the length of a match leaks through timing.
 */
export function localVerifier(source: LocalCredentials | (() => LocalCredentials)): BearerVerifier {
  let lastCreds: LocalCredentials | undefined;
  let entries: HashedEntry[] = [];
  const current = (): HashedEntry[] => {
    const creds = typeof source === 'function' ? source() : source;
    if (creds !== lastCreds) {
      entries = hashEntries(creds);
      lastCreds = creds;
    }
    return entries;
  };
  current(); // a malformed source fails here, at cold start
  return {
    mode: 'local',
    async verifyBearer(token: string) {
      if (typeof token !== 'string' || token.length === 0) return undefined;
      const presented = sha256(token);
      let match: Identity | undefined;
      for (const entry of current()) {
        if (timingSafeEqual(presented, entry.hash) && match === undefined) match = entry.identity;
      }
      return match !== undefined && parsePrincipal(match.principal) ? match : undefined;
    },
  };
}

/**
 * The credentials file as a source that re-reads the file when its modification time changes (the local runtime
 * may add principals while running). Throws at creation when the file is missing or malformed. A file that
 * disappears later yields no credentials (every token refused); one that becomes malformed throws.
 */
export function fileCredentialsSource(path: string, extra: LocalCredentials = { tokens: {} }): () => LocalCredentials {
  const load = (): LocalCredentials => {
    const creds = readLocalCredentials(path);
    if (creds === undefined) throw new Error(`LOCAL_CREDENTIALS_FILE ${path} does not exist`);
    // Re-checked merged, so a token shared between the file and LOCAL_TOKENS is refused too.
    const { tokens } = parseLocalCredentials({ ...creds.tokens, ...extra.tokens }, `${path} + LOCAL_TOKENS`);
    return { tokens, names: { ...creds.names, ...extra.names } };
  };
  let mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  let creds = load();
  return () => {
    const now = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (now === undefined) return extra;
    if (now !== mtime) {
      creds = load();
      mtime = now;
    }
    return creds;
  };
}

export interface JwtVerifierOptions {
  /** Key source: `createRemoteJWKSet(url)` in production, `createLocalJWKSet(jwks)` in tests. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Allowed clock skew between the identity provider and the authorizer. Default 30 s. */
  clockToleranceSeconds?: number;
}

/** Errors that mean "this token is not valid" (→ 401). Others (JWKS timeout, unreachable, garbage) mean "we cannot tell". */
function isTokenError(error: unknown): boolean {
  if (!(error instanceof joseErrors.JOSEError)) return false;
  return !(error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid);
}

/**
 * JWT mode. Requires a signature by a key of the JWKS (RS256/ES256), the issuer, the audience and an unexpired `exp`.
 * The person is the `sub` (with `name` when present), unless the token is a client's own: no `sub`, or a `sub` equal
 * to its `client_id` (RFC 9068 §2.2, a client-credentials token), which is a machine's and records no person.
 */
export function jwtVerifier(options: JwtVerifierOptions): BearerVerifier {
  const { keys, issuer, audience, clockToleranceSeconds = 30 } = options;
  return {
    mode: 'jwt',
    async verifyBearer(token: string) {
      if (typeof token !== 'string' || token.length === 0) return undefined;
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: JWT_ALGORITHMS,
          requiredClaims: ['exp'],
          clockTolerance: clockToleranceSeconds,
        });
        const principal = payload[PRINCIPAL_CLAIM];
        if (typeof principal !== 'string' || !parsePrincipal(principal)) return undefined;
        const machine = payload.sub === undefined || payload.sub === payload.client_id;
        const person = machine ? undefined : personOf(payload.sub, payload.name);
        // A subject too long or empty is not a person the history can name: refused rather than recorded as a machine.
        if (!machine && !person) return undefined;
        return { principal, ...(person ? { person } : {}), expiresAt: payload.exp };
      } catch (error) {
        if (isTokenError(error)) return undefined;
        throw error;
      }
    },
  };
}

function jwksUrlFromEnv(): URL {
  const raw = getStringFromEnv({ key: 'JWKS_URL' });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`environment variable JWKS_URL must be a URL, got ${raw}`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('environment variable JWKS_URL must be an https URL (http only for localhost)');
  }
  return url;
}

/**
 * The verifier the environment asks for. Throws (at cold start, when called at module load) with the name of a
 * missing or malformed variable:
 *  - `AUTH_MODE`: `local` (default) or `jwt`;
 *  - local: `LOCAL_CREDENTIALS_FILE` (path) and/or `LOCAL_TOKENS` (JSON), at least one of them;
 *  - jwt: `JWKS_URL`, `JWT_ISSUER`, `JWT_AUDIENCE`.
 */
export function verifierFromEnv(): BearerVerifier {
  const mode = getStringFromEnv({ key: 'AUTH_MODE', defaultValue: 'local' });
  if (mode === 'jwt') {
    const url = jwksUrlFromEnv();
    return jwtVerifier({
      keys: createRemoteJWKSet(url, { timeoutDuration: 3000 }),
      issuer: getStringFromEnv({ key: 'JWT_ISSUER' }),
      audience: getStringFromEnv({ key: 'JWT_AUDIENCE' }),
    });
  }
  if (mode !== 'local') throw new Error(`environment variable AUTH_MODE must be local or jwt, got ${mode}`);
  const file = process.env.LOCAL_CREDENTIALS_FILE;
  const hasTokens = !!process.env.LOCAL_TOKENS;
  if (!file && !hasTokens) {
    throw new Error('environment variable LOCAL_CREDENTIALS_FILE or LOCAL_TOKENS is required when AUTH_MODE is local');
  }
  const fromEnv = hasTokens ? parseLocalCredentials(getJsonFromEnv('LOCAL_TOKENS'), 'LOCAL_TOKENS') : { tokens: {} };
  if (!file) return localVerifier(fromEnv);
  return localVerifier(fileCredentialsSource(file, fromEnv));
}

let defaultVerifier: BearerVerifier | undefined;

/** Verifies with the verifier the environment configures (built once, on first use). */
export function verifyBearer(token: string): Promise<Identity | undefined> {
  defaultVerifier ??= verifierFromEnv();
  return defaultVerifier.verifyBearer(token);
}

/** For tests: forget the verifier built from the environment. */
export function resetDefaultVerifier(): void {
  defaultVerifier = undefined;
}
