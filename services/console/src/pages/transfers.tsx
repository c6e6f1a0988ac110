// 移交: both sides of county → city transfers (GET /v1/institutions/{id}/transfers): 应移送未移送 and 应接收未接收,
// sending, receiving, and the visits of an entrusted-care agreement. A county centre also starts transfers here.
import type * as z from 'zod/mini';
import type { TransferView } from '../../../../contracts/api/transfers.ts';
import { findInstitution } from '../../../cases/institutions.ts';
import { api } from '../api.ts';
import { Page, useLoad } from '../components/bits.tsx';
import { HandOver } from '../components/hand-over.tsx';
import { NewTransfer } from '../components/new-transfer.tsx';
import { VisitForm } from '../components/visit-form.tsx';
import { dateZh } from '../format.ts';
import { transferStateZh } from '../i18n/status.ts';
import { currentSession } from '../session.ts';

interface Transfers {
  incoming: TransferView[];
  outgoing: TransferView[];
  summary: { notSent: number; sentNotReceived: number; visitsOverdue: number };
}
type Child = z.infer<typeof TransferView>['children'][number];

const nameOf = (c: Child) => c.name ?? `儿童编号 ${c.childId}`;

function TransferCard(p: { t: TransferView; side: 'from' | 'to'; reload: () => void }) {
  const { t } = p;
  const pending = t.children.filter((c) => c.state === 'pending');
  const sent = t.children.filter((c) => c.state === 'sent');
  const other = findInstitution(p.side === 'from' ? t.toInstitutionId : t.fromInstitutionId)?.name;
  return (
    <li class={t.status === 'completed' ? 'done' : undefined}>
      <div class="task-head">
        <h3>
          {p.side === 'from' ? `移交至${other}` : `${other}移交`}（{t.children.length}名）
        </h3>
        <span class={`badge ${t.status === 'completed' ? 'ok' : 'info'}`}>{t.status === 'completed' ? '已完成' : '进行中'}</span>
      </div>
      <p class="muted">{dateZh(t.createdAt)}发起</p>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">儿童</th>
            <th scope="col">状态</th>
            <th scope="col">户口</th>
            <th scope="col">移送 / 接收日期</th>
          </tr>
        </thead>
        <tbody>
          {t.children.map((c) => (
            <tr>
              <td data-label="儿童">{nameOf(c)}</td>
              <td data-label="状态">{transferStateZh[c.state]}</td>
              <td data-label="户口">{c.hukou.decision === 'migrate' ? '迁移' : '不迁移'}</td>
              <td data-label="移送 / 接收日期">
                {c.sentOn ? dateZh(c.sentOn) : '—'} / {c.receivedOn ? dateZh(c.receivedOn) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.side === 'from' && pending.length > 0 && <HandOver transferId={t.transferId} step="send" count={pending.length} onDone={p.reload} />}
      {p.side === 'to' && sent.length > 0 && <HandOver transferId={t.transferId} step="receive" count={sent.length} onDone={p.reload} />}
      {p.side === 'to' && t.entrustedCare && (
        <VisitForm t={t} nameOf={(id) => nameOf(t.children.find((c) => c.childId === id)!)} onDone={p.reload} />
      )}
    </li>
  );
}

export default function TransfersPage() {
  const me = currentSession()!.me;
  const inst = me.institution!;
  const { data, error, reload } = useLoad(() => api<Transfers>('GET', `/institutions/${inst.institutionId}/transfers`), [inst.institutionId]);
  const county = inst.kind === 'county-protection';
  const open = (list: TransferView[]) => list.filter((t) => t.status === 'open');
  return (
    <Page title={county ? '移交儿童' : '接收移交'} error={error} loading={!data}>
      {data && (
        <section class="panel" aria-label="待办情况">
          <p>
            应移送未移送：<strong id="not-sent">{data.summary.notSent}</strong>名；应接收未接收：
            <strong id="sent-not-received">{data.summary.sentNotReceived}</strong>名
            {data.summary.visitsOverdue > 0 && <span class="late">；委托代养走访逾期{data.summary.visitsOverdue}次</span>}
          </p>
        </section>
      )}
      {data && (
        <ol class="timeline">
          {open(data.outgoing).map((t) => (
            <TransferCard t={t} side="from" reload={reload} />
          ))}
          {open(data.incoming).map((t) => (
            <TransferCard t={t} side="to" reload={reload} />
          ))}
        </ol>
      )}
      {data && !open(data.outgoing).length && !open(data.incoming).length && <p>暂无进行中的移交。</p>}
      {county && <NewTransfer institutionId={inst.institutionId} cityCode={inst.cityCode} onDone={reload} />}
    </Page>
  );
}
