// The local stand-in for API Gateway REST API (v1): a node:http server that routes by the topology's `routes`,
// runs the REQUEST authorizer on `auth: true` routes, and calls the same proxy handlers Lambda would, with the
// same events (api-event.ts). Handlers and the authorizer are injected so that this file depends on neither.
//
// Deliberate differences from API Gateway, each to make local mistakes easier to see: an unknown path is 404
// and a known path with another method is 405 (API Gateway answers 403 "Missing Authentication Token" to
// both), and the gateway's own errors are JSON `{ error, message }`. Not emulated: usage plans and API keys, request
// validation, binary media types (bodies are read as UTF-8 text), CORS. Authorizer results are cached when asked to
// (authorizerCache), keyed on the identity the authorizer reads rather than the raw headers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
} from 'aws-lambda';
import { routes as topologyRoutes } from '../../services/topology.ts';
import {
  matchRoute,
  proxyAuthorizerContext,
  toApiGatewayProxyEvent,
  toRequestAuthorizerEvent,
  type HttpRequestInput,
} from './api-event.ts';
import { evaluatePolicy } from './authorizer-policy.ts';
import { invokeHandler, lambdaContext, type LocalHandler } from './lambda-context.ts';
import { lruCache } from './lru-cache.ts';

/** A proxy handler (`api`, `partnerApi`); aws-lambda's APIGatewayProxyHandler and middy handlers fit. */
export type ProxyHandler = LocalHandler<APIGatewayProxyEvent, APIGatewayProxyResult>;
/** The REQUEST authorizer; aws-lambda's APIGatewayRequestAuthorizerHandler fits. */
export type RequestAuthorizerHandler = LocalHandler<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult>;

export interface GatewayRoute {
  method: string;
  path: string;
  /** Key into `handlers`. */
  fn: string;
  auth: boolean;
}

export interface HttpGatewayOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Default 127.0.0.1: the local API is for this machine only. */
  host?: string;
  /** Default: the topology's routes. */
  routes?: readonly GatewayRoute[];
  /** By route `fn`, e.g. `{ api, partnerApi }`. A route whose handler is missing answers 501. */
  handlers: Partial<Record<string, ProxyHandler>>;
  /** Required as soon as a route has `auth: true` and is called; without it such calls answer 500. */
  authorizer?: RequestAuthorizerHandler;
  /**
   * The authorizer's identity sources: headers that must be present, or API Gateway answers 401 without
   * calling the authorizer. Must match the CDK stack. Default ['Authorization']; [] calls it always.
   */
  identityHeaders?: string[];
  /**
   * Reuse an authorizer result for `ttlSeconds` per identity, as API Gateway does (the CDK stack caches for 5
   * minutes). With caching, a policy that allows only the method ARN it was issued for refuses the same token on
   * the next route: turning this on shows that bug locally. `key` is the identity the authorizer itself decides on
   * (the runtime passes the authorizer's own `identityOf`); a request it gives no key is never answered from the
   * cache. At most `maxEntries` results are kept (default 256), the least recently used dropped first. Default: off.
   */
  authorizerCache?: AuthorizerCacheOptions;
  /**
   * Asked for a path no route matches (the console's pages and assets, the local sign-in list); answers it
   * and returns true, or returns false for the gateway's 404.
   */
  fallback?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Larger bodies answer 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** API Gateway's integration timeout; slower handlers answer 504. Default 29 s. */
  timeoutMs?: number;
  /** For the method ARN and the events. Defaults: region 'local', stage 'local', account 000000000000, apiId 'local'. */
  region?: string;
  stage?: string;
  accountId?: string;
  apiId?: string;
  /** Default: console.error with method, path and request id (never bodies or tokens). */
  onError?: (error: unknown, where: { phase: 'authorizer' | 'handler' | 'gateway'; method: string; path: string; requestId: string }) => void;
}

export interface AuthorizerCacheOptions {
  ttlSeconds: number;
  maxEntries?: number;
  key: (event: APIGatewayRequestAuthorizerEvent) => string | undefined;
}

export interface HttpGateway {
  /** `http://<host>:<port>`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function startHttpGateway(options: HttpGatewayOptions): Promise<HttpGateway> {
  const routes = options.routes ?? topologyRoutes;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const identityHeaders = (options.identityHeaders ?? ['Authorization']).map((h) => h.toLowerCase());
  const ids = {
    region: options.region ?? 'local',
    stage: options.stage ?? 'local',
    accountId: options.accountId ?? '000000000000',
    apiId: options.apiId ?? 'local',
  };
  const onError =
    options.onError ??
    ((error, where) =>
      console.error(
        `[http-gateway] ${where.phase} failed for ${where.method} ${where.path} (${where.requestId}):`,
        error instanceof Error ? error.message : error,
      ));

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    const where = { method, path, requestId };

    const match = matchRoute(routes, method, path);
    if (match.kind === 'not-found' && (await options.fallback?.(req, res))) return;
    if (match.kind === 'not-found') throw new GatewayError(404, 'not_found', `No route for ${method} ${path}`);
    if (match.kind === 'method-not-allowed') {
      throw new GatewayError(405, 'method_not_allowed', `${method} is not allowed on ${path}`, {
        Allow: match.allowedMethods.join(', '),
      });
    }

    const body = await readBody(req, maxBodyBytes);
    const request: HttpRequestInput = {
      method,
      url,
      headers: headersAsSent(req.rawHeaders),
      body,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    };
    const matched = { resource: match.resource, pathParameters: match.pathParameters };
    const eventIds = { ...ids, requestId, requestTimeEpoch: Date.now() };

    let authorizer: Record<string, unknown> | null = null;
    if (match.route.auth) {
      authorizer = await authorize(request, matched, eventIds, where);
    }

    const handler = options.handlers[match.route.fn];
    if (!handler) throw new GatewayError(501, 'not_implemented', `No handler wired for function "${match.route.fn}"`);
    const event = toApiGatewayProxyEvent(request, matched, { ...eventIds, authorizer });
    let result: unknown;
    try {
      result = await withTimeout(
        invokeHandler(handler, event, lambdaContext({ functionName: match.route.fn, region: ids.region, awsRequestId: requestId })),
        options.timeoutMs ?? 29_000,
      );
    } catch (err) {
      if (err instanceof GatewayError) throw err;
      onError(err, { phase: 'handler', ...where });
      throw new GatewayError(502, 'bad_gateway', 'Internal server error');
    }
    writeProxyResult(res, result, requestId);
  }

  const authorizerCache = options.authorizerCache ? lruCache<APIGatewayAuthorizerResult>(options.authorizerCache.maxEntries ?? 256) : undefined;

  async function authorize(
    request: HttpRequestInput,
    matched: { resource: string; pathParameters: Record<string, string> | null },
    eventIds: typeof ids & { requestId: string; requestTimeEpoch: number },
    where: { method: string; path: string; requestId: string },
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
    if (cacheKey !== undefined && !fresh) authorizerCache?.set(cacheKey, result, started + options.authorizerCache!.ttlSeconds * 1000);
    const decision = evaluatePolicy(result.policyDocument, event.methodArn);
    if (decision !== 'allow') {
      const message =
        decision === 'deny'
          ? 'User is not authorized to access this resource with an explicit deny'
          : 'User is not authorized to access this resource';
      throw new GatewayError(403, 'forbidden', message, { 'x-amzn-ErrorType': 'AccessDeniedException' });
    }
    return proxyAuthorizerContext(result, Date.now() - started);
  }

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    handle(req, res, requestId).catch((err) => {
      const error =
        err instanceof GatewayError
          ? err
          : (onError(err, { phase: 'gateway', method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, requestId }),
            new GatewayError(500, 'internal_error', 'The local gateway failed'));
      writeError(res, error, requestId);
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      })),
  };
}

/** Header names as the client sent them (Node lowercases `req.headers`), repeated headers kept apart. */
function headersAsSent(rawHeaders: string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) (headers[rawHeaders[i]!] ??= []).push(rawHeaders[i + 1]!);
  return headers;
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new GatewayError(413, 'payload_too_large', `Request body exceeds ${maxBytes} bytes`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the rest is drained and the connection closed after the 413.
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayError(504, 'gateway_timeout', 'Endpoint request timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function writeProxyResult(res: ServerResponse, result: unknown, requestId: string): void {
  const r = result as Partial<APIGatewayProxyResult> | null;
  const valid =
    r !== null &&
    typeof r === 'object' &&
    Number.isInteger(r.statusCode) &&
    (r.body === undefined || r.body === null || typeof r.body === 'string');
  if (!valid) throw new GatewayError(502, 'bad_gateway', 'Malformed Lambda proxy response');

  // API Gateway merges `headers` and `multiValueHeaders`; a name in both takes the multi-value list.
  const merged = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of Object.entries(r.headers ?? {})) merged.set(name.toLowerCase(), { name, values: [String(value)] });
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) {
    merged.set(name.toLowerCase(), { name, values: values.map(String) });
  }
  if (!merged.has('content-type')) merged.set('content-type', { name: 'Content-Type', values: ['application/json'] });
  const body = r.body ? Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  res.statusCode = r.statusCode!;
  for (const { name, values } of merged.values()) res.setHeader(name, values.length === 1 ? values[0]! : values);
  res.setHeader('x-amzn-RequestId', requestId);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

function writeError(res: ServerResponse, error: GatewayError, requestId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: error.code, message: error.message });
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('x-amzn-RequestId', requestId);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
