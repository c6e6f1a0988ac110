// The local stand-in for API Gateway REST API (v1): a node:http server that routes by the topology's `routes`,
// runs the REQUEST authorizer on `auth: true` routes, and calls the same proxy handlers Lambda would, with the
// same events (api-event.ts). Handlers and the authorizer are injected so that this file depends on neither.
//
// Deliberate differences from API Gateway, each to make local mistakes easier to see: an unknown path is 404
// and a known path with another method is 405 (API Gateway answers 403 "Missing Authentication Token" to
// both), and the gateway's own errors are JSON `{ error, message, message_zh }`. Not emulated: usage plans and API keys, request
// validation, binary media types (bodies are read as UTF-8 text), CORS. Authorizer results are cached when asked to
// (authorizerCache), keyed on the identity the authorizer reads rather than the raw headers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routes as topologyRoutes } from '../../services/topology.ts';
import { toApiGatewayProxyEvent, type HttpRequestInput } from './api-event.ts';
import { gatewayAuthorizer } from './gateway-authorize.ts';
import { GatewayError, headersAsSent, readBody, withTimeout, writeError, writeProxyResult } from './gateway-http.ts';
import type { HttpGateway, HttpGatewayOptions } from './gateway-options.ts';
import { invokeHandler, lambdaContext } from './lambda-context.ts';
import { matchRoute } from './route-match.ts';

/** How long close() waits for the requests being handled before it drops their connections. */
const CLOSE_GRACE_MS = 5_000;

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

  const authorize = gatewayAuthorizer(options, identityHeaders, onError);

  // Requests still being handled: close() lets them finish (their handlers are mid-call to DynamoDB or SQS, which the
  // hub stops next) before it drops the connections.
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    const handled = handle(req, res, requestId).catch((err) => {
      const error =
        err instanceof GatewayError
          ? err
          : (onError(err, { phase: 'gateway', method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, requestId }),
            new GatewayError(500, 'internal_error', 'The local gateway failed'));
      writeError(res, error, requestId, req.headers['accept-language']);
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
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
      (closing ??= (async () => {
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        server.closeIdleConnections();
        // Requests on a kept-alive connection may still arrive meanwhile: wait until none is left, for at most
        // CLOSE_GRACE_MS, so a stuck handler does not hold the stop.
        const deadline = Date.now() + CLOSE_GRACE_MS;
        while (inFlight.size > 0 && Date.now() < deadline) {
          await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, deadline - Date.now()).unref())]);
        }
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
        await closed;
      })()),
  };
}

