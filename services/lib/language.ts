// Which of an error's two messages leads, by the caller's `Accept-Language`: a person's browser or terminal that
// prefers Chinese reads `message_zh` first, a system reads `message` first. Both are always in the answer; only the
// order of the keys and `Content-Language` follow the header (English when there is none: the API is for systems).
export type Lead = 'zh' | 'en';

/** The preferred of zh and en in an `Accept-Language` header (RFC 9110 q-values); en when neither is named. */
export function leadingLanguage(header: string | undefined): Lead {
  let best: { lead: Lead; q: number } = { lead: 'en', q: 0 };
  for (const part of (header ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined) ?? 1);
    const lead = tag === 'zh' || tag?.startsWith('zh-') ? 'zh' : tag === 'en' || tag?.startsWith('en-') ? 'en' : undefined;
    if (lead && Number.isFinite(q) && q > best.q) best = { lead, q };
  }
  return best.lead;
}

type WithMessages = { message: string; message_zh?: string };
const ordered = <T extends WithMessages>(o: T, lead: Lead): T => {
  if (lead === 'en' || o.message_zh === undefined) return o;
  const { message_zh, message, ...rest } = o;
  return { ...('error' in rest ? { error: rest.error } : {}), message_zh, message, ...rest } as T;
};

/** The error body with the leading language's message first, in the answer and in each issue. */
export function inLeadingOrder<T extends WithMessages & { issues?: WithMessages[] }>(body: T, lead: Lead): T {
  const out = ordered(body, lead);
  return out.issues ? { ...out, issues: out.issues.map((i) => ordered(i, lead)) } : out;
}

export const contentLanguage = (lead: Lead) => (lead === 'zh' ? 'zh-CN' : 'en');
