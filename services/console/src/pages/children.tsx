// 在院儿童: the institution's children, searched by name and filtered by the status of their tasks, overdue, and
// department (GET /v1/institutions/{id}/children). Supervisors open it read-only for any institution of their city.
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { ChildrenPage, ChildSummary } from '../../../../contracts/api/children.ts';
import { taskStatuses } from '../../../../contracts/api/views.ts';
import { ageOn } from '../../../cases/admission.ts';
import { findInstitution } from '../../../cases/institutions.ts';
import { chinaDate } from '../../../calendar/china-time.ts';
import { departments } from '../../../topology.ts';
import { api } from '../api.ts';
import { Page, useLoad } from '../components/bits.tsx';
import { dateZh } from '../format.ts';
import { genderZh, statusZh } from '../i18n/status.ts';
import { currentSession } from '../session.ts';

interface Filters {
  q: string;
  status: string;
  department: string;
  overdue: boolean;
}
const none: Filters = { q: '', status: '', department: '', overdue: false };

const isOpen = (s: string) => !['completed', 'rejected', 'cancelled'].includes(s);

function progress(c: ChildSummary) {
  const open = c.tasks.filter((t) => isOpen(t.status));
  const late = open.filter((t) => t.overdue || Date.parse(t.deadline) < Date.now());
  const waiting = open.filter((t) => t.status === 'information-needed');
  return (
    <>
      <span>
        共{c.tasks.length}项，办理中{open.length}项
      </span>
      {waiting.length > 0 && <span class="badge warn">待补充信息{waiting.length}项</span>}
      {late.length > 0 && <span class="badge bad">逾期{late.length}项</span>}
    </>
  );
}

export default function Children() {
  const { params } = useRoute();
  const { route } = useLocation();
  const me = currentSession()!.me;
  const institutionId = params.institutionId ?? me.institution?.institutionId ?? '';
  const institution = findInstitution(institutionId);
  const [form, setForm] = useState<Filters>(none);
  const [filters, setFilters] = useState<Filters>(none);
  const [pages, setPages] = useState<ChildrenPage[]>([]);
  const query = (f: Filters, token?: string) => {
    const q = new URLSearchParams();
    if (f.q.trim()) q.set('q', f.q.trim());
    if (f.status) q.set('status', f.status);
    if (f.department) q.set('department', f.department);
    if (f.overdue) q.set('overdue', 'true');
    if (token) q.set('nextToken', token);
    return api<ChildrenPage>('GET', `/institutions/${institutionId}/children?${q}`);
  };
  const { error, data } = useLoad(async () => {
    const first = await query(filters);
    setPages([first]);
    return first;
  }, [institutionId, filters]);
  const items = pages.flatMap((p) => p.items);
  const next = pages.at(-1)?.nextToken;
  const today = chinaDate(new Date());

  return (
    <Page
      title={me.kind === 'staff' ? '在院儿童' : `${institution?.name ?? ''}在院儿童`}
      error={error}
      loading={!data}
      actions={
        me.kind === 'staff' && (
          <button type="button" class="primary" onClick={() => route('/children/new')}>
            接收儿童
          </button>
        )
      }
    >
      <form
        class="panel row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...form });
        }}
      >
        <div class="field">
          <label for="q">姓名或儿童编号</label>
          <input id="q" type="search" value={form.q} onInput={(e) => { const value = e.currentTarget.value; setForm((form) => ({ ...form, q: value })); }} />
        </div>
        <div class="field">
          <label for="status">任务状态</label>
          <select id="status" value={form.status} onChange={(e) => { const value = e.currentTarget.value; setForm((form) => ({ ...form, status: value })); }}>
            <option value="">全部</option>
            {taskStatuses.map((s) => (
              <option value={s}>{statusZh[s]}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="department">承办部门</label>
          <select id="department" value={form.department} onChange={(e) => { const value = e.currentTarget.value; setForm((form) => ({ ...form, department: value })); }}>
            <option value="">全部</option>
            {departments.map((d) => (
              <option value={d.code}>{d.nameZh}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="check" for="overdue">
            <input id="overdue" type="checkbox" checked={form.overdue} onChange={(e) => { const checked = e.currentTarget.checked; setForm((form) => ({ ...form, overdue: checked })); }} />
            仅看有逾期任务的儿童
          </label>
        </div>
        <div class="field">
          <button type="submit" class="primary">
            查询
          </button>
        </div>
      </form>
      {items.length === 0 ? (
        <p class="panel">没有符合条件的儿童。</p>
      ) : (
        <table class="cards">
          <caption class="count">
            共显示{items.length}名儿童
          </caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">性别</th>
              <th scope="col">年龄</th>
              <th scope="col">入院日期</th>
              <th scope="col">任务办理情况</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr>
                <td data-label="姓名">
                  <a href={`/children/${c.childId}`}>{c.name}</a>
                </td>
                <td data-label="性别">{genderZh[c.gender]}</td>
                <td data-label="年龄">{ageOn(c.birthDate, today)}岁</td>
                <td data-label="入院日期">{dateZh(c.admittedOn)}</td>
                <td data-label="任务办理情况">{progress(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <div class="actions">
          <button type="button" class="secondary" onClick={async () => setPages([...pages, await query(filters, next)])}>
            加载更多
          </button>
        </div>
      )}
    </Page>
  );
}
