// The local gateway's REQUEST authorizer step, as API Gateway runs it: the identity headers must be present, the
// authorizer's answer is checked (principal, policy, flat context) and cached per identity when asked, and its policy
// must allow the method ARN (evaluated as IAM would). Refusals are API Gateway's own 401 and 403.
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { proxyAuthorizerContext, toRequestAuthorizerEvent, type HttpRequestInput } from './api-event.ts';
import { evaluatePolicy } from './authorizer-policy.ts';
import { GatewayError } from './gateway-http.ts';
import type { HttpGatewayOptions, Where } from './gateway-options.ts';
import { invokeHandler, lambdaContext } from './lambda-context.ts';
import { lruCache } from './lru-cache.ts';

type EventIds = { region: string; stage: string; accountId: string; apiId: string; requestId: string; requestTimeEpoch: number };
type OnError = (error: unknown, where: Where & { phase: 'authorizer' | 'handler' | 'gateway' }) => void;

/** The authorizer step of a gateway: resolves to the proxy event's authorizer context, or throws the refusal. */
export function gatewayAuthorizer(options: HttpGatewayOptions, identityHeaders: string[], onError: OnError) {
  const authorizerCache = options.authorizerCache ? lruCache<APIGatewayAuthorizerResult>(options.authorizerCache.maxEntries ?? 256) : undefined;

  return async function authorize(
    request: HttpRequestInput,
    matched: { resource: string; pathParameters: Record<string, string> | null },
    eventIds: EventIds,
    where: Where,
  ): Promise<Record<string, unknown>> {
    const present = new Set(Object.keys(request.headers ?? {}).map((h) => h.toLowerCase()));
    if (identityHeaders.some((h) => !present.has(h))) {
      throw new GatewayError(401, 'unauthorized', 'Unauthorized', { 'x-amzn-ErrorType': 'UnauthorizedException' });
    }
    if (!options.authorizer) throw new GatewayError(500, 'authorizer_missing', 'No authorizer wired for this route');
    const event = toRequestAuthorizerEvent(request, matched, eventIds);
    const started = Date.now();
    const cacheKey = options.authorizerCache?.key(event);
    const fresh = cacheKey === undefined ? undefined : authorizerCache?.get(cacheKey, started);
    let result: APIGatewayAuthorizerResult | undefined = fresh;
    try {
      result ??= await invokeHandler(options.authorizer, event, lambdaContext({ functionName: 'authorizer', region: eventIds.region }));
    } catch (err) {
      // The one error API Gateway maps to 401 is the authorizer failing with exactly "Unauthorized".
      if (err instanceof Error && err.message === 'Unauthorized') {
        throw new GatewayError(401, 'unauthorized', 'Unauthorized', { 'x-amzn-ErrorType': 'UnauthorizedException' });
      }
      onError(err, { phase: 'authorizer', ...where });
      throw new GatewayError(500, 'authorizer_error', 'The authorizer failed');
    }
    if (!result || typeof result.principalId !== 'string' || !result.policyDocument) {
      onError(new Error('Authorizer result lacks principalId or policyDocument'), { phase: 'authorizer', ...where });
      throw new GatewayError(500, 'authorizer_error', 'The authorizer returned an invalid result');
    }
    const objectValue = Object.values(result.context ?? {}).some((v) => v !== null && typeof v === 'object');
    if (objectValue) {
      // API Gateway refuses these too: context values must be strings, numbers or booleans.
      onError(new Error('Authorizer context holds an object or array'), { phase: 'authorizer', ...where });
      throw new GatewayError(500, 'authorizer_error', 'The authorizer returned an invalid context');
    }
    if (cacheKey !== undefined && !fresh) {
      const ttlEnd = started + options.authorizerCache!.ttlSeconds * 1000;
      const tokenEnd = options.authorizerCache!.expiresAt?.(result);
      authorizerCache?.set(cacheKey, result, tokenEnd !== undefined && Number.isFinite(tokenEnd) ? Math.min(ttlEnd, tokenEnd) : ttlEnd);
    }
    const decision = evaluatePolicy(result.policyDocument, event.methodArn);
    if (decision !== 'allow') {
      const message =
        decision === 'deny'
          ? 'User is not authorized to access this resource with an explicit deny'
          : 'User is not authorized to access this resource';
      throw new GatewayError(403, 'forbidden', message, { 'x-amzn-ErrorType': 'AccessDeniedException' });
    }
    return proxyAuthorizerContext(result, Date.now() - started);
  };
}
