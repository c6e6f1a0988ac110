import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayRequestAuthorizerEvent,
  Context,
} from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpGateway, ProxyHandler } from '../../scripts/local/gateway-options.ts';
import { startHttpGateway } from '../../scripts/local/http-gateway.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

// Fakes standing in for the real handlers and authorizer: tokens name their outcome.
const calls: { fn: string; event: APIGatewayProxyEvent; context: Context }[] = [];
const authorizerCalls: APIGatewayRequestAuthorizerEvent[] = [];

const allow = (methodArn: string, context: APIGatewayAuthorizerResult['context']): APIGatewayAuthorizerResult => ({
  principalId: 'user-1',
  policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: methodArn }] },
  context,
});

async function authorizer(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  authorizerCalls.push(event);
  const token = event.headers?.Authorization ?? event.headers?.authorization;
  switch (token) {
    case 'Bearer good':
      return allow(event.methodArn, { principal: 'staff:CWI-110100', level: 3, supervisor: false });
    case 'Bearer deny':
      return {
        principalId: 'user-2',
        policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: event.methodArn }] },
      };
    case 'Bearer other-route':
      return allow(event.methodArn.replace(/\/POST\/.*$/, '/GET/v1/health'), {});
    case 'Bearer broken':
      throw new Error('database unavailable');
    default:
      throw new Error('Unauthorized');
  }
}

function recording(fn: string, respond?: (e: APIGatewayProxyEvent) => unknown): ProxyHandler {
  return async (event, context) => {
    calls.push({ fn, event, context });
    if (respond) return respond(event) as never;
    return {
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'X-One': 'single' },
      multiValueHeaders: { 'X-Many': ['a', 'b'] },
      body: JSON.stringify({ echoed: event.body }),
    };
  };
}

let gateway: HttpGateway;
const routes = [
  { method: 'GET', path: '/v1/health', fn: 'api', auth: false },
  { method: 'POST', path: '/v1/children', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/children/{childId}/tasks', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/departments/{department}/tasks', fn: 'partnerApi', auth: true },
  { method: 'POST', path: '/v1/boom', fn: 'boom', auth: false },
  { method: 'POST', path: '/v1/malformed', fn: 'malformed', auth: false },
  { method: 'POST', path: '/v1/unwired', fn: 'nobody', auth: false },
  { method: 'GET', path: '/v1/binary', fn: 'binary', auth: false },
];

beforeAll(async () => {
  gateway = await startHttpGateway({
    port: 0,
    routes,
    authorizer,
    maxBodyBytes: 1024,
    handlers: {
      api: recording('api'),
      partnerApi: recording('partnerApi', () => ({ statusCode: 200, body: '[]' })),
      boom: recording('boom', () => {
        throw new Error('handler bug');
      }),
      malformed: recording('malformed', () => ({ body: 'no status' })),
      binary: recording('binary', () => ({
        statusCode: 200,
        headers: { 'Content-Type': 'application/octet-stream' },
        body: Buffer.from([0, 1, 2, 255]).toString('base64'),
        isBase64Encoded: true,
      })),
    },
    onError: () => {},
  });
});
afterAll(() => gateway.close());
beforeEach(() => {
  calls.length = 0;
  authorizerCalls.length = 0;
});

const send = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);
const json = async (res: Response) => (await res.json()) as { error?: string; message?: string; [k: string]: unknown };

describe('http gateway', () => {
  it('binds a free loopback port', () => {
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.port).toBeGreaterThan(0);
  });

  it('answers 404 JSON for an unknown path, without calling anything', async () => {
    const res = await send('/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await json(res)).toEqual({ error: 'not_found', message: 'No route for GET /v1/nothing', message_zh: '没有这个接口路径，请核对请求方法和路径' });
    expect(calls).toHaveLength(0);
    expect(authorizerCalls).toHaveLength(0);
  });

  it('answers 405 with Allow for a known path with another method', async () => {
    const res = await send('/v1/children', { method: 'GET', headers: { Authorization: 'Bearer good' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await json(res)).error).toBe('method_not_allowed');
    expect(authorizerCalls).toHaveLength(0);
  });

  it('leads with the Chinese message when Accept-Language prefers Chinese, keeping both', async () => {
    const zh = await send('/v1/nothing', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    expect(Object.keys(await json(zh))).toEqual(['error', 'message_zh', 'message']);
    const en = await send('/v1/nothing', { headers: { 'Accept-Language': 'en-GB,zh;q=0.5' } });
    expect(en.headers.get('content-language')).toBe('en');
    expect(Object.keys(await json(en))).toEqual(['error', 'message', 'message_zh']);
  });

  it('answers 401 when the authorizer throws Unauthorized, and never calls the handler', async () => {
    const res = await send('/v1/children', { method: 'POST', headers: { Authorization: 'Bearer nonsense' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(await json(res)).toEqual({ error: 'unauthorized', message: 'Unauthorized', message_zh: '需要有效的访问令牌' });
    expect(authorizerCalls).toHaveLength(1);
    expect(calls).toHaveLength(0);
  });

  it('answers 401 without calling the authorizer when the identity header is missing', async () => {
    const res = await send('/v1/children', { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(authorizerCalls).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it('answers 403 on a Deny policy and on a policy for another route', async () => {
    const denied = await send('/v1/children', { method: 'POST', headers: { Authorization: 'Bearer deny' }, body: '{}' });
    expect(denied.status).toBe(403);
    expect(await json(denied)).toMatchObject({ error: 'forbidden', message: expect.stringContaining('explicit deny'), message_zh: '无权访问此资源' });
    const elsewhere = await send('/v1/children', { method: 'POST', headers: { Authorization: 'Bearer other-route' }, body: '{}' });
    expect(elsewhere.status).toBe(403);
    expect(calls).toHaveLength(0);
  });

  it('answers 500 JSON when the authorizer fails otherwise', async () => {
    const res = await send('/v1/children', { method: 'POST', headers: { Authorization: 'Bearer broken' }, body: '{}' });
    expect(res.status).toBe(500);
    expect((await json(res)).error).toBe('authorizer_error');
    expect(calls).toHaveLength(0);
  });

  it('gives the authorizer a REQUEST event with the method ARN of the actual path', async () => {
    await send('/v1/children/CH9/tasks?x=1', { method: 'POST', headers: { Authorization: 'Bearer good' }, body: '{}' });
    expect(authorizerCalls).toHaveLength(1);
    expect(authorizerCalls[0]).toMatchObject({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:local:000000000000:local/local/POST/v1/children/CH9/tasks',
      resource: '/v1/children/{childId}/tasks',
      path: '/v1/children/CH9/tasks',
      httpMethod: 'POST',
      pathParameters: { childId: 'CH9' },
      queryStringParameters: { x: '1' },
    });
  });

  it('passes the authorizer context, path, query and body to the handler and writes its response', async () => {
    const res = await send('/v1/children/CH42/tasks?dry=1&tag=a&tag=b', {
      method: 'POST',
      headers: { Authorization: 'Bearer good', 'Content-Type': 'application/json' },
      body: `{"type":"${preEnrollmentV1.type}"}`,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-one')).toBe('single');
    expect(res.headers.get('x-many')).toBe('a, b');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await json(res)).toEqual({ echoed: `{"type":"${preEnrollmentV1.type}"}` });

    expect(calls).toHaveLength(1);
    const { fn, event, context } = calls[0]!;
    expect(fn).toBe('api');
    expect(event.requestContext.authorizer).toEqual({
      principal: 'staff:CWI-110100',
      level: '3',
      supervisor: 'false',
      principalId: 'user-1',
      integrationLatency: expect.any(Number),
    });
    expect(event.resource).toBe('/v1/children/{childId}/tasks');
    expect(event.pathParameters).toEqual({ childId: 'CH42' });
    expect(event.queryStringParameters).toEqual({ dry: '1', tag: 'b' });
    expect(event.multiValueQueryStringParameters).toEqual({ dry: ['1'], tag: ['a', 'b'] });
    expect(event.body).toBe(`{"type":"${preEnrollmentV1.type}"}`);
    expect(event.headers['Content-Type'] ?? event.headers['content-type']).toBe('application/json');
    expect(event.requestContext.requestId).toBe(res.headers.get('x-amzn-requestid'));
    expect(context.functionName).toBe('api');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('routes to the function the route names, and skips the authorizer on auth: false routes', async () => {
    const partner = await send('/v1/departments/education/tasks', { headers: { Authorization: 'Bearer good' } });
    expect(partner.status).toBe(200);
    expect(partner.headers.get('content-type')).toBe('application/json');
    expect(calls.map((c) => c.fn)).toEqual(['partnerApi']);

    const health = await send('/v1/health');
    expect(health.status).toBe(201);
    expect(authorizerCalls).toHaveLength(1);
    expect(calls[1]!.event.requestContext.authorizer).toBeNull();
  });

  it('answers 413 for a body over the limit, declared or streamed, without calling the handler', async () => {
    const declared = await send('/v1/boom', { method: 'POST', body: 'x'.repeat(2048) });
    expect(declared.status).toBe(413);
    expect((await json(declared)).error).toBe('payload_too_large');

    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode('y'.repeat(512)));
        c.close();
      },
    });
    const streamed = await send('/v1/boom', { method: 'POST', body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it('answers 502 when the handler throws or returns no status code', async () => {
    const thrown = await send('/v1/boom', { method: 'POST', body: 'ok' });
    expect(thrown.status).toBe(502);
    expect(await json(thrown)).toEqual({ error: 'bad_gateway', message: 'Internal server error', message_zh: '系统内部错误，请稍后重试' });
    const malformed = await send('/v1/malformed', { method: 'POST' });
    expect(malformed.status).toBe(502);
    expect((await json(malformed)).message).toBe('Malformed Lambda proxy response');
  });

  it('answers 501 for a route whose handler is not wired', async () => {
    const res = await send('/v1/unwired', { method: 'POST' });
    expect(res.status).toBe(501);
    expect((await json(res)).error).toBe('not_implemented');
  });

  it('decodes a base64 body from the handler', async () => {
    const res = await send('/v1/binary');
    expect(res.status).toBe(200);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('with an authorizer cache, reuses a result per token, so a policy for one method ARN refuses the next route', async () => {
    const cachedGateway = await startHttpGateway({
      port: 0,
      routes,
      authorizer,
      authorizerCache: { ttlSeconds: 60, maxEntries: 10, key: (e) => e.headers?.Authorization },
      handlers: { api: recording('api') },
      onError: () => {},
    });
    try {
      const post = (path: string, token: string) =>
        fetch(`${cachedGateway.url}${path}`, { method: 'POST', headers: { Authorization: token }, body: '{}' });
      expect((await post('/v1/children', 'Bearer good')).status).toBe(201);
      // The fake authorizer allows exactly the method ARN it was called for; the cached policy does not cover this one.
      expect((await post('/v1/children/CH1/tasks', 'Bearer good')).status).toBe(403);
      expect(authorizerCalls).toHaveLength(1);
      expect((await post('/v1/children/CH1/tasks', 'Bearer deny')).status).toBe(403);
      expect(authorizerCalls).toHaveLength(2);
    } finally {
      await cachedGateway.close();
    }
  });

  it('without a cache, calls the authorizer for every request', async () => {
    await send('/v1/children', { method: 'POST', headers: { Authorization: 'Bearer good' }, body: '{}' });
    await send('/v1/children/CH1/tasks', { method: 'POST', headers: { Authorization: 'Bearer good' }, body: '{}' });
    expect(authorizerCalls).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });
});

describe('[matrix] the authorizer cache', () => {
  const valid = new Set(['a', 'b', 'c']);
  const bearer = /^bearer +(\S+)$/i;
  /** The identity the fake authorizer below reads: the token after any spelling of the scheme. */
  const tokenOf = (e: APIGatewayRequestAuthorizerEvent) => bearer.exec(e.headers?.Authorization ?? '')?.[1];
  let seen: string[] = [];
  async function tokenAuthorizer(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
    const token = tokenOf(event);
    seen.push(token ?? '(none)');
    if (!token || !valid.has(token)) throw new Error('Unauthorized');
    return allow(event.methodArn.replace(/\/POST\/.*$/, '/*/*'), { principal: `staff:CWI-${token}` });
  }
  /** Token `e<seconds>`: valid, and expiring that many seconds from now (as a JWT's `exp`). */
  const expiries = new Map<string, number>();
  async function withCache(ttlSeconds: number, run: (post: (auth: string) => Promise<number>) => Promise<void>) {
    seen = [];
    const g = await startHttpGateway({
      port: 0,
      routes,
      authorizer: tokenAuthorizer,
      authorizerCache: { ttlSeconds, maxEntries: 2, key: tokenOf, expiresAt: (r) => expiries.get(String(r.context?.principal)) },
      handlers: { api: recording('api') },
      onError: () => {},
    });
    try {
      await run(async (auth) => (await fetch(`${g.url}/v1/children`, { method: 'POST', headers: { Authorization: auth }, body: '{}' })).status);
    } finally {
      await g.close();
    }
  }

  it('keys on the identity the authorizer reads: every spelling of the scheme shares one entry', async () => {
    await withCache(60, async (post) => {
      for (const auth of ['Bearer a', 'bearer a', 'BEARER   a', 'beaReR a']) expect(await post(auth)).toBe(201);
      expect(seen).toEqual(['a']);
    });
  });

  it('holds at most maxEntries results, dropping the least recently used first', async () => {
    await withCache(60, async (post) => {
      await post('Bearer a');
      await post('Bearer b');
      await post('Bearer a'); // a is now the most recently used
      await post('Bearer c'); // evicts b
      await post('Bearer a');
      expect(seen).toEqual(['a', 'b', 'c']);
      await post('Bearer b');
      expect(seen).toEqual(['a', 'b', 'c', 'b']);
    });
  });

  it('never caches a request without an identity, and serves a revoked token until its entry expires', async () => {
    await withCache(1, async (post) => {
      expect(await post('Basic a')).toBe(401);
      expect(await post('Basic a')).toBe(401);
      expect(seen).toEqual(['(none)', '(none)']);
      expect(await post('Bearer c')).toBe(201);
      valid.delete('c');
      expect(await post('Bearer c')).toBe(201); // the revocation delay: the cache's time to live
      await new Promise((r) => setTimeout(r, 1100));
      expect(await post('Bearer c')).toBe(401);
      valid.add('c');
    });
  });

  it('lets no entry outlive its token: an expiring token is asked about again at its expiry, not after the TTL', async () => {
    await withCache(300, async (post) => {
      expiries.set('staff:CWI-a', Date.now() + 800);
      expect(await post('Bearer a')).toBe(201);
      expect(await post('Bearer a')).toBe(201);
      expect(seen).toEqual(['a']);
      await new Promise((r) => setTimeout(r, 900));
      valid.delete('a'); // the token has expired: the authorizer refuses it now
      expect(await post('Bearer a')).toBe(401);
      expect(seen).toEqual(['a', 'a']);
      valid.add('a');
      expiries.clear();
    });
  });
});

describe('close()', () => {
  it('lets a request being handled finish and answer before it drops the connections', async () => {
    let finished = false;
    const g = await startHttpGateway({
      port: 0,
      routes,
      handlers: {
        // As a handler mid-call to DynamoDB when the hub stops: it must not find the table gone under it.
        api: async () => {
          await new Promise((r) => setTimeout(r, 300));
          finished = true;
          return { statusCode: 200, body: '{"ok":true}' };
        },
      },
      onError: () => {},
    });
    const answer = fetch(`${g.url}/v1/health`).then(async (r) => ({ status: r.status, body: await r.text() }));
    await new Promise((r) => setTimeout(r, 50));
    await g.close();
    expect(finished).toBe(true);
    expect(await answer).toEqual({ status: 200, body: '{"ok":true}' });
    await expect(fetch(`${g.url}/v1/health`)).rejects.toThrow();
  });
});
