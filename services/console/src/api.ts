// The one way the console talks to the hub: the same REST API every client uses, with the bearer token of the
// session. A 401 (or a token past its expiry) ends the session and sends the person to sign in again, keeping the
// page to come back to; a form's draft is already in sessionStorage (drafts.ts).
import { clearSession, currentSession, rememberReturn } from './session.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

let onSignedOut: (expired: boolean) => void = () => {};
export const whenSignedOut = (fn: (expired: boolean) => void) => (onSignedOut = fn);

export function expireSession() {
  rememberReturn(location.pathname + location.search);
  clearSession();
  onSignedOut(true);
}

async function send(method: 'GET' | 'POST', path: string, body: unknown, token: string | undefined): Promise<Response> {
  const bearer = token ?? currentSession()?.token;
  if (!bearer) {
    expireSession();
    throw new ApiError(401, 'unauthorized', '登录已超时');
  }
  const res = await fetch(`/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && !token) {
    expireSession();
    throw new ApiError(401, 'unauthorized', '登录已超时');
  }
  if (!res.ok) {
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    throw new ApiError(res.status, String(json.error ?? 'error'), String(json.message ?? ''), (json.issues as FieldIssue[] | undefined) ?? []);
  }
  return res;
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> {
  const text = await (await send(method, path, body, token)).text();
  return (text ? JSON.parse(text) : {}) as T;
}

/**
 * Saves a file the API answers (a report's XLSX or CSV) under a name of the page's choosing. A plain link cannot
 * carry the bearer token, so the page fetches it and hands the browser a Blob.
 */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await send('GET', path, undefined, undefined)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What a refusal means to the person, for answers that are not about one field. */
export function refusalText(e: unknown): string {
  if (!(e instanceof ApiError)) return '网络异常，请稍后重试。';
  switch (e.status) {
    case 400:
      return '填写的内容有误，请按提示修改。';
    case 403:
      return '您无权进行此项操作。';
    case 404:
      return '未找到该记录，或您无权查看。';
    case 409:
      return '该事项的状态已变化，请刷新页面后重试。';
    case 422:
      return '办理结果不符合政策要求，请按提示修改。';
    default:
      return '系统繁忙，请稍后重试。';
  }
}
