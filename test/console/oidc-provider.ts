// A real OpenID provider for the console's sign-in tests (npm `oidc-provider`): the console is a public client using
// authorization code with PKCE; access tokens are JWTs for the hub's API audience carrying `hub:principal` (the
// account id a tester types at the provider's login page). The first-party console needs no consent screen.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { PRINCIPAL_CLAIM } from '../../services/auth/verify.ts';

export const API_AUDIENCE = 'https://hub.example/api';
export const CLIENT_ID = 'hub-console';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

export async function startOpenIdProvider(port: number, consoleOrigin: string): Promise<{ issuer: string; close(): Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-1' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${consoleOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${consoleOrigin}/sign-in?signedOut=1`],
      },
    ],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    extraTokenClaims: async (_ctx, token) => ({ [PRINCIPAL_CLAIM]: (token as { accountId?: string }).accountId }),
    clientBasedCORS: () => true,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_AUDIENCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({ scope: 'openid', audience: API_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>退出登录</title><body>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">确认退出</button></body></html>`;
        },
      },
    },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid');
      grant.addResourceScope(API_AUDIENCE, 'openid');
      await grant.save();
      return grant;
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { issuer, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}
