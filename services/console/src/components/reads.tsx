// 查阅记录: who looked at this child (docs/decisions/0016-read-audit.md), for the supervisors who may list it: each
// answer that disclosed the child's data, newest first, the organisation and person, when, and through what.
import { readRouteName, type ReadsPage } from '../../../../contracts/api/reads.ts';
import { actorName } from '../../../auth/describe.ts';
import { Pager, usePaged } from './bits.tsx';
import { dateTimeZh } from '../format.ts';

const PAGE = 50;

export function Reads(p: { childId: string }) {
  const { data, error, tokens, setTokens } = usePaged<ReadsPage>(`/children/${p.childId}/reads`, PAGE, [p.childId]);
  return (
    <section class="panel" aria-label="查阅记录">
      <h2>查阅记录</h2>
      {error ? <p class="error">查阅记录暂时无法读取。</p> : !data ? <p class="muted">正在读取…</p> : data.items.length === 0 ? (
        <p>暂无查阅记录（本次查阅将在数秒内记入）。</p>
      ) : (
        // On a phone the header row is hidden and each card cell names itself (data-label, app.css).
        <table class="cards">
          <caption class="count">
            第{data.first}至{data.first + data.items.length - 1}条，从新到旧
          </caption>
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
      {data && (tokens.length > 0 || data.nextToken) && (
        <div class="actions">
          <Pager tokens={tokens} setTokens={setTokens} next={data.nextToken} />
        </div>
      )}
    </section>
  );
}
