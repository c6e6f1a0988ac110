// 登录: locally, pick one of the local principals; on a deployment, the identity provider (OpenID Connect).
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../../contracts/api/me.ts';
import { withPerson } from '../../../auth/describe.ts';
import type { ConsoleConfig } from '../../config.ts';
import { api, refusalText } from '../api.ts';
import { APP_NAME } from '../components/shell.tsx';
import { consoleConfig } from '../config.ts';
import { homeOf, rememberReturn, saveSession, takeReturn } from '../session.ts';

type Group = { label: string; items: Me[] };

function groups(list: Me[]): Group[] {
  const of = (label: string, pick: (m: Me) => boolean) => ({ label, items: list.filter(pick) });
  return [
    of('设区市儿童福利院', (m) => m.institution?.kind === 'city-welfare'),
    of('县级未成年人救助保护中心', (m) => m.institution?.kind === 'county-protection'),
    of('合作部门', (m) => m.kind === 'department'),
    of('民政监管', (m) => m.kind === 'supervisor'),
  ].filter((g) => g.items.length);
}

const safeNext = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') ? next : undefined);

export default function SignIn() {
  const { query, route } = useLocation();
  const [config, setConfig] = useState<ConsoleConfig>();
  const [principals, setPrincipals] = useState<Me[]>([]);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = safeNext(query.next);

  useEffect(() => {
    consoleConfig()
      .then(async (c) => {
        setConfig(c);
        if (c.signIn !== 'local') return;
        const res = await fetch('/local/principals');
        if (!res.ok) throw new Error('principals');
        setPrincipals(((await res.json()) as { principals: Me[] }).principals);
      })
      .catch(() => setError('无法读取登录配置，请确认平台已启动。'));
  }, []);

  const shown = useMemo(() => groups(principals.filter((p) => withPerson(p.name, p.person).includes(filter.trim()))), [principals, filter]);

  const signInLocally = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return setError('请选择登录身份。');
    setBusy(true);
    setError('');
    try {
      const res = await fetch('/local/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ principal: chosen }) });
      if (!res.ok) throw new Error('sign-in');
      const { token } = (await res.json()) as { token: string };
      const me = await api<Me>('GET', '/me', undefined, token);
      saveSession({ token, me, via: 'local' });
      route(next ?? takeReturn() ?? homeOf(me));
    } catch (err) {
      setError(err instanceof Error && err.message === 'sign-in' ? '登录失败，请重新选择登录身份。' : refusalText(err));
      setBusy(false);
    }
  };

  const signInOidc = async () => {
    setBusy(true);
    if (next) rememberReturn(next);
    const { signInRedirect } = await import('../oidc.ts');
    await signInRedirect(undefined).catch(() => {
      setError('无法连接统一身份认证服务，请稍后重试。');
      setBusy(false);
    });
  };

  return (
    <main class="sign-in" id="main">
      <div class="card">
        <h1>{APP_NAME}</h1>
        <p class="sub">广西壮族自治区儿童福利机构与相关部门业务协同</p>
        {query.expired && <p class="notice" role="status">登录已超时，请重新登录。您正在填写的内容已保存，登录后将自动恢复。</p>}
        {query.signedOut && <p class="notice" role="status">您已安全退出。</p>}
        {error && <p class="error" role="alert">{error}</p>}
        {config?.signIn === 'oidc' && (
          <button type="button" class="primary wide" onClick={signInOidc} disabled={busy}>
            使用统一身份认证登录
          </button>
        )}
        {config?.signIn === 'local' && (
          <form onSubmit={signInLocally}>
            <p class="hint">本机演示环境：请选择以哪位工作人员（或哪个单位的系统账号）的身份登录。</p>
            <div class="field">
              <label for="filter">按姓名或单位名称筛选</label>
              <input id="filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} placeholder="如：南宁、公安" />
            </div>
            <div class="field">
              <label for="principal">登录身份</label>
              <select id="principal" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                <option value="">请选择</option>
                {shown.map((g) => (
                  <optgroup label={g.label}>
                    {g.items.map((m) => (
                      <option value={m.principal}>{withPerson(m.name, m.person)}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <button type="submit" class="primary wide" disabled={busy}>
              登录
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
