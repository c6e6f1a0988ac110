// 任务详情 for a department: only what its task type may see (DepartmentTaskView: the request, its own result and
// questions), and its moves: 签收, 办结 with a result form generated from the task type's result contract (the
// policy rules checked in the browser by the contract's own checkResult, and the API's 422 beside the fields),
// 退回 with a reason, 要求补充信息. Another department's task is "not found", even by URL.
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import type { DepartmentTaskView } from '../../../../contracts/api/views.ts';
import { findTaskType } from '../../../topology.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { Deadline, Page, StatusBadge, useLoad } from '../components/bits.tsx';
import { Values } from '../components/values.tsx';
import { useDraft } from '../drafts.ts';
import { Field, FieldShell, ObjectFields, initialValues, type Values as FormValues } from '../forms/fields.tsx';
import { toValue } from '../forms/schema.ts';
import { labelOf } from '../i18n/labels.ts';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { dateZh } from '../format.ts';

const workable = ['acknowledged', 'in-progress'];
const movable = ['dispatched', 'delivered', 'acknowledged', 'in-progress'];

function CompleteForm(p: { task: DepartmentTaskView; onDone: (t: DepartmentTaskView) => void }) {
  const contract = findTaskType(p.task.type, p.task.contractVersion)!.contract;
  const schema = contract.result as z.ZodMiniType;
  const shape = (schema as z.ZodMiniObject).shape as Record<string, z.ZodMiniType> | undefined;
  const [values, setValues, clear] = useDraft<FormValues>(`complete.${p.task.taskId}`, shape ? initialValues(shape) : {});
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = toValue(schema, values as never) ?? {};
    const parsed = schema.safeParse(result);
    if (!parsed.success) return setIssues(zodIssues(parsed.error));
    const violations = contract.checkResult?.(parsed.data, p.task.request) ?? [];
    if (violations.length) return setIssues(issuesOf(violations, 'result'));
    try {
      const t = await api<DepartmentTaskView>('POST', `/tasks/${p.task.taskId}/complete`, { result });
      clear();
      p.onDone(t);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(issuesOf(err.issues, 'result'));
      setError(refusalText(err));
    }
  };
  return (
    <form class="panel" onSubmit={submit} noValidate aria-label="办结">
      <h2>填写办理结果</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {shape ? (
        <ObjectFields shape={shape} values={values} onChange={setValues} issues={issues} />
      ) : (
        <Field name="result" path="" label="办理结果" schema={schema} value={values} onChange={(v) => setValues((v ?? {}) as FormValues)} issues={issues} />
      )}
      <button type="submit" class="primary">
        确认办结
      </button>
    </form>
  );
}

function ReasonForm(p: { title: string; label: string; button: string; onSubmit: (text: string, field: string) => Promise<void>; fields?: string[] }) {
  const [text, setText] = useState('');
  const [field, setField] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (p.fields && !field) return setError('请选择需要补充的信息');
    if (!text.trim()) return setError('请填写此项');
    try {
      await p.onSubmit(text.trim(), field);
    } catch (err) {
      setError(refusalText(err));
    }
  };
  const id = p.button;
  return (
    <form class="panel" onSubmit={submit} noValidate aria-label={p.title}>
      <h2>{p.title}</h2>
      {p.fields && (
        <div class="field">
          <label for={`${id}-field`}>需要补充的信息</label>
          <select id={`${id}-field`} value={field} onChange={(e) => setField(e.currentTarget.value)}>
            <option value="">请选择</option>
            {p.fields.map((f) => (
              <option value={f}>{labelOf(f)}</option>
            ))}
          </select>
        </div>
      )}
      <FieldShell path={id} label={p.label} error={error}>
        <textarea id={`f-${id}`} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={error ? true : undefined} />
      </FieldShell>
      <button type="submit" class="secondary">
        {p.button}
      </button>
    </form>
  );
}

/** What a department may ask staff for: the fields of what it received, and the facts a request is built from. */
const askable = (request: unknown) => [
  ...new Set([...Object.keys((request ?? {}) as object), 'idNumber', 'hukouAddress', 'hukouRegistrationNumber', 'foundlingCertificateNumber']),
].filter((f) => !['childId', 'institutionId'].includes(f));

export default function TaskPage() {
  const { params } = useRoute();
  const { data, error, setData } = useLoad(() => api<DepartmentTaskView>('GET', `/tasks/${params.taskId}`), [params.taskId]);
  const [message, setMessage] = useState('');
  const [acting, setActing] = useState<'complete' | 'reject' | 'ask' | undefined>();
  const t = data;
  const moved = (next: DepartmentTaskView, text: string) => {
    setData(next);
    setActing(undefined);
    setMessage(text);
  };
  const act = async (path: string, body: unknown, text: string) => moved(await api<DepartmentTaskView>('POST', `/tasks/${params.taskId}/${path}`, body), text);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Page title={t ? titleOf(t.type, t.contractVersion) : '任务详情'} error={notFound ? undefined : error} loading={!t && !notFound}>
      {notFound ? (
        <p class="error" role="alert">
          未找到该任务，或该任务不属于本部门。
        </p>
      ) : (
        t && (
          <>
            {message && <p class="success" role="status">{message}</p>}
            <section class="panel" aria-label="任务概况">
              <p>
                <StatusBadge status={t.status} /> 承办部门：{departmentName(t.department)}；办理期限 {dateZh(t.deadline)}（
                <Deadline deadline={t.deadline} status={t.status} overdue={t.overdue} />）
              </p>
              <h2>交办内容</h2>
              <Values value={t.request} schema={findTaskType(t.type, t.contractVersion)?.contract.request} skip={['childId']} />
              {t.missing && (
                <>
                  <h2>已要求补充</h2>
                  <ul>
                    {t.missing.map((m) => (
                      <li>
                        {labelOf(m.field)}：{m.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {t.result !== undefined && (
                <>
                  <h2>办理结果</h2>
                  <Values value={t.result} schema={findTaskType(t.type, t.contractVersion)?.contract.result} />
                </>
              )}
            </section>
            <div class="actions">
              {(t.status === 'dispatched' || t.status === 'delivered') && (
                <button type="button" class="primary" onClick={() => act('acknowledge', {}, '已签收，请在期限内办理。').catch((e) => setMessage(refusalText(e)))}>
                  签收
                </button>
              )}
              {workable.includes(t.status) && (
                <button type="button" class="primary" onClick={() => setActing('complete')}>
                  办结
                </button>
              )}
              {movable.includes(t.status) && (
                <>
                  <button type="button" class="secondary" onClick={() => setActing('ask')}>
                    要求补充信息
                  </button>
                  <button type="button" class="danger" onClick={() => setActing('reject')}>
                    退回
                  </button>
                </>
              )}
            </div>
            {acting === 'complete' && <CompleteForm task={t} onDone={(n) => moved(n, '已办结。')} />}
            {acting === 'reject' && (
              <ReasonForm title="退回任务" label="退回理由" button="确认退回" onSubmit={(reason) => act('reject', { reason }, '已退回。')} />
            )}
            {acting === 'ask' && (
              <ReasonForm
                title="要求补充信息"
                label="需要补充的内容"
                button="发送补充要求"
                fields={askable(t.request)}
                onSubmit={(message, field) => act('request-information', { missing: [{ field, message }] }, '已发送补充要求，等待福利机构补充。')}
              />
            )}
          </>
        )
      )}
    </Page>
  );
}
