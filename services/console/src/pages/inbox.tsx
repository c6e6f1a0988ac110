// 待办任务: a department's inbox by status, earliest deadline first, paged (GET /v1/departments/{code}/tasks).
// Another department's inbox, even typed into the address bar, is refused by the API and said so here.
import { useLocation, useRoute } from 'preact-iso';
import type { InboxPage, TaskStatus } from '../../../../contracts/api/views.ts';
import { ApiError } from '../api.ts';
import { Deadline, Page, Pager, StatusBadge, usePaged } from '../components/bits.tsx';
import { dateZh } from '../format.ts';
import { statusZh } from '../i18n/status.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

const tabs: TaskStatus[] = ['delivered', 'acknowledged', 'in-progress', 'information-needed', 'completed', 'rejected'];
const PAGE = 20;

/** Who or what a task is about, from what the department receives (the child's name, or the institution's). */
function subjectOf(request: unknown): string {
  const r = (request ?? {}) as { name?: string; institutionName?: string };
  return r.name ?? r.institutionName ?? '—';
}

export default function Inbox() {
  const { params } = useRoute();
  const { query } = useLocation();
  const status = (tabs as string[]).includes(query.status ?? '') ? (query.status as TaskStatus) : 'delivered';
  const { data, error, reload, tokens, setTokens } = usePaged<InboxPage>(`/departments/${params.department}/tasks?status=${status}`, PAGE, [
    params.department,
    status,
  ]);
  const refused = error instanceof ApiError && (error.status === 403 || error.status === 404);
  // A city's bureau sees its city's tasks only: its own name says so (南宁市公安局待办任务).
  const me = currentSession()?.me;
  const office = me?.kind === 'department' && me.department === params.department ? me.name : departmentName(params.department ?? '');
  return (
    <Page title={`${office}待办任务`} error={refused ? undefined : error} loading={!data && !refused}>
      {refused ? (
        <p class="error" role="alert">
          您无权查看其他部门的待办任务。
        </p>
      ) : (
        <>
          <nav class="tabs" aria-label="按状态查看">
            {tabs.map((s) => (
              <a href={`?status=${s}`} aria-current={s === status ? 'page' : undefined} onClick={() => setTokens([])}>
                {statusZh[s]}
              </a>
            ))}
          </nav>
          {data && data.items.length === 0 ? (
            <p class="panel">暂无{statusZh[status]}的任务。</p>
          ) : (
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  <th scope="col">对象</th>
                  <th scope="col">状态</th>
                  <th scope="col">办理期限</th>
                </tr>
              </thead>
              <tbody>
                {data?.items.map((t) => (
                  <tr>
                    <td data-label="事项">
                      <a href={`/tasks/${t.taskId}`}>{titleOf(t.type, t.contractVersion)}</a>
                    </td>
                    <td data-label="对象">{subjectOf(t.request)}</td>
                    <td data-label="状态">
                      <StatusBadge status={t.status} />
                    </td>
                    <td data-label="办理期限">
                      {dateZh(t.deadline)}（<Deadline deadline={t.deadline} status={t.status} overdue={t.overdue} />）
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="actions">
            <Pager tokens={tokens} setTokens={setTokens} next={data?.nextToken} />
            <button type="button" class="link" onClick={reload}>
              刷新
            </button>
          </div>
        </>
      )}
    </Page>
  );
}
