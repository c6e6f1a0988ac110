// 成长节点: what the child's clocks open and when (school age, 16, 18), from GET /v1/children/{id}'s `clocks`, and
// the coming-of-age placement's step (二(六)). Staff see ahead of time what the hub will open by itself.
import type { ChildView } from '../../../../contracts/api/views.ts';
import { dateZh } from '../format.ts';
import { titleOf } from '../i18n/titles.ts';

const eventZh = { 'school-age': '入学年龄（年满6周岁的当年9月1日）', 'age-16': '年满16周岁', 'age-18': '年满18周岁' } as const;
const stateZh = { upcoming: '尚未到期', due: '待平台开启', opened: '已开启', covered: '已有同类事项在办' } as const;
const comingOfAgeZh = { 'assessment-due': '待能力评估', placing: '安置办理中', discharged: '已安置离院' } as const;

const opensZh = (c: ChildView['clocks'][number]) => (c.opens === 'workflow' ? '成年安置（能力评估与安置计划）' : titleOf(c.rule));

export function Clocks(p: { clocks: ChildView['clocks']; comingOfAge?: ChildView['comingOfAge'] }) {
  if (p.clocks.length === 0 && !p.comingOfAge) return null;
  const c = p.comingOfAge;
  return (
    <section class="panel" aria-labelledby="clocks-title">
      <h2 id="clocks-title">成长节点</h2>
      {c && (
        <p>
          成年安置：{comingOfAgeZh[c.status]}（{dateZh(c.openedOn)}开启，{dateZh(c.comesOfAgeOn)}年满18周岁
          {c.dischargedOn ? `，${dateZh(c.dischargedOn)}安置离院` : ''}）
        </p>
      )}
      {p.clocks.length > 0 && (
        <div class="scroll">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">节点</th>
                <th scope="col">日期</th>
                <th scope="col">平台将开启</th>
                <th scope="col">开启时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {p.clocks.map((k) => (
                <tr>
                  <td data-label="节点">{eventZh[k.event]}</td>
                  <td data-label="日期">{dateZh(k.eventOn)}</td>
                  <td data-label="平台将开启">{k.taskId ? <a href={`#task-${k.taskId}`}>{opensZh(k)}</a> : opensZh(k)}</td>
                  <td data-label="开启时间">{k.openedOn ? dateZh(k.openedOn) : `${dateZh(k.opensOn)}起`}</td>
                  <td data-label="状态">{stateZh[k.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
