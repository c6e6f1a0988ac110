// A department's push endpoint written from the published documents alone, as a partner's developer would: it reads
// contracts/generated/openapi.json (its department's `webhooks` entry: the signature rules in `x-hub-signature`, the
// headers, the body's schema, the answers), verifies by those rules, validates with Ajv against the published schema
// and answers as the document says. It imports nothing of the hub's code (only Node and Ajv; a test checks), so
// what it gets right is what the documents say.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

type Json = Record<string, any>;

/** `x-hub-signature` of a webhook: what to verify, how. */
export interface SignatureRules {
  hash: string;
  header: string;
  prefix: string;
  signedContent: string;
  timestampHeader: string;
  toleranceSeconds: number;
  replay: string;
}

export type Verdict = { ok: true } | { ok: false; why: string };

/** What `replay` asks of a receiver: the signatures it accepted and their idempotency keys, while inside the window. */
export type Accepted = Map<string, { timestamp: number; key: string }>;

/**
 * Verifies one request by the published rules: the prefix, the timestamp's age, the MAC over the signed content, and,
 * given the signatures accepted so far, that this one did not come with another idempotency key (`replay`).
 */
export function verifyByRules(
  rules: SignatureRules,
  secret: string,
  headers: Record<string, string | undefined>,
  raw: string,
  nowSeconds: number,
  accepted?: Accepted,
  idempotencyKey = '',
): Verdict {
  const signature = headers[rules.header];
  const timestamp = headers[rules.timestampHeader];
  if (!signature || !timestamp || !/^[0-9]+$/.test(timestamp)) return { ok: false, why: 'signature or timestamp missing' };
  if (Math.abs(nowSeconds - Number(timestamp)) > rules.toleranceSeconds) return { ok: false, why: 'timestamp outside the window' };
  if (!signature.startsWith(rules.prefix)) return { ok: false, why: `not a ${rules.prefix} signature` };
  const content = rules.signedContent.replace(`<${rules.timestampHeader}>`, timestamp).replace('<raw body>', raw);
  const expected = Buffer.from(rules.prefix + createHmac(rules.hash, secret).update(content, 'utf8').digest('hex'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'signature mismatch' };
  if (!accepted) return { ok: true };
  for (const [s, t] of accepted) if (nowSeconds - t.timestamp > rules.toleranceSeconds) accepted.delete(s);
  const before = accepted.get(signature);
  if (before) return before.key === idempotencyKey ? { ok: true } : { ok: false, why: 'signature replayed with another idempotency key' };
  accepted.set(signature, { timestamp: Number(timestamp), key: idempotencyKey });
  return { ok: true };
}

/** The webhook of `department` and a validator of its body, from the OpenAPI document. */
export function readWebhook(openApiFile: string, department: string) {
  const doc = JSON.parse(readFileSync(openApiFile, 'utf8')) as Json;
  const operation = doc.webhooks?.[department]?.post as Json | undefined;
  if (!operation) throw new Error(`${openApiFile} has no webhook for ${department}`);
  // The document's components as one schema resource, so the body's `$ref`s resolve.
  const base = 'https://partner.example/openapi.json';
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  formats.default(ajv);
  ajv.addVocabulary(['x-codes', 'x-rules']);
  ajv.addSchema({ $id: base, $defs: doc.components.schemas });
  const rebase = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(rebase)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$ref' ? String(x).replace('#/components/schemas/', `${base}#/$defs/`) : rebase(x)]))
        : v;
  const validate = ajv.compile(rebase(operation.requestBody.content['application/json'].schema) as Json);
  const idempotencyHeader = (operation.parameters as Json[]).find((p) => /idempotency/i.test(p.name))!.name as string;
  return { operation, rules: operation['x-hub-signature'] as SignatureRules, validate, idempotencyHeader };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An HTTP endpoint for `department` that answers per the published answers: 2xx, 2xx duplicate, 401, 400. */
export async function startGenericEndpoint(options: { openApiFile: string; department: string; secret: string }) {
  const { rules, validate, idempotencyHeader } = readWebhook(options.openApiFile, options.department);
  const held = new Set<string>();
  const accepted: Accepted = new Map();
  const server = createServer(async (req, res) => {
    const answer = (status: number, body: Json) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const raw = await readBody(req);
    const headers = req.headers as Record<string, string | undefined>;
    const verdict = verifyByRules(rules, options.secret, headers, raw, Date.now() / 1000, accepted, headers[idempotencyHeader]);
    if (!verdict.ok) return answer(401, { reason: verdict.why });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return answer(400, { reason: 'the body is not JSON' });
    }
    if (!validate(body)) {
      return answer(400, { reason: (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ') });
    }
    const key = headers[idempotencyHeader]!;
    if (held.has(key)) return answer(200, { received: true, duplicate: true });
    held.add(key);
    answer(202, { received: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received: held,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A result rule as the result schema publishes it (`x-rules`). */
type PublishedRule = Json & { id: string; kind: string; field: string };

/**
 * The result rules a department can check before completing, read from its result schema's `x-rules`: every rule
 * given as data, by the kinds the document names; a `described` rule is the hub's to check (its words say what).
 * Returns the `result.<field>` paths the result breaks.
 */
export function brokenPublishedRules(rules: PublishedRule[], result: Json, request: Json): { paths: string[]; unchecked: string[] } {
  const at = (ref: string) => (ref.startsWith('result.') ? result : request)[ref.slice(ref.indexOf('.') + 1)];
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  const empty = (v: unknown) => !given(v) || (Array.isArray(v) && v.length === 0);
  const cond = (c: Json | undefined): boolean => {
    if (!c) return true;
    const v = at(c.field);
    return { equal: v === c.value, 'not-equal': v !== c.value, including: Array.isArray(v) && v.includes(c.value), empty: empty(v), 'non-empty': !empty(v) }[c.is as string]!;
  };
  const paths: string[] = [];
  const unchecked: string[] = [];
  for (const r of rules) {
    const v = result[r.field];
    const o = r.other ? at(r.other) : undefined;
    const both = given(v) && given(o);
    const ok: Record<string, () => boolean> = {
      required: () => !cond(r.when) || given(v),
      absent: () => cond(r.unless) || v === undefined,
      equal: () => !cond(r.when) || v === r.value,
      'not-before': () => !both || v >= o,
      after: () => !both || v > o,
      'not-after': () => !both || v <= o,
    };
    if (!ok[r.kind]) unchecked.push(r.id);
    else if (!ok[r.kind]!()) paths.push(`result.${r.field}`);
  }
  return { paths, unchecked };
}
