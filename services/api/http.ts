// The HTTP plumbing shared by the API functions: middy for parsing, one error mapping, and dispatch on the
// API Gateway resource template (REST v1 proxy events carry it, so no second router is needed).
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { OperationKey, Success } from '../../contracts/api/operations/index.ts';
import { pathParameters, type PathParameter } from '../../contracts/api/paths.ts';
import type { Person } from '../../contracts/api/views.ts';
import { callerOf, whoOf, type Who } from '../auth/actor.ts';
import type { Principal } from '../auth/principal.ts';
import type { ErrorBody, FieldIssue } from '../../contracts/api/errors.ts';
import { echo, HubError, NotFoundError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../lib/errors.ts';
import { withChinese, zodIssues } from '../lib/messages-zh.ts';
import { contentLanguage, inLeadingOrder, leadingLanguage, type Lead } from '../lib/language.ts';
import { logger } from '../lib/logger.ts';

export interface Request {
  event: APIGatewayProxyEvent;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** Undefined only on routes without the authorizer (and for a token past its expiry: a 401). */
  principal: Principal | undefined;
  /** The person acting for the principal, when the token names one (services/auth/actor.ts). */
  person?: Person;
}

/**
 * A route's handler. Its answer has the status and the body type its operation documents
 * (contracts/api/operations/), so an answer that drifts from the OpenAPI document does not compile.
 */
export type Route<K extends OperationKey> = (req: Request) => Promise<Success<K> & { file?: FileAnswer }>;

/** A route's answer as a file instead of JSON (a report's CSV or XLSX export); the body is what JSON would have been. */
export interface FileAnswer {
  contentType: string;
  filename: string;
  data: Buffer;
}

const fileReply = (f: FileAnswer): APIGatewayProxyResult => ({
  statusCode: 200,
  headers: { 'content-type': f.contentType, 'content-disposition': `attachment; filename="${f.filename}"`, 'cache-control': 'no-store' },
  body: f.data.toString('base64'),
  isBase64Encoded: true,
});
/** Handlers by route (`<METHOD> <resource>`), each typed by its own operation. */
export type Routes = { [K in OperationKey]?: Route<K> };

const json = (statusCode: number, body: unknown): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** An error answer, in the shape the OpenAPI document gives every error (contracts/api/errors.ts), with its Chinese. */
const failure = (statusCode: number, body: Omit<ErrorBody, 'message_zh'>, lead: Lead) => {
  const reply = json(statusCode, inLeadingOrder(withChinese(body), lead));
  return { ...reply, headers: { ...reply.headers, 'content-language': contentLanguage(lead) } };
};

/** A body sent as text (no JSON content type) that a route would read as a string: say what to send instead. */
const CONTENT_TYPE = 'send `content-type: application/json` with a JSON body';
function checkContentType(event: APIGatewayProxyEvent) {
  const type = event.headers?.['content-type'] ?? '';
  if (typeof event.body === 'string' && event.body.trim() !== '' && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ValidationError([{ path: 'header.content-type', message: 'send content-type: application/json' }], CONTENT_TYPE);
  }
}

/** The error answer; `acceptLanguage` decides which message leads (services/lib/language.ts). */
export function errorReply(err: unknown, acceptLanguage?: string): APIGatewayProxyResult {
  const lead = leadingLanguage(acceptLanguage);
  if (err instanceof TooManyRequestsError) {
    const reply = failure(429, { error: err.code, message: echo(err.message, 300), retryAfterSeconds: err.retryAfterSeconds }, lead);
    return { ...reply, headers: { ...reply.headers, 'retry-after': String(err.retryAfterSeconds) } };
  }
  if (err instanceof HubError) {
    return failure(err.status, { error: err.code, message: echo(err.message, 300), ...(err.issues ? { issues: err.issues } : {}) }, lead);
  }
  const e = err as { statusCode?: number; expose?: boolean; message?: string; cause?: { package?: string; data?: unknown } };
  // middy's JSON parser answers malformed JSON, and a `__proto__` or `constructor.prototype` key, with 422; to a
  // caller both are a bad body, so 400 naming what is wrong.
  if (e.cause?.package === '@middy/http-json-body-parser' && /malformed/i.test(e.message ?? '')) {
    return failure(400, { error: 'invalid_request', message: 'the body is not valid JSON', issues: [{ path: '(body)', message: 'not valid JSON' }] }, lead);
  }
  if (e.cause?.package === '@middy/http-json-body-parser' && /forbidden key/i.test(e.message ?? '')) {
    return failure(400, { error: 'invalid_request', message: 'the body has a forbidden key', issues: [{ path: String(e.cause.data), message: 'forbidden key' }] }, lead);
  }
  if (typeof e.statusCode === 'number' && e.statusCode < 500 && e.expose !== false) {
    return failure(e.statusCode, { error: 'invalid_request', message: e.message ?? 'the request is invalid' }, lead);
  }
  logger.error('unhandled error', { error: err as Error });
  return failure(500, { error: 'internal', message: 'internal error' }, lead);
}

/** Parses with a zod schema; a failure is a 400 naming every offending field. */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown, prefix?: string): z.infer<S> {
  const out = schema.safeParse(body ?? {});
  if (!out.success) throw new ValidationError(zodIssues(out.error, prefix));
  return out.data;
}

/**
 * Every path parameter in its format (contracts/api/paths.ts) before a handler runs, so no malformed id reaches
 * the table: a 400 naming each parameter and its pattern.
 */
export function checkPathParameters(params: Record<string, string | undefined>): Record<string, string> {
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(params)) {
    const spec = pathParameters[name as PathParameter];
    if (!spec) throw new Error(`path parameter ${name} has no format in contracts/api/paths.ts`);
    const out = spec.schema.safeParse(value);
    if (!out.success) issues.push(zodIssues(out.error, `path.${name}`)[0]!);
  }
  if (issues.length) throw new ValidationError(issues, 'a path parameter is malformed');
  return params as Record<string, string>;
}

export function requirePrincipal(req: Request): Principal {
  if (!req.principal) throw new UnauthorizedError();
  return req.principal;
}

/** What a write by this request's caller records: the principal (as checked) and the person acting for it. */
export const recordedBy = (req: Request, principal: Principal = requirePrincipal(req)): Who =>
  whoOf({ principal, ...(req.person ? { person: req.person } : {}) });

/**
 * `afterReply` runs once an answer is built, before it is returned, and cannot fail it (the read audit's flush,
 * services/audit/reads.ts: bounded in time, never throwing).
 */
export function httpApi(routes: Routes, afterReply?: () => Promise<void>) {
  const byKey: Partial<Record<string, (req: Request) => Promise<{ status: number; body: unknown; file?: FileAnswer }>>> = routes;
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(httpHeaderNormalizer())
    .use(httpJsonBodyParser({ disableContentTypeError: true }))
    .handler(async (event) => {
      const route = byKey[`${event.httpMethod} ${event.resource}`];
      try {
        if (!route) throw new NotFoundError(`no route for ${event.httpMethod} ${event.resource}`);
        const caller = callerOf(event.requestContext?.authorizer);
        checkContentType(event);
        const reply = await route({
          event,
          params: checkPathParameters(event.pathParameters ?? {}),
          query: (event.queryStringParameters ?? {}) as Record<string, string>,
          body: event.body,
          principal: caller?.principal,
          ...(caller?.person ? { person: caller.person } : {}),
        });
        await afterReply?.().catch(() => {});
        return reply.file ? fileReply(reply.file) : json(reply.status, reply.body);
      } catch (err) {
        return errorReply(err, event.headers?.['accept-language']);
      }
    })
    .onError(async (request) => {
      // Errors raised by middlewares (before the handler ran) are answered here.
      request.response = errorReply(request.error, request.event.headers?.['accept-language']);
    });
}
