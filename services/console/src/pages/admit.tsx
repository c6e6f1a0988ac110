// 接收儿童: the admission form, built from the admission contract (AdmissionRequest: ChildFacts). Checked in the
// browser with the same schema and the same admission rules the API applies (missing foundling facts), errors in
// Chinese beside each field; the API's own 400 lands beside the same fields. Then the tasks the admission opened.
import { useState } from 'preact/hooks';
import { AdmissionRequest } from '../../../../contracts/api/requests.ts';
import type { TaskView } from '../../../../contracts/api/views.ts';
import { planAdmission } from '../../../cases/admission.ts';
import counties from '../../../seed/county-centres.json' with { type: 'json' };
import { ValidationError } from '../../../lib/errors.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { Page } from '../components/bits.tsx';
import { TaskTable } from '../components/task-list.tsx';
import { useDraft } from '../drafts.ts';
import { Field, initialValues, type Values } from '../forms/fields.tsx';
import { objectValue } from '../forms/schema.ts';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';
import { currentSession } from '../session.ts';

const shape = AdmissionRequest.shape;
type Name = keyof typeof shape;

/** Sections of the form; a section with `when` shows only when that yes/no fact is ticked. */
const sections: { title: string; fields: Name[]; when?: Name }[] = [
  { title: '基本信息', fields: ['name', 'gender', 'birthDate', 'admittedOn', 'idNumber'] },
  { title: '儿童情况', fields: ['parentsUnknown', 'orphan', 'factuallyUnsupported', 'hukouRegistered', 'inSchool', 'disabled'] },
  { title: '捡拾情况', fields: ['foundlingCertificateNumber', 'foundPlace', 'foundCountyCode', 'foundOn'], when: 'parentsUnknown' },
  { title: '户籍情况', fields: ['hukouAddress', 'hukouRegistrationNumber'], when: 'hukouRegistered' },
  { title: '就学情况', fields: ['schoolName', 'studentRecordNumber'], when: 'inSchool' },
  { title: '残疾情况', fields: ['disabilityCategory', 'disabilityGrade', 'disabilityCertificateNumber'], when: 'disabled' },
];

const hints: Partial<Record<Name, string>> = {
  idNumber: '18位，末位可为X；暂无身份号码的可不填',
  foundlingCertificateNumber: '已取得捡拾报案证明的填写；尚未报案的请填写下列捡拾地点、日期，平台将通知公安机关',
  birthDate: '捡拾儿童可填写估计的出生日期',
};

const gradeLabels = { '1': '一级', '2': '二级', '3': '三级', '4': '四级' };

export default function Admit() {
  const me = currentSession()!.me;
  const institution = me.institution!;
  const [values, setValues, clearDraft] = useDraft<Values>('admit', initialValues(shape));
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [admitted, setAdmitted] = useState<{ childId: string; name: string; tasks: TaskView[] }>();
  const countyLabels = Object.fromEntries(counties.filter((c) => c.cityCode === institution.cityCode).map((c) => [c.code, c.name]));

  const shown = sections.filter((s) => !s.when || values[s.when] === true);
  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage('');
    const fields = Object.fromEntries(shown.flatMap((s) => s.fields).map((n) => [n, shape[n]]));
    const facts = { ...objectValue(fields, values), institutionId: institution.institutionId };
    const parsed = AdmissionRequest.safeParse(facts);
    if (!parsed.success) return fail(zodIssues(parsed.error));
    try {
      planAdmission({ ...parsed.data, childId: `CH${'0'.repeat(26)}` }, { at: institution.kind });
    } catch (err) {
      if (err instanceof ValidationError) return fail(issuesOf(err.issues ?? []));
      throw err;
    }
    setBusy(true);
    try {
      const res = await api<{ childId: string; tasks: TaskView[] }>('POST', '/children', facts);
      clearDraft();
      setIssues({});
      setAdmitted({ ...res, name: parsed.data.name });
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) fail(issuesOf(err.issues));
      else setMessage(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  const fail = (found: Issues) => {
    setIssues(found);
    setMessage('填写的内容有误，请按各项下方的提示修改。');
    queueMicrotask(() => document.querySelector<HTMLElement>('.has-error input, .has-error select')?.focus());
  };

  if (admitted) {
    return (
      <Page title="接收儿童">
        <p class="success" role="status">
          已接收{admitted.name}。平台已按其情况发起以下{admitted.tasks.length}项协同事项：
        </p>
        {admitted.tasks.length > 0 ? <TaskTable tasks={admitted.tasks} /> : <p>该儿童暂无需要相关部门办理的事项。</p>}
        <div class="actions">
          <a href={`/children/${admitted.childId}`}>查看儿童档案</a>
          <button type="button" class="secondary" onClick={() => setAdmitted(undefined)}>
            继续接收
          </button>
        </div>
      </Page>
    );
  }
  return (
    <Page title="接收儿童">
      <p class="muted">接收机构：{institution.name}。带 * 的为必填项。</p>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {shown.map((s) => (
          <fieldset class="panel">
            <legend>{s.title}</legend>
            <div class="grid">
              {s.fields.map((name) => (
                <Field
                  name={name}
                  path={name}
                  schema={shape[name]}
                  value={values[name]}
                  onChange={(v) => setValues((values) => ({ ...values, [name]: v }))}
                  issues={issues}
                  hint={hints[name]}
                  optionLabels={name === 'foundCountyCode' ? countyLabels : name === 'disabilityGrade' ? gradeLabels : undefined}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            确认接收
          </button>
        </div>
      </form>
    </Page>
  );
}
