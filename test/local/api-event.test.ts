import { describe, expect, it } from 'vitest';
import {
  methodArn,
  proxyAuthorizerContext,
  proxyEventFor,
  toApiGatewayProxyEvent,
  toRequestAuthorizerEvent,
} from '../../scripts/local/api-event.ts';
import { evaluatePolicy } from '../../scripts/local/authorizer-policy.ts';
import { matchRoute } from '../../scripts/local/route-match.ts';
import { routes } from '../../services/topology.ts';

describe('matchRoute', () => {
  it('matches every topology route with sample values and extracts its parameters', () => {
    for (const route of routes) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => `value-of-${name}`);
      const match = matchRoute(routes, route.method, path);
      expect(match).toMatchObject({ kind: 'matched', route, resource: route.path });
      if (match.kind !== 'matched') continue;
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      expect(match.pathParameters).toEqual(
        names.length ? Object.fromEntries(names.map((n) => [n, `value-of-${n}`])) : null,
      );
    }
  });

  it('takes the method into account: GET and POST on /v1/children/{childId}/tasks are different routes', () => {
    expect(matchRoute(routes, 'POST', '/v1/children/CH1/tasks')).toMatchObject({ kind: 'matched' });
    expect(matchRoute(routes, 'GET', '/v1/children/CH1/tasks')).toEqual({
      kind: 'method-not-allowed',
      allowedMethods: ['POST'],
    });
  });

  it('lists every allowed method for a 405', () => {
    const r = [
      { method: 'GET', path: '/a/{id}' },
      { method: 'POST', path: '/a/{id}' },
    ];
    expect(matchRoute(r, 'DELETE', '/a/1')).toEqual({ kind: 'method-not-allowed', allowedMethods: ['GET', 'POST'] });
  });

  it('is not-found for unknown paths, extra or missing segments and empty parameters', () => {
    for (const path of ['/v2/health', '/v1/health/extra', '/v1/children/', '/v1/tasks//complete', '/', '']) {
      expect(matchRoute(routes, 'GET', path).kind, path).not.toBe('matched');
    }
    expect(matchRoute(routes, 'GET', '/v1/unknown')).toEqual({ kind: 'not-found' });
    expect(matchRoute(routes, 'POST', '/v1/tasks//complete')).toEqual({ kind: 'not-found' });
  });

  it('ignores the query string and is case-insensitive on the method only', () => {
    expect(matchRoute(routes, 'get', '/v1/health?verbose=1')).toMatchObject({ kind: 'matched', resource: '/v1/health' });
    expect(matchRoute(routes, 'GET', '/V1/health').kind).toBe('not-found');
  });

  it('prefers a literal segment over a parameter, wherever the routes are listed', () => {
    const r = [
      { method: 'GET', path: '/x/{id}' },
      { method: 'GET', path: '/x/latest' },
    ];
    expect(matchRoute(r, 'GET', '/x/latest')).toMatchObject({ resource: '/x/latest', pathParameters: null });
    expect(matchRoute([...r].reverse(), 'GET', '/x/latest')).toMatchObject({ resource: '/x/latest' });
    expect(matchRoute(r, 'GET', '/x/7')).toMatchObject({ resource: '/x/{id}', pathParameters: { id: '7' } });
  });
});

describe('toApiGatewayProxyEvent', () => {
  const request = {
    method: 'post',
    url: '/v1/children/CH01/tasks?dry=1&tag=a&tag=b%20c',
    headers: {
      Host: 'localhost:3000',
      'User-Agent': 'vitest',
      'Content-Type': 'application/json',
      Accept: ['text/plain', 'application/json'],
    },
    body: '{"type":"x"}',
    sourceIp: '10.1.2.3',
  };
  const matched = { resource: '/v1/children/{childId}/tasks', pathParameters: { childId: 'CH01' } };

  it('has the REST API v1 proxy shape', () => {
    const event = toApiGatewayProxyEvent(request, matched, {
      authorizer: { principal: 'staff:CWI-110100', principalId: 'p', integrationLatency: 3 },
      requestId: 'req-1',
      requestTimeEpoch: Date.UTC(2026, 3, 9, 12, 34, 56),
    });
    expect(event).toEqual({
      resource: '/v1/children/{childId}/tasks',
      path: '/v1/children/CH01/tasks',
      httpMethod: 'POST',
      headers: {
        Host: 'localhost:3000',
        'User-Agent': 'vitest',
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      multiValueHeaders: {
        Host: ['localhost:3000'],
        'User-Agent': ['vitest'],
        'Content-Type': ['application/json'],
        Accept: ['text/plain', 'application/json'],
      },
      queryStringParameters: { dry: '1', tag: 'b c' },
      multiValueQueryStringParameters: { dry: ['1'], tag: ['a', 'b c'] },
      pathParameters: { childId: 'CH01' },
      stageVariables: null,
      body: '{"type":"x"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        authorizer: { principal: 'staff:CWI-110100', principalId: 'p', integrationLatency: 3 },
        protocol: 'HTTP/1.1',
        httpMethod: 'POST',
        identity: expect.objectContaining({ sourceIp: '10.1.2.3', userAgent: 'vitest', user: null, apiKey: null }),
        domainName: 'localhost:3000',
        domainPrefix: 'localhost',
        extendedRequestId: 'req-1',
        path: '/local/v1/children/CH01/tasks',
        stage: 'local',
        requestId: 'req-1',
        requestTime: '09/Apr/2026:12:34:56 +0000',
        requestTimeEpoch: Date.UTC(2026, 3, 9, 12, 34, 56),
        resourceId: 'local',
        resourcePath: '/v1/children/{childId}/tasks',
      },
    });
  });

  it('uses null for an absent query string, body and authorizer', () => {
    const event = toApiGatewayProxyEvent({ method: 'GET', url: '/v1/health' }, { resource: '/v1/health', pathParameters: null });
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.pathParameters).toBeNull();
    expect(event.body).toBeNull();
    expect(event.requestContext.authorizer).toBeNull();
    expect(event.headers).toEqual({});
    expect(event.requestContext.identity.sourceIp).toBe('127.0.0.1');
  });

  it('keeps the percent-encoding of path and path parameters, as REST APIs do', () => {
    const event = toApiGatewayProxyEvent(
      { method: 'GET', url: '/v1/children/a%2Fb' },
      { resource: '/v1/children/{childId}', pathParameters: { childId: 'a%2Fb' } },
    );
    expect(event.path).toBe('/v1/children/a%2Fb');
    expect(event.pathParameters).toEqual({ childId: 'a%2Fb' });
  });
});

describe('proxyEventFor', () => {
  it('matches the request against the topology routes and fills resource and path parameters', () => {
    const event = proxyEventFor({ method: 'POST', url: '/v1/tasks/T1/acknowledge', body: '{}' }, { authorizer: { principal: 'department:education' } });
    expect(event.resource).toBe('/v1/tasks/{taskId}/acknowledge');
    expect(event.pathParameters).toEqual({ taskId: 'T1' });
    expect(event.requestContext.authorizer).toEqual({ principal: 'department:education' });
    expect(event.body).toBe('{}');
  });

  it('throws for a request no route takes', () => {
    expect(() => proxyEventFor({ method: 'DELETE', url: '/v1/health' })).toThrow(/method-not-allowed/);
    expect(() => proxyEventFor({ method: 'GET', url: '/nope' })).toThrow(/not-found/);
  });
});

describe('toRequestAuthorizerEvent', () => {
  it('builds the REQUEST authorizer event with the method ARN of the actual path', () => {
    const event = toRequestAuthorizerEvent(
      { method: 'POST', url: '/v1/children?x=1', headers: { Authorization: 'Bearer t' } },
      { resource: '/v1/children', pathParameters: null },
      { requestId: 'r' },
    );
    expect(event.type).toBe('REQUEST');
    expect(event.methodArn).toBe('arn:aws:execute-api:local:000000000000:local/local/POST/v1/children');
    expect(event).toMatchObject({
      resource: '/v1/children',
      path: '/v1/children',
      httpMethod: 'POST',
      headers: { Authorization: 'Bearer t' },
      multiValueHeaders: { Authorization: ['Bearer t'] },
      queryStringParameters: { x: '1' },
      pathParameters: null,
      stageVariables: null,
    });
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.requestContext.requestId).toBe('r');
  });

  it('puts region, account, api and stage where API Gateway does', () => {
    expect(methodArn('get', '/v1/tasks/T1/complete', { region: 'cn-north-1', accountId: '1', apiId: 'abc', stage: 'prod' })).toBe(
      'arn:aws:execute-api:cn-north-1:1:abc/prod/GET/v1/tasks/T1/complete',
    );
  });
});

describe('proxyAuthorizerContext', () => {
  it('stringifies numbers and booleans and adds principalId and integrationLatency', () => {
    expect(
      proxyAuthorizerContext({ principalId: 'u1', context: { principal: 'department:education', n: 5, ok: true, gone: undefined } }, 7),
    ).toEqual({ principal: 'department:education', n: '5', ok: 'true', principalId: 'u1', integrationLatency: 7 });
  });
});

describe('evaluatePolicy', () => {
  const arn = 'arn:aws:execute-api:local:000000000000:local/local/POST/v1/children';
  const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement }) as never;

  it('allows an Allow on the exact ARN or a wildcard, with any case of the action', () => {
    expect(evaluatePolicy(policy({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: arn }), arn)).toBe('allow');
    expect(evaluatePolicy(policy({ Effect: 'Allow', Action: 'execute-api:invoke', Resource: ['arn:aws:execute-api:local:000000000000:local/*'] }), arn)).toBe('allow');
    expect(evaluatePolicy(policy({ Effect: 'Allow', Action: '*', Resource: '*' }), arn)).toBe('allow');
  });

  it('lets an explicit Deny win over an Allow', () => {
    const p = policy(
      { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' },
      { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:*/*/POST/*' },
    );
    expect(evaluatePolicy(p, arn)).toBe('deny');
    expect(evaluatePolicy(p, arn.replace('/POST/', '/GET/'))).toBe('allow');
  });

  it('refuses when no statement covers the ARN', () => {
    expect(evaluatePolicy(policy({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: arn.replace('POST', 'GET') }), arn)).toBe('no-match');
    expect(evaluatePolicy(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), arn)).toBe('no-match');
    expect(evaluatePolicy(undefined, arn)).toBe('no-match');
  });
});
