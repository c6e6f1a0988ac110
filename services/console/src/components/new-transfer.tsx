// 发起移交 (county centre → its city institution): the children to hand over, each with its hukou decision (迁移, or
// 不迁移 with the reason the policy asks for, 三(一)), and an entrusted-care agreement until the city can receive.
import { useState } from 'preact/hooks';
import type { ChildrenPage } from '../../../../contracts/api/children.ts';
import { TransferRequest } from '../../../../contracts/api/transfers.ts';
import { cityInstitutionOf, seededInstitutions } from '../../../seed/institutions.ts';
import { api, ApiError, refusalText } from '../api.ts';
import { useLoad } from './bits.tsx';
import { FieldShell } from '../forms/fields.tsx';
import { issuesOf, zodIssues, type Issues } from '../i18n/zod.ts';

interface Choice {
  decision: 'migrate' | 'exempt';
  reason: string;
}

export function NewTransfer(p: { institutionId: string; cityCode: string; onDone: () => void }) {
  const to = cityInstitutionOf(p.cityCode);
  const toName = seededInstitutions.find((i) => i.institutionId === to)?.name ?? to;
  const { data } = useLoad(() => api<ChildrenPage>('GET', `/institutions/${p.institutionId}/children?limit=100`), [p.institutionId]);
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const [care, setCare] = useState<{ on: boolean; agreementNumber: string; signedOn: string; visitEveryDays: string }>({ on: false, agreementNumber: '', signedOn: '', visitEveryDays: '30' });
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState('');
  const ids = Object.keys(chosen);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      fromInstitutionId: p.institutionId,
      toInstitutionId: to,
      children: ids.map((childId) => ({
        childId,
        hukou: chosen[childId]!.decision === 'exempt' ? { decision: 'exempt' as const, reason: chosen[childId]!.reason } : { decision: 'migrate' as const },
      })),
      ...(care.on ? { entrustedCare: { agreementNumber: care.agreementNumber.trim(), signedOn: care.signedOn, visitEveryDays: Number(care.visitEveryDays) } } : {}),
    };
    if (!ids.length) return setError('请至少选择一名儿童。');
    const parsed = TransferRequest.safeParse(body);
    if (!parsed.success) return setIssues(zodIssues(parsed.error));
    try {
      await api('POST', '/transfers', body);
      setChosen({});
      setError('');
      p.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(issuesOf(err.issues));
      setError(err instanceof ApiError && err.status === 409 ? '所选儿童中有人尚不能移交（如捡拾报案尚未办结，或已在其他移交中）。' : refusalText(err));
    }
  };
  const children = data?.items ?? [];
  return (
    <form class="panel" onSubmit={submit} noValidate aria-label="发起移交">
      <h2>发起移交</h2>
      <p class="muted">移交至：{toName}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {children.length === 0 && <p>本机构暂无在院儿童。</p>}
      {children.map((c) => {
        const i = ids.indexOf(c.childId);
        const choice = chosen[c.childId];
        const set = (next: Choice | undefined) => {
          const copy = { ...chosen };
          if (next) copy[c.childId] = next;
          else delete copy[c.childId];
          setChosen(copy);
        };
        return (
          <div class="list-item">
            <label class="check">
              <input type="checkbox" checked={!!choice} onChange={(e) => set(e.currentTarget.checked ? { decision: 'migrate', reason: '' } : undefined)} />
              {c.name}
            </label>
            {choice && (
              <div class="grid">
                <div class="field">
                  <label for={`hukou-${c.childId}`}>户口处理</label>
                  <select id={`hukou-${c.childId}`} value={choice.decision} onChange={(e) => set({ ...choice, decision: e.currentTarget.value as Choice['decision'] })}>
                    <option value="migrate">迁移户口</option>
                    <option value="exempt">不迁移户口</option>
                  </select>
                </div>
                {choice.decision === 'exempt' && (
                  <FieldShell path={`children.${i}.hukou.reason`} label="不迁移的理由" error={issues[`children.${i}.hukou.reason`]}>
                    <textarea id={`f-children-${i}-hukou-reason`} rows={2} value={choice.reason} onInput={(e) => set({ ...choice, reason: e.currentTarget.value })} />
                  </FieldShell>
                )}
                {issues[`children.${i}.childId`] && <p class="error">{issues[`children.${i}.childId`]}</p>}
              </div>
            )}
          </div>
        );
      })}
      <label class="check" for="care">
        <input id="care" type="checkbox" checked={care.on} onChange={(e) => { const checked = e.currentTarget.checked; setCare((care) => ({ ...care, on: checked })); }} />
        暂不能接收的，签订委托代养协议
      </label>
      {care.on && (
        <div class="grid">
          <FieldShell path="entrustedCare.agreementNumber" label="协议编号" error={issues['entrustedCare.agreementNumber']}>
            <input id="f-entrustedCare-agreementNumber" type="text" value={care.agreementNumber} onInput={(e) => { const value = e.currentTarget.value; setCare((care) => ({ ...care, agreementNumber: value })); }} />
          </FieldShell>
          <FieldShell path="entrustedCare.signedOn" label="签订日期" error={issues['entrustedCare.signedOn']}>
            <input id="f-entrustedCare-signedOn" type="date" value={care.signedOn} onInput={(e) => { const value = e.currentTarget.value; setCare((care) => ({ ...care, signedOn: value })); }} />
          </FieldShell>
          <FieldShell path="entrustedCare.visitEveryDays" label="走访周期（天）" error={issues['entrustedCare.visitEveryDays']}>
            <input id="f-entrustedCare-visitEveryDays" type="number" inputMode="numeric" value={care.visitEveryDays} onInput={(e) => { const value = e.currentTarget.value; setCare((care) => ({ ...care, visitEveryDays: value })); }} />
          </FieldShell>
        </div>
      )}
      <button type="submit" class="primary">
        发起移交
      </button>
    </form>
  );
}
