// 查阅记录: who looked at this child (docs/decisions/0016-read-audit.md), for the supervisors who may list it: each
// answer that disclosed the child's data, newest first, the organisation and person, when, and through what.
import { readRouteName, type ReadsPage } from '../../../../contracts/api/reads.ts';
import { actorName } from '../../../auth/describe.ts';
import { api } from '../api.ts';
import { useLoad } from './bits.tsx';
import { dateTimeZh } from '../format.ts';

export function Reads(p: { childId: string }) {
  const { data, error } = useLoad(() => api<ReadsPage>('GET', `/children/${p.childId}/reads?limit=50`), [p.childId]);
  return (
    <section class="panel" aria-label="查阅记录">
      <h2>查阅记录</h2>
      {error ? <p class="error">查阅记录暂时无法读取。</p> : !data ? <p class="muted">正在读取…</p> : data.items.length === 0 ? (
        <p>暂无查阅记录（本次查阅将在数秒内记入）。</p>
      ) : (
        // On a phone the header row is hidden and each card cell names itself (data-label, app.css).
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">查阅人</th>
              <th scope="col">查阅内容</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr>
                <td data-label="时间">{dateTimeZh(r.at)}</td>
                <td data-label="查阅人">{actorName(r)}</td>
                <td data-label="查阅内容">{readRouteName(r.route)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.nextToken && <p class="muted">仅显示最近50条。</p>}
    </section>
  );
}
