// OpenID Connect sign-in: authorization code with PKCE, by oidc-client-ts (loaded only when this deployment signs in
// this way). The access token is the JWT the hub's authorizer verifies (issuer, audience, `hub:principal`).
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { consoleConfig } from './config.ts';

let manager: Promise<UserManager> | undefined;

function userManager(): Promise<UserManager> {
  return (manager ??= consoleConfig().then((c) => {
    if (c.signIn !== 'oidc') throw new Error('this console signs in locally');
    return new UserManager({
      authority: c.authority,
      client_id: c.clientId,
      redirect_uri: `${location.origin}/auth/callback`,
      post_logout_redirect_uri: `${location.origin}/sign-in?signedOut=1`,
      response_type: 'code',
      scope: c.scope ?? 'openid',
      userStore: new WebStorageStateStore({ store: sessionStorage }),
      // The hub needs nothing from the userinfo endpoint: who the person is comes from GET /v1/me.
      loadUserInfo: false,
      automaticSilentRenew: false,
    });
  }));
}

export async function signInRedirect(returnTo: string | undefined): Promise<void> {
  await (await userManager()).signinRedirect({ state: { returnTo } });
}

export async function completeSignIn(): Promise<{ accessToken: string; expiresAt?: number; returnTo?: string }> {
  const user = await (await userManager()).signinRedirectCallback();
  return {
    accessToken: user.access_token,
    expiresAt: user.expires_at ? user.expires_at * 1000 : undefined,
    returnTo: (user.state as { returnTo?: string } | undefined)?.returnTo,
  };
}

export async function signOutRedirect(): Promise<void> {
  const m = await userManager();
  const user = await m.getUser();
  await m.removeUser();
  await m.signoutRedirect({ id_token_hint: user?.id_token });
}
