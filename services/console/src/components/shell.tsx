// The frame of every signed-in page: the platform's name, who is signed in, what they may open, and 退出登录.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { withPerson } from '../../../auth/describe.ts';
import { clearSession, currentSession } from '../session.ts';

export const APP_NAME = '儿童福利跨部门协同平台';

function links(kind: string, department?: string, countyCentre?: boolean): [string, string][] {
  if (kind === 'department') return [[`/departments/${department}/tasks`, '待办任务']];
  if (kind === 'supervisor') {
    return [['/supervision', '统计概览'], ['/supervision/overdue', '逾期督办'], ['/reports/progress', '进展报告'], ['/institutions', '辖区机构'], ['/incidents', '投递异常']];
  }
  return [
    ['/children', '在院儿童'],
    ['/children/new', '接收儿童'],
    ['/transfers', countyCentre ? '移交儿童' : '接收移交'],
    ['/duties', '机构事务'],
    ['/incidents', '投递异常'],
  ];
}

export function Shell(props: { children: ComponentChildren }) {
  const session = currentSession();
  const { path, route } = useLocation();
  if (!session) return null;
  const { me } = session;
  const signOut = async () => {
    clearSession();
    if (session.via === 'oidc') {
      const { signOutRedirect } = await import('../oidc.ts');
      await signOutRedirect();
    } else route('/sign-in?signedOut=1');
  };
  return (
    <>
      <a class="skip" href="#main">
        跳到正文
      </a>
      <header class="top">
        <div class="brand">{APP_NAME}</div>
        <nav aria-label="主导航">
          {links(me.kind, me.department, me.institution?.kind === 'county-protection').map(([href, text]) => (
            <a href={href} aria-current={path === href ? 'page' : undefined}>
              {text}
            </a>
          ))}
        </nav>
        <div class="who">
          <span>{withPerson(me.name, me.person)}</span>
          <button type="button" class="link light" onClick={signOut}>
            退出登录
          </button>
        </div>
      </header>
      {props.children}
    </>
  );
}
