import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { logger } from '../../services/lib/logger.ts';
import { buildLocalCredentials, tokensOf, writeCredentialsFile } from '../../scripts/local/credentials.ts';
import { parseLocalCredentials } from '../../services/auth/local-credentials.ts';
import {
  localVerifier,
  resetDefaultVerifier,
  verifierFromEnv,
  verifyBearer,
  type BearerVerifier,
} from '../../services/auth/verify.ts';
import { bearerToken, createAuthorizer, identityOf, stageWildcardArn } from '../../services/api/authorizer.ts';

const methodArn = 'arn:aws:execute-api:cn-north-1:123456789012:abcdef1234/prod/GET/v1/children/CH01J0000000000000000000000';

function authorizerEvent(headers: Record<string, string> | null): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn,
    resource: '/v1/children/{childId}',
    path: '/v1/children/CH01J0000000000000000000000',
    httpMethod: 'GET',
    headers,
    multiValueHeaders: headers ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])) : null,
    pathParameters: { childId: 'CH01J0000000000000000000000' },
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {} as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

const file = buildLocalCredentials();
const creds = tokensOf(file);
const staffToken = creds['staff:CWI-450100']!;
const authorize = createAuthorizer(localVerifier(parseLocalCredentials(file, 'test')));

let logSpies: MockInstance[] = [];
beforeEach(() => {
  logSpies = (['debug', 'info', 'warn', 'error'] as const).map((m) => vi.spyOn(logger, m).mockImplementation(() => {}));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
const logged = () => JSON.stringify(logSpies.flatMap((s) => s.mock.calls));

describe('authorizer (local tokens)', () => {
  it('refuses a request without Authorization header', async () => {
    await expect(authorize(authorizerEvent({}))).rejects.toThrow(/^Unauthorized$/);
    await expect(authorize(authorizerEvent(null))).rejects.toThrow(/^Unauthorized$/);
  });

  it('refuses another scheme or a malformed header', async () => {
    await expect(authorize(authorizerEvent({ Authorization: `Basic ${staffToken}` }))).rejects.toThrow(/^Unauthorized$/);
    await expect(authorize(authorizerEvent({ Authorization: staffToken }))).rejects.toThrow(/^Unauthorized$/);
    await expect(authorize(authorizerEvent({ Authorization: 'Bearer' }))).rejects.toThrow(/^Unauthorized$/);
    await expect(authorize(authorizerEvent({ Authorization: `Bearer ${staffToken} extra` }))).rejects.toThrow(/^Unauthorized$/);
  });

  it('refuses an unknown token', async () => {
    await expect(authorize(authorizerEvent({ Authorization: `Bearer ${'A'.repeat(43)}` }))).rejects.toThrow(/^Unauthorized$/);
  });

  it('refuses a token whose principal is malformed', async () => {
    const odd = createAuthorizer(localVerifier({ tokens: { 'staff:nowhere': 'b'.repeat(43), 'system:redispatch': 'c'.repeat(43), 'staff:CWI-450100#': 'd'.repeat(43) } }));
    await expect(odd(authorizerEvent({ Authorization: `Bearer ${'b'.repeat(43)}` }))).rejects.toThrow(/^Unauthorized$/);
    await expect(odd(authorizerEvent({ Authorization: `Bearer ${'c'.repeat(43)}` }))).rejects.toThrow(/^Unauthorized$/);
    // An identity naming an empty person is refused, not taken for the organisation's own token.
    await expect(odd(authorizerEvent({ Authorization: `Bearer ${'d'.repeat(43)}` }))).rejects.toThrow(/^Unauthorized$/);
  });

  it('allows a valid token with the principal in the context and a stage-wide policy', async () => {
    const result = await authorize(authorizerEvent({ Authorization: `Bearer ${staffToken}` }));
    expect(result).toEqual({
      principalId: 'staff:CWI-450100',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: 'arn:aws:execute-api:cn-north-1:123456789012:abcdef1234/prod/*/*',
          },
        ],
      },
      context: { principal: 'staff:CWI-450100' },
    });
  });

  it('passes the person a token names, and a city bureau or the regional supervisor as principals', async () => {
    const person = await authorize(authorizerEvent({ Authorization: `Bearer ${creds['staff:CWI-450100#u1']}` }));
    expect(person.principalId).toBe('staff:CWI-450100');
    expect(person.context).toEqual({ principal: 'staff:CWI-450100', personId: 'u1', personName: '张三' });
    const bureau = await authorize(authorizerEvent({ Authorization: `Bearer ${creds['department:public-security@450200#u2']}` }));
    expect(bureau.context).toMatchObject({ principal: 'department:public-security@450200', personId: 'u2' });
    const region = await authorize(authorizerEvent({ Authorization: `Bearer ${creds['supervisor:450000']}` }));
    expect(region.context).toEqual({ principal: 'supervisor:450000' });
  });

  it('reads the header whatever its case, and the scheme whatever its case', async () => {
    const dept = creds['department:fire-rescue']!;
    const variants: Record<string, string>[] = [{ authorization: `Bearer ${dept}` }, { AUTHORIZATION: `bearer ${dept}` }];
    for (const headers of variants) {
      const result = await authorize(authorizerEvent(headers));
      expect(result.context).toEqual({ principal: 'department:fire-rescue' });
    }
  });

  it('[matrix] refuses an Authorization header sent twice, in one case or two, whatever the single-value map holds', async () => {
    const value = `Bearer ${staffToken}`;
    const twice = [
      { headers: { Authorization: value }, multiValueHeaders: { Authorization: [value, value] } },
      { headers: { Authorization: value, authorization: value }, multiValueHeaders: { Authorization: [value], authorization: [value] } },
      { headers: { Authorization: value, authorization: value }, multiValueHeaders: null },
    ];
    for (const h of twice) {
      const event = { ...authorizerEvent(null), ...h } as APIGatewayRequestAuthorizerEvent;
      expect(identityOf(event)).toBeUndefined();
      await expect(authorize(event)).rejects.toThrow('Unauthorized');
    }
    // The identity is the token itself, however the scheme is spelt: what the local gateway caches on.
    expect(identityOf(authorizerEvent({ authorization: `bEaReR   ${staffToken}` }))).toBe(staffToken);
  });

  it('never logs the token; logs the principal kind only', async () => {
    await authorize(authorizerEvent({ Authorization: `Bearer ${staffToken}` }));
    await authorize(authorizerEvent({ Authorization: `Bearer ${'Z'.repeat(43)}` })).catch(() => {});
    const text = logged();
    expect(text).not.toContain(staffToken);
    expect(text).not.toContain('Z'.repeat(43));
    expect(text).not.toContain('CWI-450100');
    expect(text).toContain('"principalKind":"staff"');
  });

  it('answers a verifier failure with an error other than Unauthorized (a 500, not a 401)', async () => {
    const broken: BearerVerifier = { mode: 'jwt', verifyBearer: async () => Promise.reject(new Error('JWKS down')) };
    await expect(createAuthorizer(broken)(authorizerEvent({ Authorization: `Bearer ${staffToken}` }))).rejects.toThrow(
      /^authorizer unavailable$/,
    );
  });
});

describe('helpers', () => {
  it('derives the stage wildcard from a method ARN', () => {
    expect(stageWildcardArn(methodArn)).toBe('arn:aws:execute-api:cn-north-1:123456789012:abcdef1234/prod/*/*');
    expect(stageWildcardArn('arn:aws-cn:execute-api:cn-north-1:1:api/dev/POST/v1/tasks/x/complete')).toBe(
      'arn:aws-cn:execute-api:cn-north-1:1:api/dev/*/*',
    );
    expect(stageWildcardArn('not-an-arn')).toBe('not-an-arn');
  });

  it('parses bearer tokens', () => {
    expect(bearerToken('Bearer abc.def-ghi_jkl')).toBe('abc.def-ghi_jkl');
    expect(bearerToken('Bearer   abc==')).toBe('abc==');
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(`Bearer ${'a'.repeat(9000)}`)).toBeUndefined();
  });
});

describe('verifier from the environment (local mode)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-authz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails clearly when no credentials source is configured', () => {
    vi.stubEnv('AUTH_MODE', undefined);
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', undefined);
    vi.stubEnv('LOCAL_TOKENS', undefined);
    expect(() => verifierFromEnv()).toThrow(/LOCAL_CREDENTIALS_FILE or LOCAL_TOKENS/);
    vi.stubEnv('AUTH_MODE', 'magic');
    expect(() => verifierFromEnv()).toThrow(/AUTH_MODE must be local or jwt/);
  });

  it('fails clearly on a missing file or a malformed LOCAL_TOKENS', () => {
    vi.stubEnv('AUTH_MODE', 'local');
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', join(dir, 'missing.json'));
    expect(() => verifierFromEnv()).toThrow(/missing\.json does not exist/);
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', undefined);
    vi.stubEnv('LOCAL_TOKENS', '{oops');
    expect(() => verifierFromEnv()).toThrow(/LOCAL_TOKENS must be JSON/);
    vi.stubEnv('LOCAL_TOKENS', JSON.stringify({ 'staff:CWI-450100': 'short' }));
    expect(() => verifierFromEnv()).toThrow(/at least 32 characters/);
  });

  it('accepts tokens from LOCAL_TOKENS', async () => {
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', undefined);
    vi.stubEnv('LOCAL_TOKENS', JSON.stringify({ 'supervisor:450500': 's'.repeat(40) }));
    const v = verifierFromEnv();
    expect(v.mode).toBe('local');
    expect(await v.verifyBearer('s'.repeat(40))).toEqual({ principal: 'supervisor:450500' });
    expect(await v.verifyBearer('s'.repeat(39))).toBeUndefined();
  });

  it('verifyBearer uses the verifier the environment configures', async () => {
    vi.stubEnv('AUTH_MODE', undefined);
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', undefined);
    vi.stubEnv('LOCAL_TOKENS', JSON.stringify({ 'department:public-security': 'p'.repeat(43) }));
    resetDefaultVerifier();
    try {
      expect(await verifyBearer('p'.repeat(43))).toEqual({ principal: 'department:public-security' });
      expect(await verifyBearer('q'.repeat(43))).toBeUndefined();
    } finally {
      resetDefaultVerifier();
    }
  });

  it('accepts tokens from the file and picks up principals added while running', async () => {
    const path = join(dir, 'credentials.json');
    const firstFile = buildLocalCredentials();
    const first = tokensOf(firstFile);
    writeCredentialsFile(path, firstFile);
    utimesSync(path, new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', path);
    vi.stubEnv('LOCAL_TOKENS', undefined);
    const v = verifierFromEnv();
    expect(await v.verifyBearer(first['department:education']!)).toEqual({ principal: 'department:education' });

    const grownFile = buildLocalCredentials(parseLocalCredentials(firstFile, 'test'), [{ institutionId: 'MPC-450102' }]);
    const grown = tokensOf(grownFile);
    writeCredentialsFile(path, grownFile);
    expect(await v.verifyBearer(grown['staff:MPC-450102']!)).toEqual({ principal: 'staff:MPC-450102' });
    expect(await v.verifyBearer(grown['staff:MPC-450102#u1']!)).toEqual({ principal: 'staff:MPC-450102', person: { id: 'u1', name: expect.any(String) } });
    expect(await v.verifyBearer(first['department:education']!)).toEqual({ principal: 'department:education' });
  });

  it('the exported handler builds its verifier from the environment', async () => {
    const path = join(dir, 'handler-credentials.json');
    const cFile = buildLocalCredentials();
    const c = tokensOf(cFile);
    writeCredentialsFile(path, cFile);
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined);
    vi.stubEnv('AUTH_MODE', 'local');
    vi.stubEnv('LOCAL_CREDENTIALS_FILE', path);
    vi.stubEnv('LOG_LEVEL', 'SILENT'); // the fresh module graph has its own, unspied logger
    vi.resetModules();
    const { handler } = await import('../../services/api/authorizer.ts');
    const result = await handler(authorizerEvent({ Authorization: `Bearer ${c['supervisor:451400']}` }));
    expect(result.context).toEqual({ principal: 'supervisor:451400' });
  });

  it('on Lambda, a missing variable fails the cold start (module load)', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'hub-authorizer');
    vi.stubEnv('AUTH_MODE', 'jwt');
    vi.stubEnv('JWKS_URL', undefined);
    vi.resetModules();
    await expect(import('../../services/api/authorizer.ts')).rejects.toThrow(/JWKS_URL is required/);
  });
});
