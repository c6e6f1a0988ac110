// 移送 / 接收: one hand-over step of a transfer, for every child waiting on it (HandOverRequest): the date and the
// checklist of what was handed over (监护权、档案、财产).
import { useState } from 'preact/hooks';
import { Checklist, ChecklistItems, HandOverRequest } from '../../../../contracts/api/transfers.ts';
import { chinaDate } from '../../../calendar/china-time.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { FieldShell } from '../forms/fields.tsx';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';

const itemZh: Record<(typeof ChecklistItems)[number], string> = { guardianship: '监护权已移交', archive: '档案已移交', property: '财产已移交' };

export function HandOver(p: { transferId: string; step: 'send' | 'receive'; count: number; onDone: () => void }) {
  const [on, setOn] = useState(chinaDate(new Date()));
  const [checks, setChecks] = useState<Record<string, boolean>>({ guardianship: false, archive: false, property: false });
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState('');
  const verb = p.step === 'send' ? '移送' : '接收';
  const id = `${p.step}-${p.transferId}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { on, checklist: checks };
    const parsed = HandOverRequest.safeParse(body);
    if (!parsed.success) return setIssues(zodIssues(parsed.error));
    try {
      await api('POST', `/transfers/${p.transferId}/${p.step}`, body);
      p.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(issuesOf(err.issues));
      setError(refusalText(err));
    }
  };
  return (
    <form class="panel" onSubmit={submit} noValidate aria-label={`${verb}儿童`}>
      <h3>
        {verb}以上{p.count}名儿童
      </h3>
      {error && <p class="error" role="alert">{error}</p>}
      <FieldShell path={`${id}.on`} label={`${verb}日期`} error={issues.on}>
        <input id={`f-${id}-on`} type="date" value={on} onInput={(e) => setOn(e.currentTarget.value)} />
      </FieldShell>
      <fieldset class="field choices">
        <legend>移交清单</legend>
        {Object.keys(Checklist.shape).map((k) => (
          <label class="check">
            <input type="checkbox" checked={checks[k]} onChange={(e) => { const checked = e.currentTarget.checked; setChecks((checks) => ({ ...checks, [k]: checked })); }} />
            {itemZh[k as keyof typeof itemZh]}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="primary">
        确认{verb}
      </button>
    </form>
  );
}
