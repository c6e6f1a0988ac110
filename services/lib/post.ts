// One POST with a time limit, its answer read as JSON when it is JSON and as text otherwise (a department may answer
// plain text). The department push and the partner check send this one way.

export type PostAnswer =
  | { status: number; ok: boolean; body: unknown; date?: string }
  /** No answer: `reason` is the socket's error code (ECONNREFUSED, …) or the error's name; `timedOut` past the limit. */
  | { reason: string; timedOut: boolean };

export async function postWithTimeout(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { reason: e.cause?.code ?? e.name, timedOut: e.name === 'TimeoutError' || e.name === 'AbortError' };
  }
  const raw = await res.text().catch(() => '');
  let parsed: unknown = raw;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    // plain text
  }
  return { status: res.status, ok: res.ok, body: parsed, date: res.headers.get('date') ?? undefined };
}
