// 发起新事项: open one more task for a child (POST /v1/children/{id}/tasks), its input form from the task type's
// input contract. Task types a workflow opens (the transfer's) and those still open for the child are not offered.
import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import type { TaskView } from '../../../../contracts/api/views.ts';
import { findTaskType, taskTypes } from '../../../topology.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { ObjectFields, type Values } from '../forms/fields.tsx';
import { objectValue } from '../forms/schema.ts';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';
import { departmentName } from '../i18n/titles.ts';

const closed = ['completed', 'rejected', 'cancelled', 'failed'];

export function OpenTask(p: { childId?: string; institutionId?: string; tasks: TaskView[]; onOpened: () => void; recurring?: boolean }) {
  const subject = p.childId ? 'child' : 'institution';
  const offered = taskTypes.filter(
    (t) => t.contract.subject === subject && !t.contract.workflow && !p.tasks.some((x) => x.type === t.contract.type && !closed.includes(x.status)),
  );
  const [type, setType] = useState('');
  const [values, setValues] = useState<Values>({});
  const [every, setEvery] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState('');
  const contract = type ? findTaskType(type)?.contract : undefined;
  const shape = ((contract?.input as z.ZodMiniObject | undefined)?.shape ?? {}) as Record<string, z.ZodMiniType>;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!contract) return setIssues({ type: '请选择事项' });
    const input = objectValue(shape, values) ?? {};
    const parsed = contract.input.safeParse(input);
    if (!parsed.success) return setIssues(Object.fromEntries(Object.entries(zodIssues(parsed.error)).map(([k, v]) => [`input.${k}`, v])));
    const recur = every ? Number(every) : undefined;
    try {
      const path = p.childId ? `/children/${p.childId}/tasks` : `/institutions/${p.institutionId}/tasks`;
      await api('POST', path, { type, input, ...(recur ? { recurEveryMonths: recur } : {}) });
      setType('');
      setValues({});
      setIssues({});
      setMessage('已发起。');
      p.onOpened();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(issuesOf(err.issues));
      setMessage(refusalText(err));
    }
  };

  if (!offered.length) return null;
  return (
    <form class="panel" onSubmit={submit} noValidate aria-label="发起新事项">
      <h2>发起新事项</h2>
      {message && <p role="status">{message}</p>}
      <div class={`field${issues.type ? ' has-error' : ''}`}>
        <label for="new-type">事项</label>
        <select id="new-type" value={type} onChange={(e) => { setType(e.currentTarget.value); setValues({}); setIssues({}); }}>
          <option value="">请选择</option>
          {offered.map((t) => (
            <option value={t.contract.type}>
              {t.contract.titleZh}（{departmentName(t.contract.department)}，{t.deadlineWorkingDays}个工作日内办结）
            </option>
          ))}
        </select>
        {issues.type && <p class="error" role="alert">{issues.type}</p>}
      </div>
      {contract && <ObjectFields shape={shape} values={values} onChange={setValues} issues={issues} path="input" />}
      {contract && p.recurring && (
        <div class="field">
          <label for="recur">定期重复（选填）</label>
          <select id="recur" value={every} onChange={(e) => setEvery(e.currentTarget.value)}>
            <option value="">不重复</option>
            {[1, 3, 6, 12].map((n) => (
              <option value={String(n)}>每{n}个月</option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" class="primary">
        发起
      </button>
    </form>
  );
}
