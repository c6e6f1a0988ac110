// The signed-in person: their bearer token and who the API says they are (GET /v1/me), kept in sessionStorage so a
// reload keeps the session and closing the tab ends it. Nothing here reads principal strings.
import type { Me } from '../../../contracts/api/me.ts';

export interface Session {
  token: string;
  me: Me;
  via: 'local' | 'oidc';
  /** Epoch ms after which the token is no longer good (OpenID Connect access tokens). */
  expiresAt?: number;
}

const KEY = 'hub.session';
const RETURN_KEY = 'hub.returnTo';

export function currentSession(now = Date.now()): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const s = JSON.parse(raw) as Session;
  return s.expiresAt !== undefined && s.expiresAt <= now ? undefined : s;
}

export const saveSession = (s: Session) => sessionStorage.setItem(KEY, JSON.stringify(s));
export const clearSession = () => sessionStorage.removeItem(KEY);

/** Where to go back to after signing in again: the page the person was on, its draft kept (drafts.ts). */
export function rememberReturn(path: string) {
  if (!path.startsWith('/sign-in') && !path.startsWith('/auth/')) sessionStorage.setItem(RETURN_KEY, path);
}
export function takeReturn(): string | undefined {
  const path = sessionStorage.getItem(RETURN_KEY) ?? undefined;
  sessionStorage.removeItem(RETURN_KEY);
  return path;
}

/** Each kind of user's first page. */
export function homeOf(me: Me): string {
  if (me.kind === 'department') return `/departments/${me.department}/tasks`;
  if (me.kind === 'supervisor') return '/supervision';
  return '/children';
}
