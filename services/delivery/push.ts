// One signed HTTPS POST to a department. The outcome says whether to retry: a 4xx is the department's
// final word (the task fails at once), a 5xx, a timeout or a refused connection is worth another try.
import { postWithTimeout } from '../lib/post.ts';
import { defaultSignatureScheme, pushTimeoutSeconds, type SignatureScheme } from '../../contracts/push.ts';
import { signedHeaders } from './signature.ts';

export type PushOutcome =
  | { kind: 'delivered'; status: number; body: unknown }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'unavailable'; reason: string };

export async function push(
  url: string,
  secret: string,
  body: unknown,
  idempotencyKey: string,
  timeoutMs = pushTimeoutSeconds * 1000,
  scheme: SignatureScheme = defaultSignatureScheme,
): Promise<PushOutcome> {
  const text = JSON.stringify(body);
  const res = await postWithTimeout(url, signedHeaders(secret, text, idempotencyKey, Date.now(), scheme), text, timeoutMs);
  if ('reason' in res) return { kind: 'unavailable', reason: res.reason };
  const parsed = res.body;
  if (res.ok) return { kind: 'delivered', status: res.status, body: parsed };
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    const reason =
      (parsed && typeof parsed === 'object' && 'reason' in parsed && String((parsed as { reason: unknown }).reason)) ||
      (typeof parsed === 'string' && parsed.slice(0, 500)) ||
      `HTTP ${res.status}`;
    return { kind: 'refused', status: res.status, reason: `department answered ${res.status}: ${reason}` };
  }
  return { kind: 'unavailable', reason: `HTTP ${res.status}` };
}
