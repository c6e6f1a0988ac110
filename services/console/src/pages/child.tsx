// 儿童档案: one child's facts and one timeline of every task across departments: status, who, when, deadline
// (overdue highlighted), waiting time on information requests, each task's history and result. Staff answer an
// information request, resume a failed delivery and open a further task right here; supervisors see who looked.
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ChildFacts } from '../../../../contracts/case.ts';
import type { ChildView, TaskView } from '../../../../contracts/api/views.ts';
import { findTaskType } from '../../../topology.ts';
import { actorName } from '../../../auth/describe.ts';
import { api, refusalText } from '../api.ts';
import { Deadline, Page, StatusBadge, useLoad } from '../components/bits.tsx';
import { Clocks } from '../components/clocks.tsx';
import { Reads } from '../components/reads.tsx';
import { OpenTask } from '../components/open-task.tsx';
import { SupplyForm } from '../components/supply-form.tsx';
import { Values } from '../components/values.tsx';
import { dateTimeZh, dateZh, durationZh, waitedDays } from '../format.ts';
import { labelOf } from '../i18n/labels.ts';
import { reasonZh } from '../i18n/reasons.ts';
import { statusZh } from '../i18n/status.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

const closed = ['completed', 'rejected', 'cancelled'];

function TaskCard(p: { task: TaskView; staff: boolean; reload: () => void }) {
  const t = p.task;
  const [error, setError] = useState('');
  const late = !closed.includes(t.status) && (t.overdue || Date.parse(t.deadline) < Date.now());
  const opened = t.history[0];
  const resume = async () => {
    try {
      await api('POST', `/tasks/${t.taskId}/resume`, {});
      p.reload();
    } catch (err) {
      setError(refusalText(err));
    }
  };
  return (
    <li class={late ? 'overdue' : t.status === 'completed' ? 'done' : undefined} id={`task-${t.taskId}`}>
      <div class="task-head">
        <h3>
          {titleOf(t.type, t.contractVersion)} <span class="muted">· {departmentName(t.department)}</span>
        </h3>
        <div>
          <StatusBadge status={t.status} /> {late && <span class="badge bad">逾期</span>}
        </div>
      </div>
      <p class="muted">
        {opened && `${dateTimeZh(opened.at)} 由${actorName(opened)}发起；`}
        办理期限 {dateZh(t.deadline)}（<Deadline deadline={t.deadline} status={t.status} overdue={t.overdue} />）
        {t.heldSeconds ? `；累计等待补充信息${durationZh(t.heldSeconds)}` : ''}
      </p>
      {t.status === 'information-needed' && (
        <div class="notice">
          <p>
            {departmentName(t.department)}要求补充以下信息{t.heldSince && `，已等待${waitedDays(t.heldSince)}`}：
          </p>
          <ul>
            {(t.missing ?? []).map((m) => (
              <li>
                {labelOf(m.field)}：{m.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {t.status === 'information-needed' && p.staff && <SupplyForm task={t} onDone={p.reload} />}
      {(t.status === 'failed' || t.status === 'rejected') && t.statusReason && <p class="error">原因：{reasonZh(t.statusReason)}</p>}
      {t.status === 'failed' && p.staff && (
        <div class="actions">
          <button type="button" class="primary" onClick={resume}>
            重新投递
          </button>
          {error && <span class="error">{error}</span>}
        </div>
      )}
      {t.result !== undefined && (
        <>
          <h4>办理结果</h4>
          <Values value={t.result} schema={findTaskType(t.type, t.contractVersion)?.contract.result} />
        </>
      )}
      <details>
        <summary>办理记录（{t.history.length}条）</summary>
        <ol class="history">
          {t.history.map((h) => (
            <li>
              {dateTimeZh(h.at)} {actorName(h)}：{h.from ? `${statusZh[h.from]} → ` : ''}
              {statusZh[h.to]}
              {h.reason && `（${reasonZh(h.reason)}）`}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

export default function ChildPage() {
  const { params } = useRoute();
  const me = currentSession()!.me;
  const { data, error, reload } = useLoad(() => api<ChildView>('GET', `/children/${params.childId}`), [params.childId]);
  const tasks = [...(data?.tasks ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const child = data?.child;
  return (
    <Page title={child ? `${child.name}的档案` : '儿童档案'} error={error} loading={!data}>
      {child && (
        <section class="panel" aria-label="基本情况">
          <Values
            value={child}
            schema={ChildFacts}
            skip={['childId', 'cityCode', 'createdAt', 'updatedAt', 'openTransferId', 'name', 'admittedBy']}
          />
          <p class="muted">
            儿童编号 {child.childId}
            {child.admittedBy && `；${dateZh(child.createdAt)}由${actorName(child.admittedBy)}接收登记`}
          </p>
        </section>
      )}
      {data && <Clocks clocks={data.clocks} comingOfAge={data.comingOfAge} />}
      <h2>协同事项（{tasks.length}项）</h2>
      {tasks.length === 0 ? <p>暂无协同事项。</p> : (
        <ol class="timeline">
          {tasks.map((t) => (
            <TaskCard task={t} staff={me.kind === 'staff'} reload={reload} />
          ))}
        </ol>
      )}
      {me.kind === 'staff' && child && <OpenTask childId={child.childId} tasks={tasks} onOpened={reload} />}
      {me.kind === 'supervisor' && child && <Reads childId={child.childId} />}
    </Page>
  );
}
