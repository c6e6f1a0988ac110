// The console at the local API's origin: its built assets, its run-time config, and, in local sign-in mode, the
// list of local principals to sign in as (docs/security.md says why that is acceptable here and absent on AWS).
// The gateway asks this for every path no API route matches.
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LocalSignInRequest } from '../../contracts/api/me.ts';
import { describePrincipal } from '../../services/auth/describe.ts';
import { personOf } from '../../services/auth/actor.ts';
import { splitIdentity, type Credentials, type PeopleNames } from '../../services/auth/local-credentials.ts';
import { parsePrincipal } from '../../services/auth/principal.ts';
import { CONFIG_PATH, contentSecurityPolicy, type ConsoleConfig } from '../../services/console/config.ts';

export interface ConsoleServerOptions {
  /** The console's build (dist/console). */
  dir: string;
  config: ConsoleConfig;
  /** The local credentials (identity → token, and the people's names), read on each request (local sign-in only). */
  credentials?: () => { tokens: Credentials; names: PeopleNames };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** The page may talk to this origin and, signing in with OpenID Connect, to the identity provider. */
const securityHeaders = (config: ConsoleConfig) => ({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy(config),
});

const loopbackAddress = (a: string | undefined) => a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
/** The Host a page on this machine sends; any other (DNS rebinding: a foreign name resolving to 127.0.0.1) is refused. */
const loopbackHost = (host: string | undefined) => /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host ?? '');


async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 4096) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function consoleServer(options: ConsoleServerOptions) {
  const security = securityHeaders(options.config);
  const send = (res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) => {
    res.writeHead(status, { ...security, ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, body: unknown) =>
    send(res, status, JSON.stringify(body), { 'content-type': types['.json']!, 'cache-control': 'no-store' });
  const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

  function localOnly(req: IncomingMessage, res: ServerResponse): { tokens: Credentials; names: PeopleNames } | undefined {
    const creds = options.config.signIn === 'local' ? options.credentials?.() : undefined;
    if (!creds || !loopbackAddress(req.socket.remoteAddress) || !loopbackHost(req.headers.host)) {
      sendJson(res, 404, { error: 'not_found', message: 'no local sign-in here' });
      return undefined;
    }
    return creds;
  }

  // Each identity as the console lists it: `principal` is the identity to sign in as (an organisation's own token,
  // or one of its people: `staff:CWI-450100#u1`), named for a person.
  function principals(creds: { tokens: Credentials; names: PeopleNames }) {
    return Object.keys(creds.tokens).flatMap((identity) => {
      const { principal, personId } = splitIdentity(identity);
      const p = parsePrincipal(principal);
      const person = personId === undefined ? undefined : personOf(personId, creds.names[identity]);
      if (!p || (personId !== undefined && !person)) return [];
      return [describePrincipal(p, identity, person)];
    });
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean) {
    const type = types[extname(file)] ?? 'application/octet-stream';
    const cache = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    const stat = statSync(file);
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && /text|json|svg/.test(type)) {
      let entry = gzipped.get(file);
      if (!entry || entry.mtimeMs !== stat.mtimeMs) gzipped.set(file, (entry = { mtimeMs: stat.mtimeMs, body: gzipSync(readFileSync(file)) }));
      send(res, 200, entry.body, { 'content-type': type, 'cache-control': cache, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      return;
    }
    send(res, 200, readFileSync(file), { 'content-type': type, 'cache-control': cache, vary: 'accept-encoding' });
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const method = req.method ?? 'GET';
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path.startsWith('/v1/')) return false;
    if (path === '/local/principals' && method === 'GET') {
      const creds = localOnly(req, res);
      if (creds) sendJson(res, 200, { principals: principals(creds) });
      return true;
    }
    if (path === '/local/sign-in' && method === 'POST') {
      const creds = localOnly(req, res);
      if (!creds) return true;
      // A JSON body cannot be posted across origins without a preflight, which nothing here answers.
      const origin = req.headers.origin;
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '') || (origin && origin !== `http://${req.headers.host}`)) {
        sendJson(res, 403, { error: 'forbidden', message: 'sign in from the console page' });
        return true;
      }
      const body = LocalSignInRequest.safeParse(await readJson(req));
      const token = body.success && Object.hasOwn(creds.tokens, body.data.principal) ? creds.tokens[body.data.principal] : undefined;
      if (!token) sendJson(res, 400, { error: 'invalid_request', message: 'no such local principal', issues: [{ path: 'principal', message: 'not in the local credentials' }] });
      else sendJson(res, 200, { token });
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (path === CONFIG_PATH) {
      sendJson(res, 200, options.config);
      return true;
    }
    const index = join(options.dir, 'index.html');
    if (!statSync(index, { throwIfNoEntry: false })) {
      send(res, 503, '控制台尚未构建：请运行 npm run console:build', { 'content-type': 'text/plain; charset=utf-8' });
      return true;
    }
    const file = normalize(join(options.dir, path));
    const inside = file.startsWith(options.dir + sep) && !path.split('/').some((part) => part.startsWith('.'));
    if (inside && statSync(file, { throwIfNoEntry: false })?.isFile()) {
      serveFile(req, res, file, path.startsWith('/assets/'));
      return true;
    }
    // A page of the console (its router reads the path; task ids have dots); a missing asset stays a 404.
    if (types[extname(path)]) return false;
    serveFile(req, res, index, false);
    return true;
  };
}
