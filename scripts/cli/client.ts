// The hub's REST API as the command line calls it: where the hub is, which token, and one error per way a call
// fails. The CLI is a client of the API only: it never reads the table itself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ErrorBody } from '../../contracts/api/errors.ts';
import { parseLocalCredentials, type Credentials, type PeopleNames } from '../../services/auth/local-credentials.ts';

/** Where `npm start` leaves its credentials and its address (scripts/start.ts). */
export const LOCAL_DIR = '.local';
export const DEFAULT_URL = 'http://localhost:3000';

export interface Connection {
  url?: string;
  token?: string;
  as?: string;
  credentials?: string;
}

/** Bad arguments or configuration: exit 2. */
export class UsageError extends Error {}

/** The hub answered with an error: exit 1, one line with the status and the fields it named. */
export class RefusedError extends Error {
  constructor(readonly status: number, readonly body: unknown, readonly retryAfterSeconds?: number) {
    const parsed = ErrorBody.safeParse(body);
    const detail = parsed.success
      ? `${parsed.data.message}${parsed.data.issues?.length ? ` (${parsed.data.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : ''}`
      : typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body);
    super(`the hub refused with ${status}: ${detail}`);
  }
}

/** Nothing answered at the URL: exit 1 with a message naming the URL. */
export class UnreachableError extends Error {}

export function credentialsPath(conn: Connection, env: Record<string, string | undefined>): string {
  return resolve(conn.credentials ?? env.HUB_CREDENTIALS ?? `${LOCAL_DIR}/credentials.json`);
}

/** Identity (a principal, or `<principal>#<person>`) → token, and the people's names. */
export function readLocalCredentials(path: string): { tokens: Credentials; names: PeopleNames } {
  if (!existsSync(path)) throw new UsageError(`no credentials file at ${path}: start the hub (npm start), or pass --token`);
  return parseLocalCredentials(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** The hub's address: --url, HUB_URL, the one the local hub wrote, else the default port. */
export function hubUrl(conn: Connection, env: Record<string, string | undefined>): string {
  const explicit = conn.url ?? env.HUB_URL;
  const local = join(dirname(credentialsPath(conn, env)), 'hub.json');
  const written = !explicit && existsSync(local) ? (JSON.parse(readFileSync(local, 'utf8')) as { apiUrl?: string }).apiUrl : undefined;
  const raw = explicit ?? written ?? DEFAULT_URL;
  try {
    return new URL(raw).href.replace(/\/$/, '');
  } catch {
    throw new UsageError(`--url '${raw}' is not a URL (expected http://… or https://…)`);
  }
}

/** The bearer token: --token, HUB_TOKEN, else the token of --as (a principal, or a person: staff:CWI-450100#u1) in the local credentials. */
export function bearerToken(conn: Connection, env: Record<string, string | undefined>): string | undefined {
  const direct = conn.token ?? env.HUB_TOKEN;
  if (direct) return direct;
  if (!conn.as) return undefined;
  const creds = readLocalCredentials(credentialsPath(conn, env)).tokens;
  const token = creds[conn.as];
  if (!token) {
    const kind = conn.as.split(':')[0];
    const near = Object.keys(creds).filter((p) => p.startsWith(`${kind}:`)).slice(0, 5);
    throw new UsageError(`--as ${conn.as}: no such principal in the local credentials${near.length ? ` (e.g. ${near.join(', ')})` : ''}; 'hub principals' lists them`);
  }
  return token;
}

export interface HubClient {
  url: string;
  call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** A GET whose answer is a file (a report's CSV or XLSX): its bytes, refused and unreachable as `call`. */
  download(path: string): Promise<Buffer>;
}

export function hubClient(conn: Connection, env: Record<string, string | undefined>): HubClient {
  const url = hubUrl(conn, env);
  let token: string | undefined | null = null;
  const send = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> => {
    if (token === null) token = bearerToken(conn, env);
    let res: Response;
    try {
      res = await fetch(`${url}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new UnreachableError(`no hub answers at ${url} (${cause}): start it with npm start, or pass --url`);
    }
    if (res.ok) return res;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // A gateway's own error page need not be JSON; RefusedError shows its start.
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new RefusedError(res.status, parsed, retryAfter > 0 ? retryAfter : undefined);
  };
  return {
    url,
    async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      const text = await (await send(method, path, body)).text();
      try {
        return (text ? JSON.parse(text) : undefined) as T;
      } catch {
        return text as T;
      }
    },
    async download(path: string): Promise<Buffer> {
      return Buffer.from(await (await send('GET', path)).arrayBuffer());
    },
  };
}
