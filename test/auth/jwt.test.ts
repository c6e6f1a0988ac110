import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../services/lib/logger.ts';
import { jwtVerifier, PRINCIPAL_CLAIM, verifierFromEnv } from '../../services/auth/verify.ts';
import { createAuthorizer } from '../../services/api/authorizer.ts';

const ISSUER = 'https://idp.example.gov.cn/realms/hub';
const AUDIENCE = 'child-welfare-hub';

interface SigningKey {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

let rsa: SigningKey;
let ec: SigningKey;
let stranger: SigningKey; // a key the JWKS does not list
let jwks: { keys: JWK[] };

beforeAll(async () => {
  rsa = await signingKey('RS256', 'rsa-1');
  ec = await signingKey('ES256', 'ec-1');
  stranger = await signingKey('RS256', 'rsa-1'); // same kid, different key
  jwks = { keys: [rsa.jwk, ec.jwk] };
});

interface TokenOptions {
  key?: SigningKey;
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  expiresAt?: number | string | null;
  /** null: no sub claim. */
  subject?: string | null;
}

async function token(o: TokenOptions = {}): Promise<string> {
  const key = o.key ?? rsa;
  const jwt = new SignJWT({ [PRINCIPAL_CLAIM]: 'department:education', ...o.claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setIssuer(o.issuer ?? ISSUER)
    .setAudience(o.audience ?? AUDIENCE)
    .setIssuedAt();
  if (o.subject !== null) jwt.setSubject(o.subject ?? 'user-7f3a');
  if (o.expiresAt !== null) jwt.setExpirationTime(o.expiresAt ?? '10m');
  return jwt.sign(key.privateKey);
}

const verifier = () => jwtVerifier({ keys: createLocalJWKSet(jwks), issuer: ISSUER, audience: AUDIENCE });

function authorizerEvent(authorization?: string): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:cn-north-1:123456789012:abcdef1234/prod/POST/v1/tasks/x/complete',
    resource: '/v1/tasks/{taskId}/complete',
    path: '/v1/tasks/x/complete',
    httpMethod: 'POST',
    headers: authorization ? { Authorization: authorization } : {},
    multiValueHeaders: {},
    pathParameters: null,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {} as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

beforeEach(() => {
  for (const m of ['debug', 'info', 'warn', 'error'] as const) vi.spyOn(logger, m).mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('jwt verifier (local JWKS)', () => {
  it('accepts a valid RS256 or ES256 token: the hub:principal claim, the person (sub, name) and the expiry', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    expect(await verifier().verifyBearer(await token({ expiresAt: exp }))).toEqual({ principal: 'department:education', person: { id: 'user-7f3a' }, expiresAt: exp });
    const named = await verifier().verifyBearer(await token({ key: ec, claims: { [PRINCIPAL_CLAIM]: 'staff:CWI-450300', name: ' 张三 ' } }));
    expect(named).toMatchObject({ principal: 'staff:CWI-450300', person: { id: 'user-7f3a', name: '张三' } });
  });

  it('records no person for a client’s own token (sub = client_id, RFC 9068) or a token without sub', async () => {
    const client = await verifier().verifyBearer(await token({ subject: 'edu-system', claims: { client_id: 'edu-system', [PRINCIPAL_CLAIM]: 'department:education@450100' } }));
    expect(client).toEqual({ principal: 'department:education@450100', expiresAt: expect.any(Number) });
    expect((await verifier().verifyBearer(await token({ subject: null })))?.person).toBeUndefined();
    // A person's token through a client: sub differs from client_id.
    expect((await verifier().verifyBearer(await token({ claims: { client_id: 'hub-console' } })))?.person).toEqual({ id: 'user-7f3a' });
  });

  // Options are functions: the keys exist only after beforeAll.
  it.each<[string, () => TokenOptions]>([
    ['wrong audience', () => ({ audience: 'someone-else' })],
    ['wrong issuer', () => ({ issuer: 'https://evil.example.com' })],
    ['expired', () => ({ expiresAt: Math.floor(Date.now() / 1000) - 600 })],
    ['without exp', () => ({ expiresAt: null })],
    ['malformed principal', () => ({ claims: { [PRINCIPAL_CLAIM]: 'staff:CWI-45' } })],
    ['unknown department', () => ({ claims: { [PRINCIPAL_CLAIM]: 'department:tourism' } })],
    ['system principal', () => ({ claims: { [PRINCIPAL_CLAIM]: 'system:redispatch' } })],
    ['non-string principal', () => ({ claims: { [PRINCIPAL_CLAIM]: ['staff:CWI-450100'] } })],
    ['no principal claim (no fallback to sub)', () => ({ claims: { [PRINCIPAL_CLAIM]: undefined } })],
    ['signed by a key the JWKS does not list', () => ({ key: stranger })],
    ['a subject too long to name a person', () => ({ subject: 'u'.repeat(129) })],
    ['a bureau of a city outside the region', () => ({ claims: { [PRINCIPAL_CLAIM]: 'department:education@110100' } })],
  ])('refuses a token: %s', async (_name, options) => {
    expect(await verifier().verifyBearer(await token(options()))).toBeUndefined();
  });

  it('refuses a symmetric (HS256) token and garbage', async () => {
    const hs = await new SignJWT({ [PRINCIPAL_CLAIM]: 'department:education' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length-32b'));
    expect(await verifier().verifyBearer(hs)).toBeUndefined();
    expect(await verifier().verifyBearer('not.a.jwt')).toBeUndefined();
    expect(await verifier().verifyBearer('')).toBeUndefined();
  });

  it('through the authorizer: Allow with the principal, Unauthorized otherwise', async () => {
    const authorize = createAuthorizer(verifier());
    const ok = await authorize(authorizerEvent(`Bearer ${await token()}`));
    expect(ok.principalId).toBe('department:education');
    expect(ok.context).toEqual({ principal: 'department:education', personId: 'user-7f3a', expiresAt: expect.any(Number) });
    expect(ok.policyDocument.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Resource: 'arn:aws:execute-api:cn-north-1:123456789012:abcdef1234/prod/*/*',
    });
    await expect(authorize(authorizerEvent(`Bearer ${await token({ audience: 'x' })}`))).rejects.toThrow(/^Unauthorized$/);
    await expect(authorize(authorizerEvent(`Bearer ${await token({ issuer: 'x' })}`))).rejects.toThrow(/^Unauthorized$/);
    await expect(authorize(authorizerEvent(`Bearer ${await token({ expiresAt: 1_600_000_000 })}`))).rejects.toThrow(
      /^Unauthorized$/,
    );
    await expect(
      authorize(authorizerEvent(`Bearer ${await token({ claims: { [PRINCIPAL_CLAIM]: 'nobody' } })}`)),
    ).rejects.toThrow(/^Unauthorized$/);
  });
});

describe('jwt mode from the environment (JWKS served over local HTTP)', () => {
  let server: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/jwks') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(jwks));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const stubJwtEnv = (url: string) => {
    vi.stubEnv('AUTH_MODE', 'jwt');
    vi.stubEnv('JWKS_URL', url);
    vi.stubEnv('JWT_ISSUER', ISSUER);
    vi.stubEnv('JWT_AUDIENCE', AUDIENCE);
  };

  it('verifies against the remote JWKS', async () => {
    stubJwtEnv(jwksUrl);
    const v = verifierFromEnv();
    expect(v.mode).toBe('jwt');
    expect((await v.verifyBearer(await token({ claims: { [PRINCIPAL_CLAIM]: 'supervisor:450100' } })))?.principal).toBe('supervisor:450100');
    expect(await v.verifyBearer(await token({ audience: 'other' }))).toBeUndefined();
  });

  it('fails clearly when a variable is missing or the URL is not https', () => {
    stubJwtEnv(jwksUrl);
    vi.stubEnv('JWT_AUDIENCE', undefined);
    expect(() => verifierFromEnv()).toThrow(/JWT_AUDIENCE is required/);
    stubJwtEnv(jwksUrl);
    vi.stubEnv('JWT_ISSUER', undefined);
    expect(() => verifierFromEnv()).toThrow(/JWT_ISSUER is required/);
    stubJwtEnv('http://idp.example.com/jwks');
    expect(() => verifierFromEnv()).toThrow(/https/);
    stubJwtEnv('not a url');
    expect(() => verifierFromEnv()).toThrow(/JWKS_URL must be a URL/);
  });

  it('an unreachable JWKS is a 500 from the authorizer, not a 401', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    stubJwtEnv(`http://127.0.0.1:${port}/jwks`);
    const authorize = createAuthorizer(verifierFromEnv());
    await expect(authorize(authorizerEvent(`Bearer ${await token()}`))).rejects.toThrow(/^authorizer unavailable$/);
  });
});
