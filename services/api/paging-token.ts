// The inbox's `nextToken`: the index key to go on from, encrypted and authenticated (AES-256-GCM) with the caller
// and the query as associated data. A department cannot read it, alter it, forge one, or replay it for another
// department, principal or status filter: any of those fails authentication and is a 400 naming the token.
// The key is PAGING_TOKEN_KEY_ARN (Secrets Manager, as the stack binds it) or PAGING_TOKEN_KEY; locally, without
// either, a random key per process (tokens then last until the hub restarts). docs/security.md.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { secretFromEnv } from '../lib/secret.ts';

export interface PageBinding {
  principal: string;
  department: string;
  status?: string;
}

const onLambda = Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
if (onLambda && !process.env.PAGING_TOKEN_KEY_ARN && !process.env.PAGING_TOKEN_KEY) {
  // As every missing variable: the cold start fails with its name, not the first request that pages.
  throw new Error('environment variable PAGING_TOKEN_KEY_ARN (or PAGING_TOKEN_KEY) is required but not set');
}
const localKey = randomBytes(32).toString('base64url');
const secret = secretFromEnv('PAGING_TOKEN_KEY', onLambda ? undefined : () => localKey);

// Derived again only when the secret changes (rotated: tokens sealed with the old key no longer open).
let derived: { from: string; key: Buffer } | undefined;
const key = async () => {
  const s = await secret();
  if (derived?.from !== s) derived = { from: s, key: Buffer.from(hkdfSync('sha256', s, 'child-welfare-hub', 'inbox page token v1', 32)) };
  return derived.key;
};

const IV = 12;
const TAG = 16;
const associated = (b: PageBinding) => Buffer.from(JSON.stringify(['v1', b.principal, b.department, b.status ?? null]));

export async function sealPageToken(lastKey: Record<string, unknown>, binding: PageBinding): Promise<string> {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', await key(), iv).setAAD(associated(binding));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(lastKey), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The key sealed in `token` for exactly this binding; undefined for anything else (forged, altered, foreign). */
export async function openPageToken(token: string, binding: PageBinding): Promise<Record<string, string> | undefined> {
  const raw = Buffer.from(token, 'base64url');
  if (raw.length <= IV + TAG || raw.toString('base64url') !== token) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await key(), raw.subarray(0, IV), { authTagLength: TAG })
      .setAAD(associated(binding))
      .setAuthTag(raw.subarray(raw.length - TAG));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV, raw.length - TAG)), decipher.final()]).toString('utf8');
    const parsed: unknown = JSON.parse(plain);
    if (!parsed || typeof parsed !== 'object' || !Object.values(parsed).every((v) => typeof v === 'string')) return undefined;
    return parsed as Record<string, string>;
  } catch {
    return undefined;
  }
}
