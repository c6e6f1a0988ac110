// Issuing local-mode credentials: the embedded runtime creates the file on first start and only adds missing
// identities afterwards, so tokens a tester has pasted into a tool keep working across restarts. The authorizer
// only reads it (services/auth/local-credentials.ts). Each organisation has its own token (its system, recorded as
// a machine) and PEOPLE_PER_PRINCIPAL named people with a token each (recorded by name: 张三（南宁市儿童福利院）).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  MIN_TOKEN_LENGTH,
  readLocalCredentials,
  type Credentials,
  type CredentialsFile,
  type PeopleNames,
} from '../../services/auth/local-credentials.ts';
import { REGION_CODE } from '../../services/auth/principal.ts';
import { guangxiCities, seededInstitutions } from '../../services/seed/institutions.ts';
import { departments } from '../../services/topology.ts';

/** Random bytes per generated token: 32 bytes = 256 bits, 43 base64url characters. */
export const TOKEN_BYTES = 32;
export const PEOPLE_PER_PRINCIPAL = 2;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+$/;

// Placeholder names, as forms and examples use them; the first two are 张三 and 李四.
const NAMES = [
  '张三', '李四', '王五', '赵六', '陈静', '刘洋', '杨帆', '黄磊', '周敏', '吴芳', '徐丽', '孙强', '马超', '朱红', '胡军', '郭鹏',
  '林娜', '何伟', '高峰', '罗佳', '梁晨', '宋雨', '郑凯', '谢婷', '韩冰', '唐宁', '冯涛', '于洁', '董浩', '萧然', '程琳', '曹阳',
];

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a stored token is kept by `buildLocalCredentials` (base64url, at least MIN_TOKEN_LENGTH characters). */
export function isStrongToken(token: unknown): token is string {
  return typeof token === 'string' && token.length >= MIN_TOKEN_LENGTH && TOKEN_SHAPE.test(token);
}

/**
 * The principals local mode issues tokens for: `staff:<institutionId>` for every institution, `department:<code>`
 * (region-wide) and `department:<code>@<cityCode>` (each city's bureau) for every department, `supervisor:<cityCode>`
 * for every city and `supervisor:450000` for the region.
 */
export function expectedPrincipals(
  institutions: readonly { institutionId: string }[] = seededInstitutions,
  cities: readonly { code: string }[] = guangxiCities,
): string[] {
  return [
    ...institutions.map((i) => `staff:${i.institutionId}`),
    ...departments.flatMap((d) => [`department:${d.code}`, ...cities.map((c) => `department:${d.code}@${c.code}`)]),
    ...cities.map((c) => `supervisor:${c.code}`),
    `supervisor:${REGION_CODE}`,
  ];
}

/** Every expected identity: each principal, then its people (`<principal>#u1`, …) with their names. */
export function expectedIdentities(principals: readonly string[] = expectedPrincipals()): { identity: string; name?: string }[] {
  return principals.flatMap((principal, i) => [
    { identity: principal },
    ...Array.from({ length: PEOPLE_PER_PRINCIPAL }, (_, n) => ({
      identity: `${principal}#u${n + 1}`,
      name: NAMES[(i * PEOPLE_PER_PRINCIPAL + n) % NAMES.length]!,
    })),
  ]);
}

/** The tokens of a credentials file: identity → token. */
export const tokensOf = (file: CredentialsFile): Credentials =>
  Object.fromEntries(Object.entries(file).map(([identity, v]) => [identity, typeof v === 'string' ? v : v.token]));

/**
 * Credentials for every expected identity. Tokens (and names) already in `existing` are kept unchanged (entries for
 * identities no longer expected are kept too: an operator may have added one by hand); only missing identities, and
 * entries whose token is not a strong base64url token, get a fresh token.
 */
export function buildLocalCredentials(
  existing: { tokens: Credentials; names?: PeopleNames } = { tokens: {} },
  institutions: readonly { institutionId: string }[] = seededInstitutions,
  cities: readonly { code: string }[] = guangxiCities,
): CredentialsFile {
  const names: PeopleNames = { ...existing.names };
  for (const { identity, name } of expectedIdentities(expectedPrincipals(institutions, cities))) if (name) names[identity] ??= name;
  const tokens: Credentials = {};
  for (const [identity, token] of Object.entries(existing.tokens)) if (isStrongToken(token)) tokens[identity] = token;
  const used = new Set(Object.values(tokens));
  const result: CredentialsFile = {};
  const all = [...Object.keys(existing.tokens), ...expectedIdentities(expectedPrincipals(institutions, cities)).map((e) => e.identity)];
  for (const identity of all) {
    if (result[identity] !== undefined) continue;
    let token = tokens[identity];
    if (token === undefined) {
      do token = newToken();
      while (used.has(token));
      used.add(token);
    }
    result[identity] = names[identity] ? { token, name: names[identity] } : token;
  }
  return result;
}

/** Writes the file atomically (temp file + rename), readable by the owner only (0600), creating its directory (0700). */
export function writeCredentialsFile(path: string, creds: CredentialsFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * Reads the file (if any), adds missing identities, and writes it back only when something was added. What the
 * local runtime calls on start; returns the file's content.
 */
export function ensureLocalCredentials(
  path: string,
  institutions: readonly { institutionId: string }[] = seededInstitutions,
  cities: readonly { code: string }[] = guangxiCities,
): CredentialsFile {
  const existing = readLocalCredentials(path);
  const creds = buildLocalCredentials(existing, institutions, cities);
  const asRead = existing && Object.fromEntries(
    Object.entries(existing.tokens).map(([id, token]) => [id, existing.names[id] ? { token, name: existing.names[id] } : token]),
  );
  if (JSON.stringify(creds) !== JSON.stringify(asRead)) writeCredentialsFile(path, creds);
  return creds;
}
