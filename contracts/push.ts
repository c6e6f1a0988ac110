// The push protocol as data: how the hub signs a task it POSTs to a department, and which answers it understands.
// The adapter's push (services/delivery/) implements it, the simulators and `hub partner-check` play both sides
// of it, and the OpenAPI document publishes it (each department's `webhooks` entry), so a department can build
// its endpoint from the published document alone.
import * as z from 'zod/mini';

export const pushHeaders = {
  /** `<prefix><hex MAC>`: the prefix names the algorithm (`sha256=`, `sm3=`). */
  signature: 'x-hub-signature',
  /** Unix time in seconds when the hub signed. */
  timestamp: 'x-hub-timestamp',
  /** The envelope id: the task id, or `<taskid>~<n>` for a corrected request. Redeliveries repeat it. */
  idempotencyKey: 'idempotency-key',
} as const;

/**
 * The MACs a department may be configured for (`signature` in its topology entry). Both are RFC 2104 HMACs with
 * the department's shared secret over `<timestamp>.<raw body>`, hex, lower case; only the hash differs. `hash` is
 * the name OpenSSL (and so Node's `crypto.createHmac`) gives it. Why HMAC-SM3 rather than SM2 signatures:
 * docs/decisions/0012-sm3-signatures.md.
 */
export const signatureSchemes = {
  'hmac-sha256': { title: 'HMAC-SHA256', hash: 'sha256', prefix: 'sha256=', standard: 'RFC 2104 with SHA-256 (FIPS 180-4)' },
  'hmac-sm3': {
    title: 'HMAC-SM3',
    hash: 'sm3',
    prefix: 'sm3=',
    standard: 'RFC 2104 with SM3 (GB/T 32905-2016, GM/T 0004-2012); HMAC-SM3 as GM/T 0042-2015 appendix D',
  },
} as const;
export type SignatureScheme = keyof typeof signatureSchemes;
export const SignatureScheme = z.enum(Object.keys(signatureSchemes) as [SignatureScheme, ...SignatureScheme[]]);
export const defaultSignatureScheme: SignatureScheme = 'hmac-sha256';

/** What is signed: the timestamp header's value, a dot, and the raw body bytes as sent. */
export const signedContent = '<x-hub-timestamp>.<raw body>';
/** A timestamp further than this from the department's clock is refused (replay window). */
export const timestampToleranceSeconds = 300;
/**
 * Within the window a captured request could be sent again with another idempotency key (the key is not signed) and
 * open a second case: so a receiver keeps the signatures it accepted, with their keys, and refuses one that comes
 * back with another key. The very same request again is a redelivery (SQS may hand one message to two adapters at
 * once, signed in the same second), answered as the duplicate it is, never a 4xx that would fail the task.
 */
export const replayRule =
  'keep each accepted signature with its idempotency-key until its timestamp is older than the tolerance; the same signature with another idempotency-key is refused (401), with the same key it is a redelivery (2xx, duplicate)';
/** The hub gives up on one push after this long and tries again later. */
export const pushTimeoutSeconds = 10;

/** A 2xx answer's body, all optional: the hub reads `acknowledged` and ignores what it does not know. */
export const PushAccepted = z
  .object({
    received: z.optional(z.boolean()).check(z.describe('The department has the task')),
    duplicate: z.optional(z.boolean()).check(z.describe('This idempotency-key was seen before: the same task again, no second case')),
    acknowledged: z.optional(z.boolean()).check(z.describe('The department acknowledges the task in this answer (saves the acknowledge call; the task moves to acknowledged)')),
  }).check(z.meta({ title: 'Push accepted' }));

/** A 4xx answer's body: why the task can never succeed. The hub shows `reason` (or the answer's text) to staff. */
export const PushRefused = z
  .object({ reason: z.string().check(z.describe("Why the department refuses the task for good; shown as the task's status reason")) }).check(z.meta({ title: 'Push refused' }));

/** How the hub reads each answer (services/delivery/push.ts), in words, per status class. */
export const pushAnswers = {
  '2xx': 'delivered: the task is recorded as delivered (and acknowledged when the body says `"acknowledged": true`). Answer a redelivery of a key you hold with 2xx too, `{"duplicate": true}`.',
  '4xx': 'refused for good (except 408 and 429): the task fails at once, no retry; its status reason is the answer\'s `reason` or text. Use 401/403 for a bad signature, 400 for an unreadable body.',
  '408, 429, 5xx, 3xx, no answer within the time limit, no connection':
    'retried with exponential backoff; after the queue\'s receive count the message is parked in the dead-letter queue and the task shows as failed delivery until it is resumed.',
} as const;
