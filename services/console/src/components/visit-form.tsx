// 记录走访: under an entrusted-care agreement (委托代养协议) the city institution visits each child until it receives
// them (VisitRequest); visits due and overdue are listed from the transfer's outstanding items.
import { useState } from 'preact/hooks';
import type { TransferView } from '../../../../contracts/api/transfers.ts';
import { VisitRequest } from '../../../../contracts/api/transfers.ts';
import { chinaDate } from '../../../calendar/china-time.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { dateZh } from '../format.ts';
import { FieldShell } from '../forms/fields.tsx';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';

export function VisitForm(p: { t: TransferView; nameOf: (childId: string) => string; onDone: () => void }) {
  const due = p.t.outstanding.visitsDue;
  const [childId, setChildId] = useState(due[0]?.childId ?? '');
  const [visitedOn, setVisitedOn] = useState(chinaDate(new Date()));
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState('');
  const id = `visit-${p.t.transferId}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { childId, visitedOn, note };
    const parsed = VisitRequest.safeParse(body);
    if (!parsed.success) return setIssues(zodIssues(parsed.error));
    try {
      await api('POST', `/transfers/${p.t.transferId}/visits`, body);
      setNote('');
      p.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(issuesOf(err.issues));
      setError(refusalText(err));
    }
  };
  if (!due.length) return null;
  return (
    <form class="panel" onSubmit={submit} noValidate aria-label="记录走访">
      <h3>委托代养走访（协议 {p.t.entrustedCare?.agreementNumber}）</h3>
      <ul>
        {due.map((v) => (
          <li class={v.overdue ? 'late' : undefined}>
            {p.nameOf(v.childId)}：应于{dateZh(v.dueOn)}前走访{v.overdue ? '（已逾期）' : ''}
          </li>
        ))}
      </ul>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="grid">
        <div class="field">
          <label for={`${id}-child`}>走访儿童</label>
          <select id={`${id}-child`} value={childId} onChange={(e) => setChildId(e.currentTarget.value)}>
            {due.map((v) => (
              <option value={v.childId}>{p.nameOf(v.childId)}</option>
            ))}
          </select>
        </div>
        <FieldShell path={`${id}.visitedOn`} label="走访日期" error={issues.visitedOn}>
          <input id={`f-${id}-visitedOn`} type="date" value={visitedOn} onInput={(e) => setVisitedOn(e.currentTarget.value)} />
        </FieldShell>
        <FieldShell path={`${id}.note`} label="走访情况" error={issues.note}>
          <textarea id={`f-${id}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </FieldShell>
      </div>
      <button type="submit" class="secondary">
        记录走访
      </button>
    </form>
  );
}
