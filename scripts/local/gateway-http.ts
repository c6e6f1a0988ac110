// The local gateway's HTTP side: reading a request as API Gateway would (headers as sent, a bounded body), the
// integration timeout, and writing a Lambda proxy result or the gateway's own error.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { gatewayZh, type GatewayFailure } from '../../contracts/api/messages-zh.ts';
import { contentLanguage, inLeadingOrder, leadingLanguage } from '../../services/lib/language.ts';

/** An answer of the gateway itself (not of a handler): status, code, message (its Chinese by code) and headers. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: GatewayFailure,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Header names as the client sent them (Node lowercases `req.headers`), repeated headers kept apart. */
export function headersAsSent(rawHeaders: string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) (headers[rawHeaders[i]!] ??= []).push(rawHeaders[i + 1]!);
  return headers;
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
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

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayError(504, 'gateway_timeout', 'Endpoint request timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function writeProxyResult(res: ServerResponse, result: unknown, requestId: string): void {
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

/** The gateway's own error; `acceptLanguage` decides which message leads, as the hub's answers do. */
export function writeError(res: ServerResponse, error: GatewayError, requestId: string, acceptLanguage?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const lead = leadingLanguage(acceptLanguage);
  const body = JSON.stringify(inLeadingOrder({ error: error.code, message: error.message, message_zh: gatewayZh[error.code] }, lead));
  res.setHeader('Content-Language', contentLanguage(lead));
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('x-amzn-RequestId', requestId);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
