// Lambda REQUEST authorizer for the REST API (v1). Reads `Authorization: Bearer <token>`, verifies it
// (services/auth/verify.ts: local credentials or a JWT) and answers with an Allow policy carrying the principal.
//
// API Gateway turns `throw new Error('Unauthorized')` into a 401; any other thrown error into a 500. A missing,
// malformed or unknown token is a 401; a verifier that cannot work (JWKS endpoint down) is a 500, so callers retry
// instead of believing their token is wrong.
//
// The Allow policy covers every method and path of the API stage (`…:apiId/stage/*/*`), not only the route called:
// API Gateway caches the authorizer's answer per token, and a route-specific policy would deny the next route.
// Handlers then enforce what the principal may do (decision 9).
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { identityContext, type Identity } from '../auth/actor.ts';
import { verifierFromEnv, type BearerVerifier } from '../auth/verify.ts';

/** RFC 6750 b64token, after a case-insensitive `Bearer` scheme. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
/** Longer headers are refused before any work (a JWT from the identity provider is far shorter). */
const MAX_HEADER_LENGTH = 8192;

/**
 * The `Authorization` header's value, whatever its case; undefined when absent or sent more than once (in one case
 * or several: which one would count is ambiguous). `multiValueHeaders` holds every value sent; `headers` only the
 * last of each spelling, so it is read only when the event has no multi-value form.
 */
export function authorizationHeader(event: Pick<APIGatewayRequestAuthorizerEvent, 'headers' | 'multiValueHeaders'>): string | undefined {
  const named = <V>(headers: Record<string, V> | null | undefined) =>
    Object.entries(headers ?? {}).filter(([k, v]) => k.toLowerCase() === 'authorization' && v != null);
  const every = named(event.multiValueHeaders).flatMap(([, v]) => v ?? []);
  const values = every.length ? every : named(event.headers).map(([, v]) => v as string);
  return values.length === 1 ? values[0] : undefined;
}

/** The token of a `Bearer` authorization header, or undefined when the header is missing or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length > MAX_HEADER_LENGTH) return undefined;
  return BEARER.exec(header)?.[1];
}

/**
 * The identity the authorizer decides on: the bearer token of the one Authorization header, or undefined. The local
 * gateway keys its authorizer cache on exactly this, so a cached answer is never reused for a request the
 * authorizer itself would refuse (docs/security.md).
 */
export const identityOf = (event: Pick<APIGatewayRequestAuthorizerEvent, 'headers' | 'multiValueHeaders'>) =>
  bearerToken(authorizationHeader(event));

/**
 * `arn:aws:execute-api:region:account:apiId/stage/*\/*` from a method ARN
 * (`arn:aws:execute-api:region:account:apiId/stage/METHOD/path…`). An ARN of another shape is returned unchanged.
 */
export function stageWildcardArn(methodArn: string): string {
  const parts = methodArn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'execute-api') return methodArn;
  const [apiId, stage] = parts[5]!.split('/');
  if (!apiId || !stage) return methodArn;
  return `${parts.slice(0, 5).join(':')}:${apiId}/${stage}/*/*`;
}

/**
 * The Allow answer. The context carries the principal, the person acting (id and name) and the token's expiry, which
 * the handlers check (services/auth/actor.ts): a cached answer outliving its token is refused there.
 */
export function allowPolicy(identity: Identity, methodArn: string): APIGatewayAuthorizerResult {
  return {
    principalId: identity.principal,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWildcardArn(methodArn) }],
    },
    context: identityContext(identity),
  };
}

const kindOf = (principal: string) => principal.split(':', 1)[0];

/** When an Allow stops being good (epoch ms): its token's expiry, undefined for a token that does not expire. */
export function tokenExpiryMs(result: APIGatewayAuthorizerResult): number | undefined {
  const exp = Number(result.context?.expiresAt);
  return result.context?.expiresAt === undefined || !Number.isFinite(exp) ? undefined : exp * 1000;
}

export type AuthorizerHandler = (event: APIGatewayRequestAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

/** The handler around a given verifier (the local runtime and the tests inject theirs). */
export function createAuthorizer(verifier: BearerVerifier | (() => BearerVerifier)): AuthorizerHandler {
  let resolved: BearerVerifier | undefined = typeof verifier === 'function' ? undefined : verifier;
  return async (event) => {
    resolved ??= (verifier as () => BearerVerifier)();
    const token = identityOf(event);
    if (token === undefined) {
      logger.info('authorizer: denied', { reason: 'missing-or-malformed-header', mode: resolved.mode });
      throw new Error('Unauthorized');
    }
    let identity: Identity | undefined;
    try {
      identity = await resolved.verifyBearer(token);
    } catch (error) {
      // Never the token, never the error message verbatim (it could quote the request): only its class.
      logger.error('authorizer: verifier failed', { errorName: (error as Error)?.name, mode: resolved.mode });
      throw new Error('authorizer unavailable');
    }
    if (identity === undefined) {
      logger.info('authorizer: denied', { reason: 'invalid-token', mode: resolved.mode });
      throw new Error('Unauthorized');
    }
    logger.debug('authorizer: allowed', { principalKind: kindOf(identity.principal), person: identity.person !== undefined, mode: resolved.mode });
    return allowPolicy(identity, event.methodArn);
  };
}

/**
 * The Lambda entry point. On Lambda the verifier is built at module load, so a missing environment variable fails
 * the cold start with its name; elsewhere (the local runtime, tests) it is built on the first request, so importing
 * this module before the environment is set up is harmless.
 */
export const handler: AuthorizerHandler = createAuthorizer(
  process.env.AWS_LAMBDA_FUNCTION_NAME ? verifierFromEnv() : verifierFromEnv,
);
