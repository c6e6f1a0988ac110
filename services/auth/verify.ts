// Bearer token verification behind one interface (docs/architecture.md decision 9):
//  - local mode (default, `AUTH_MODE` unset or `local`): opaque tokens from the local credentials file
//    (`LOCAL_CREDENTIALS_FILE`) and/or the `LOCAL_TOKENS` env var (JSON, principal → token);
//  - jwt mode (`AUTH_MODE=jwt`): a JWT from the deployment's identity provider, checked against its JWKS
//    (`JWKS_URL`), issuer (`JWT_ISSUER`) and audience (`JWT_AUDIENCE`); the principal is the `hub:principal` claim.
// Either way the principal string must pass parsePrincipal, or the token is refused.
import { createHash, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { getJsonFromEnv } from '../lib/env.ts';
import { parsePrincipal } from './principal.ts';
import { parseCredentials, readCredentialsFile, type Credentials } from './local-credentials.ts';

export interface BearerVerifier {
  readonly mode: 'local' | 'jwt';
  /**
   * The principal string (`staff:CWI-450100`, …) the token stands for, or undefined when the token is not valid.
   * Rejects (throws) only when the verifier itself cannot work (for example the JWKS endpoint is unreachable),
   * which the authorizer turns into a 500 rather than a misleading 401.
   */
  verifyBearer(token: string): Promise<string | undefined>;
}

/** The JWT claim that carries the principal string. */
export const PRINCIPAL_CLAIM = 'hub:principal';
/** Algorithms accepted in jwt mode. */
export const JWT_ALGORITHMS = ['RS256', 'ES256'];

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

interface HashedEntry {
  principal: string;
  hash: Buffer;
}

function hashEntries(creds: Credentials): HashedEntry[] {
  return Object.entries(creds).map(([principal, token]) => ({ principal, hash: sha256(token) }));
}

/**
 * Local mode. `source` is a credentials object, or a function returning the current one (re-read on each call;
 * `fileCredentialsSource` caches by modification time). Every stored token is compared, in constant time on
 * SHA-256 digests, so neither the position nor the length of a match leaks through timing.
 */
export function localVerifier(source: Credentials | (() => Credentials)): BearerVerifier {
  let lastCreds: Credentials | undefined;
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
      let match: string | undefined;
      for (const entry of current()) {
        if (timingSafeEqual(presented, entry.hash) && match === undefined) match = entry.principal;
      }
      return match !== undefined && parsePrincipal(match) ? match : undefined;
    },
  };
}

/**
 * The credentials file as a source that re-reads the file when its modification time changes (the local runtime
 * may add principals while running). Throws at creation when the file is missing or malformed. A file that
 * disappears later yields no credentials (every token refused); one that becomes malformed throws.
 */
export function fileCredentialsSource(path: string, extra: Credentials = {}): () => Credentials {
  const load = (): Credentials => {
    const creds = readCredentialsFile(path);
    if (creds === undefined) throw new Error(`LOCAL_CREDENTIALS_FILE ${path} does not exist`);
    // Re-checked merged, so a token shared between the file and LOCAL_TOKENS is refused too.
    return parseCredentials({ ...creds, ...extra }, `${path} + LOCAL_TOKENS`);
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

/** JWT mode. Requires a signature by a key of the JWKS (RS256/ES256), the issuer, the audience and an unexpired `exp`. */
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
        return typeof principal === 'string' && parsePrincipal(principal) ? principal : undefined;
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
  const fromEnv = hasTokens ? parseCredentials(getJsonFromEnv('LOCAL_TOKENS'), 'LOCAL_TOKENS') : {};
  if (!file) return localVerifier(fromEnv);
  return localVerifier(fileCredentialsSource(file, fromEnv));
}

let defaultVerifier: BearerVerifier | undefined;

/** Verifies with the verifier the environment configures (built once, on first use). */
export function verifyBearer(token: string): Promise<string | undefined> {
  defaultVerifier ??= verifierFromEnv();
  return defaultVerifier.verifyBearer(token);
}

/** For tests: forget the verifier built from the environment. */
export function resetDefaultVerifier(): void {
  defaultVerifier = undefined;
}
