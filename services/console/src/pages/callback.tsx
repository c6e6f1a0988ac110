// The identity provider sends the person back here with an authorization code; oidc-client-ts redeems it (PKCE).
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../contracts/api/me.ts';
import { api } from '../api.ts';
import { homeOf, saveSession, takeReturn } from '../session.ts';

export default function Callback() {
  const { route } = useLocation();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    (async () => {
      const { completeSignIn } = await import('../oidc.ts');
      const { accessToken, expiresAt } = await completeSignIn();
      const me = await api<Me>('GET', '/me', undefined, accessToken);
      saveSession({ token: accessToken, me, via: 'oidc', ...(expiresAt ? { expiresAt } : {}) });
      route(takeReturn() ?? homeOf(me), true);
    })().catch(() => setFailed(true));
  }, []);
  return (
    <main class="sign-in" id="main">
      <div class="card">
        <h1>{failed ? '登录未完成' : '正在登录…'}</h1>
        {failed && (
          <p>
            统一身份认证未能完成，请<a href="/sign-in">重新登录</a>。
          </p>
        )}
      </div>
    </main>
  );
}
