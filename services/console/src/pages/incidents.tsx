// 投递异常 for staff and supervisors: the tasks whose delivery failed (the department refused them, or every attempt
// failed and the message sits in the dead-letter queue), with the reason (GET /v1/incidents). Staff select some and
// resume them, one POST /v1/tasks/{taskId}/resume each, and see which went back out; supervisors read only.
import { useState } from 'preact/hooks';
import type { IncidentsPage } from '../../../../contracts/api/incidents.ts';
import { REGION_CODE } from '../../../auth/principal.ts';
import { guangxiCities, seededInstitutions } from '../../../seed/institutions.ts';
import { departments } from '../../../topology.ts';
import { api, refusalText } from '../api.ts';
import { Deadline, Page, useLoad } from '../components/bits.tsx';
import { dateTimeZh } from '../format.ts';
import { reasonZh } from '../i18n/reasons.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

const institutionName = (id: string) => seededInstitutions.find((i) => i.institutionId === id)?.name ?? id;

interface Outcome {
  resumed: number;
  refused: { taskId: string; text: string }[];
}

export default function Incidents() {
  const me = currentSession()!.me;
  const staff = me.kind === 'staff';
  const [department, setDepartment] = useState('');
  const [city, setCity] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const query = new URLSearchParams({ ...(department ? { department } : {}), ...(city ? { cityCode: city } : {}) }).toString();
  const { data, error, reload } = useLoad(() => api<IncidentsPage>('GET', `/incidents${query ? `?${query}` : ''}`), [query]);

  const toggle = (taskId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(taskId);
    else next.delete(taskId);
    setSelected(next);
  };
  const resume = async () => {
    setBusy(true);
    const result: Outcome = { resumed: 0, refused: [] };
    // One at a time: each is a transition of its own, and a 409 (moved on meanwhile) concerns that task only.
    for (const taskId of selected) {
      try {
        await api('POST', `/tasks/${taskId}/resume`, {});
        result.resumed++;
      } catch (e) {
        result.refused.push({ taskId, text: refusalText(e) });
      }
    }
    setOutcome(result);
    setSelected(new Set());
    setBusy(false);
    reload();
  };

  const items = data?.items ?? [];
  return (
    <Page title="投递异常" error={error} loading={!data && !error}>
      <p class="muted">
        部门系统拒收或多次投递未成功的事项。{staff ? '勾选后重新投递，将按当前信息重新发送给部门。' : '重新投递由所属机构工作人员办理。'}
      </p>
      <div class="grid filters">
        <div class="field">
          <label for="incident-department">部门</label>
          <select id="incident-department" value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <option value="">全部部门</option>
            {departments.map((d) => (
              <option value={d.code}>{departmentName(d.code)}</option>
            ))}
          </select>
        </div>
        {me.kind === 'supervisor' && me.cityCode === REGION_CODE && (
          <div class="field">
            <label for="incident-city">城市</label>
            <select id="incident-city" value={city} onChange={(e) => setCity(e.currentTarget.value)}>
              <option value="">全区</option>
              {guangxiCities.map((c) => (
                <option value={c.code}>{c.name}市</option>
              ))}
            </select>
          </div>
        )}
      </div>
      {outcome && (
        <div class="panel" role="status">
          已重新投递{outcome.resumed}项。
          {outcome.refused.map((r) => (
            <p class="error">
              {r.taskId}：{r.text}
            </p>
          ))}
        </div>
      )}
      {data?.truncated && <p class="muted">异常事项较多，仅显示最近的{items.length}项；处理后请刷新。</p>}
      {items.length === 0 ? (
        <p class="panel">暂无投递异常的事项。</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              {staff && <th scope="col">选择</th>}
              <th scope="col">事项</th>
              <th scope="col">机构</th>
              <th scope="col">原因</th>
              <th scope="col">失败时间</th>
              <th scope="col">办理期限</th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => {
              const title = `${departmentName(t.department)} · ${titleOf(t.type)}`;
              return (
                <tr>
                  {staff && (
                    <td data-label="选择">
                      <input type="checkbox" aria-label={`选择：${title}`} checked={selected.has(t.taskId)} onChange={(e) => toggle(t.taskId, e.currentTarget.checked)} />
                    </td>
                  )}
                  <td data-label="事项">{t.subjectId.startsWith('CH') ? <a href={`/children/${t.subjectId}`}>{title}</a> : title}</td>
                  <td data-label="机构">{institutionName(t.institutionId)}</td>
                  <td data-label="原因">
                    <span class={`badge ${t.parked ? 'bad' : 'warn'}`}>{t.parked ? '多次投递失败' : '部门拒收'}</span> {reasonZh(t.reason)}
                  </td>
                  <td data-label="失败时间">{dateTimeZh(t.failedAt)}</td>
                  <td data-label="办理期限">
                    <Deadline deadline={t.deadline} status="failed" overdue={t.overdue} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="actions">
        {staff && (
          <button type="button" disabled={busy || selected.size === 0} onClick={resume}>
            重新投递所选（{selected.size}）
          </button>
        )}
        <button type="button" class="link" onClick={reload}>
          刷新
        </button>
      </div>
    </Page>
  );
}
