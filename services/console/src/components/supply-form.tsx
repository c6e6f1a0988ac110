// 补充信息: staff answer a department's request for information right on the child's page: the facts it asked for
// (from the child's facts contract) or the task's own input, and a note; the task goes back to the department.
import { useState } from 'preact/hooks';
import { SupplyInformationRequest } from '../../../../contracts/api/requests.ts';
import type { TaskView } from '../../../../contracts/api/views.ts';
import { findTaskType } from '../../../topology.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { useDraft } from '../drafts.ts';
import { Field, type Values } from '../forms/fields.tsx';
import { objectValue } from '../forms/schema.ts';
import { labelOf } from '../i18n/labels.ts';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';

const factShape = SupplyInformationRequest.shape.facts.def.innerType.shape;

export function SupplyForm(p: { task: TaskView; onDone: () => void }) {
  const { task } = p;
  const inputShape = findTaskType(task.type, task.contractVersion)?.contract.input;
  const inputFields = (inputShape as { shape?: Record<string, never> } | undefined)?.shape ?? {};
  const asked = (task.missing ?? []).map((m) => m.field);
  const facts = asked.filter((f) => f in factShape) as (keyof typeof factShape)[];
  const inputs = asked.filter((f) => !(f in factShape) && f in inputFields);
  const [values, setValues, clear] = useDraft<{ facts: Values; input: Values; note: string }>(`supply.${task.taskId}`, { facts: {}, input: {}, note: '' });
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const f = objectValue(Object.fromEntries(facts.map((n) => [n, factShape[n]])), values.facts);
    const i = objectValue(Object.fromEntries(inputs.map((n) => [n, inputFields[n]!])), values.input);
    const body = { ...(facts.length ? { facts: f } : {}), ...(inputs.length ? { input: i } : {}), note: values.note };
    const parsed = SupplyInformationRequest.safeParse(body);
    if (!parsed.success) return setIssues(zodIssues(parsed.error));
    setBusy(true);
    try {
      await api('POST', `/tasks/${task.taskId}/supply-information`, body);
      clear();
      p.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(issuesOf(err.issues));
      setError(refusalText(err));
      setBusy(false);
    }
  };

  return (
    <form class="panel" onSubmit={submit} noValidate aria-label="补充信息">
      <h3>补充信息</h3>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {facts.map((name) => (
        <Field name={name} path={`facts.${name}`} schema={factShape[name]} value={values.facts[name]} onChange={(v) => setValues((values) => ({ ...values, facts: { ...values.facts, [name]: v } }))} issues={issues} />
      ))}
      {inputs.map((name) => (
        <Field name={name} path={`input.${name}`} schema={inputFields[name]!} value={values.input[name]} onChange={(v) => setValues((values) => ({ ...values, input: { ...values.input, [name]: v } }))} issues={issues} />
      ))}
      {asked.filter((f) => !facts.includes(f as never) && !inputs.includes(f)).map((f) => (
        <p class="hint">“{labelOf(f)}”无法在此补充，请在说明中写明。</p>
      ))}
      <Field name="note" path="note" label="说明" schema={SupplyInformationRequest.shape.note} value={values.note} onChange={(v) => setValues((values) => ({ ...values, note: String(v ?? '') }))} issues={issues} hint="向承办部门说明补充或更正的情况" />
      <button type="submit" class="primary" disabled={busy}>
        提交补充信息
      </button>
    </form>
  );
}
