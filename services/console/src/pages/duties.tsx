// 机构事务: the institution's own duties (rehab-point certification, fire-safety inspections) with their recurrence
// (GET /v1/institutions/{id}), and opening one, once or every few months.
import type { TaskView } from '../../../../contracts/api/views.ts';
import { api } from '../api.ts';
import { Deadline, Page, StatusBadge, useLoad } from '../components/bits.tsx';
import { OpenTask } from '../components/open-task.tsx';
import { Values } from '../components/values.tsx';
import { dateZh } from '../format.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

interface InstitutionView {
  tasks: TaskView[];
  schedules: { type: string; everyMonths: number; nextDueOn: string }[];
}

export default function Duties() {
  const me = currentSession()!.me;
  const id = me.institution!.institutionId;
  const { data, error, reload } = useLoad(() => api<InstitutionView>('GET', `/institutions/${id}`), [id]);
  const tasks = [...(data?.tasks ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Page title="机构事务" error={error} loading={!data}>
      <p class="muted">康复救助定点机构认定、消防安全检查等以本机构为对象的事项。</p>
      {data && data.schedules.length > 0 && (
        <section class="panel" aria-label="定期事项">
          <h2>定期事项</h2>
          <ul>
            {data.schedules.map((s) => (
              <li>
                {titleOf(s.type)}：每{s.everyMonths}个月发起一次，下次 {dateZh(s.nextDueOn)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>事项记录（{tasks.length}项）</h2>
      {tasks.length === 0 ? <p>暂无事项。</p> : (
        <ol class="timeline">
          {tasks.map((t) => (
            <li class={t.status === 'completed' ? 'done' : undefined}>
              <div class="task-head">
                <h3>
                  {titleOf(t.type, t.contractVersion)} <span class="muted">· {departmentName(t.department)}</span>
                </h3>
                <StatusBadge status={t.status} />
              </div>
              <p class="muted">
                {dateZh(t.createdAt)}发起；办理期限 {dateZh(t.deadline)}（<Deadline deadline={t.deadline} status={t.status} overdue={t.overdue} />）
              </p>
              {t.result !== undefined && <Values value={t.result} />}
            </li>
          ))}
        </ol>
      )}
      <OpenTask institutionId={id} tasks={tasks} onOpened={reload} recurring />
    </Page>
  );
}
