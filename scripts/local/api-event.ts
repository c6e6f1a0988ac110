// Builds the events API Gateway REST API (v1) hands to Lambda, from a plain HTTP request: the proxy event for
// the handlers and the REQUEST authorizer event. Pure (ids and times come in as arguments), so tests use these
// as event factories and the local gateway stays a thin I/O shell around them.
//
// Where REST API behaviour is easy to get wrong, this follows it: `path` and `pathParameters` keep the
// client's percent-encoding (REST APIs do not decode them; HTTP APIs do), query parameters are decoded,
// `headers` holds the last value of a repeated header and `multiValueHeaders` all of them, and empty
// collections are null where API Gateway sends null.
import type {
  APIGatewayEventRequestContextWithAuthorizer,
  APIGatewayProxyEvent,
  APIGatewayRequestAuthorizerEvent,
} from 'aws-lambda';
import { routes } from '../../services/topology.ts';
import { matchRoute, type RouteLike } from './route-match.ts';

export interface HttpRequestInput {
  method: string;
  /** Path and query string as sent, e.g. `/v1/children?limit=10`. */
  url: string;
  /** Header names as sent (any case); repeated headers as arrays. */
  headers?: Record<string, string | readonly string[] | undefined>;
  body?: string | null;
  /** Client address; default 127.0.0.1. */
  sourceIp?: string;
}

/** Where the request landed: the resource template and the values of its `{name}` segments. */
export interface MatchedResource {
  resource: string;
  pathParameters: Record<string, string> | null;
}

export interface ApiEventOptions {
  /** `requestContext.authorizer`: for a Lambda authorizer, see `proxyAuthorizerContext`. */
  authorizer?: Record<string, unknown> | null;
  requestId?: string;
  requestTimeEpoch?: number;
  stage?: string;
  accountId?: string;
  apiId?: string;
}

const DEFAULTS = { requestId: 'local-request', requestTimeEpoch: 0, stage: 'local', accountId: '000000000000', apiId: 'local' };

export function toApiGatewayProxyEvent(
  request: HttpRequestInput,
  matched: MatchedResource,
  options: ApiEventOptions = {},
): APIGatewayProxyEvent {
  const parts = requestParts(request);
  return {
    resource: matched.resource,
    path: parts.path,
    httpMethod: parts.method,
    headers: parts.headers,
    multiValueHeaders: parts.multiValueHeaders,
    queryStringParameters: parts.queryStringParameters,
    multiValueQueryStringParameters: parts.multiValueQueryStringParameters,
    pathParameters: matched.pathParameters,
    stageVariables: null,
    requestContext: requestContext(request, matched, parts, options, options.authorizer ?? null),
    body: request.body === undefined || request.body === null || request.body === '' ? null : request.body,
    isBase64Encoded: false,
  };
}

/**
 * Test factory: the proxy event for a request on one of `routes` (default: the topology's), matched as the
 * gateway would. Throws when no route takes the request.
 */
export function proxyEventFor(
  request: HttpRequestInput,
  options: ApiEventOptions & { routes?: readonly RouteLike[] } = {},
): APIGatewayProxyEvent {
  const match = matchRoute(options.routes ?? routes, request.method, request.url);
  if (match.kind !== 'matched') throw new Error(`No route takes ${request.method} ${request.url} (${match.kind})`);
  return toApiGatewayProxyEvent(request, match, options);
}

export interface AuthorizerEventOptions extends Omit<ApiEventOptions, 'authorizer'> {
  region?: string;
}

export function toRequestAuthorizerEvent(
  request: HttpRequestInput,
  matched: MatchedResource,
  options: AuthorizerEventOptions = {},
): APIGatewayRequestAuthorizerEvent {
  const parts = requestParts(request);
  return {
    type: 'REQUEST',
    methodArn: methodArn(parts.method, parts.path, options),
    resource: matched.resource,
    path: parts.path,
    httpMethod: parts.method,
    headers: parts.headers,
    multiValueHeaders: parts.multiValueHeaders,
    queryStringParameters: parts.queryStringParameters,
    multiValueQueryStringParameters: parts.multiValueQueryStringParameters,
    pathParameters: matched.pathParameters,
    stageVariables: null,
    requestContext: requestContext(request, matched, parts, options, undefined),
  };
}

/** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path without leading slash>` */
export function methodArn(method: string, path: string, options: AuthorizerEventOptions = {}): string {
  const o = { ...DEFAULTS, region: 'local', ...options };
  return `arn:aws:execute-api:${o.region}:${o.accountId}:${o.apiId}/${o.stage}/${method.toUpperCase()}/${path.split('?')[0]!.replace(/^\//, '')}`;
}

/**
 * What a Lambda authorizer's result becomes in the handler's `requestContext.authorizer`: API Gateway turns
 * numbers and booleans into strings and adds `principalId` and `integrationLatency`.
 */
export function proxyAuthorizerContext(
  result: { principalId: string; context?: Record<string, string | number | boolean | null | undefined> | null },
  integrationLatency = 0,
): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result.context ?? {})) {
    if (value === undefined) continue;
    context[key] = value === null ? null : String(value);
  }
  return { ...context, principalId: result.principalId, integrationLatency };
}

interface RequestParts {
  method: string;
  path: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
}

function requestParts(request: HttpRequestInput): RequestParts {
  const method = request.method.toUpperCase();
  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const query = queryStart < 0 ? '' : request.url.slice(queryStart + 1);

  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === undefined) continue;
    const values = typeof value === 'string' ? [value] : [...value];
    if (values.length === 0) continue;
    multiValueHeaders[name] = values;
    headers[name] = values[values.length - 1]!;
  }

  let queryStringParameters: Record<string, string> | null = null;
  let multiValueQueryStringParameters: Record<string, string[]> | null = null;
  for (const [key, value] of new URLSearchParams(query)) {
    queryStringParameters ??= {};
    multiValueQueryStringParameters ??= {};
    queryStringParameters[key] = value;
    (multiValueQueryStringParameters[key] ??= []).push(value);
  }
  return { method, path, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters };
}

function requestContext<A>(
  request: HttpRequestInput,
  matched: MatchedResource,
  parts: RequestParts,
  options: ApiEventOptions,
  authorizer: A,
): APIGatewayEventRequestContextWithAuthorizer<A> {
  const o = { ...DEFAULTS, ...options };
  const header = (name: string) => {
    const key = Object.keys(parts.headers).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : parts.headers[key];
  };
  return {
    accountId: o.accountId,
    apiId: o.apiId,
    authorizer,
    protocol: 'HTTP/1.1',
    httpMethod: parts.method,
    identity: {
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: request.sourceIp ?? '127.0.0.1',
      user: null,
      userAgent: header('user-agent') ?? null,
      userArn: null,
    },
    domainName: header('host') ?? 'localhost',
    domainPrefix: (header('host') ?? 'localhost').split('.')[0]!.split(':')[0]!,
    extendedRequestId: o.requestId,
    path: `/${o.stage}${parts.path}`,
    stage: o.stage,
    requestId: o.requestId,
    requestTime: clfTime(o.requestTimeEpoch),
    requestTimeEpoch: o.requestTimeEpoch,
    resourceId: 'local',
    resourcePath: matched.resource,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `requestTime`: `09/Apr/2015:12:34:56 +0000`. */
function clfTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
