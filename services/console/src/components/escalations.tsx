// 督办提醒: the escalations this supervisor received (GET /v1/escalations), newest first, each acknowledged with a
// note of what was done (POST /v1/escalations/{id}/acknowledge). A second acknowledgement is the API's 409.
import { useState } from 'preact/hooks';
import type { Escalation, EscalationList } from '../../../../contracts/api/supervision.ts';
import { findInstitution } from '../../../cases/institutions.ts';
import { ApiError, api, refusalText } from '../api.ts';
import { dateTimeZh } from '../format.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { useLoad } from './bits.tsx';

function Acknowledge(p: { escalation: Escalation; done: (e: Escalation) => void }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const id = `ack-${p.escalation.escalationId}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    try {
      p.done(await api<Escalation>('POST', `/escalations/${p.escalation.escalationId}/acknowledge`, { note }));
    } catch (err) {
      const field = err instanceof ApiError && err.issues.some((i) => i.path === 'note');
      setProblem(field ? '请填写处理情况。' : err instanceof ApiError && err.status === 409 ? '该提醒已确认过。' : refusalText(err));
    }
  };
  return (
    <form onSubmit={submit} class={problem ? 'has-error' : undefined}>
      <div class="field">
        <label for={id}>处理情况</label>
        <textarea id={id} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} aria-describedby={problem ? `${id}-error` : undefined} />
        {problem && (
          <p class="error" id={`${id}-error`} role="alert">
            {problem}
          </p>
        )}
      </div>
      <button type="submit" class="secondary">
        确认收到
      </button>
    </form>
  );
}

export function Escalations() {
  const { data, error, setData } = useLoad(() => api<EscalationList>('GET', '/escalations'), []);
  if (error) return <p class="error">{refusalText(error)}</p>;
  if (!data) return <p class="muted">正在加载…</p>;
  if (data.items.length === 0) return <p class="panel">暂无督办提醒。</p>;
  const replace = (e: Escalation) => setData({ items: data.items.map((x) => (x.escalationId === e.escalationId ? e : x)) });
  return (
    <ul class="timeline">
      {data.items.map((e) => (
        <li class={e.status === 'open' ? 'overdue' : 'done'}>
          <h3>
            {departmentName(e.department)} · {titleOf(e.type)}
          </h3>
          <p>
            {findInstitution(e.institutionId)?.name ?? e.institutionId} · {dateTimeZh(e.escalatedAt)} {e.level === 'city' ? '升级至市级督办' : '升级至自治区督办'}，当时已逾期
            {e.workingDaysLate}个工作日
            {e.taskId.startsWith('CH') && (
              <>
                {' '}
                <a href={`/children/${e.taskId.split('.')[0]}`}>查看儿童事项</a>
              </>
            )}
          </p>
          {e.acknowledged ? (
            <p class="success">
              已确认（{dateTimeZh(e.acknowledged.at)}）：{e.acknowledged.note}
            </p>
          ) : (
            <Acknowledge escalation={e} done={replace} />
          )}
        </li>
      ))}
    </ul>
  );
}
