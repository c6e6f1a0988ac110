// 统计概览 for supervisors: a city's tasks by department, by task type and status, overdue and escalations
// (GET /v1/cities/{cityCode}/overview). The regional supervisor picks a city, or the whole region: the 14 cities'
// overviews added up.
import { useLocation } from 'preact-iso';
import type { CityOverview } from '../../../../contracts/api/supervision.ts';
import { taskStatuses } from '../../../../contracts/api/views.ts';
import { REGION_CODE } from '../../../auth/principal.ts';
import { guangxiCities } from '../../../seed/institutions.ts';
import { api } from '../api.ts';
import { Page, useLoad } from '../components/bits.tsx';
import { CityPicker } from '../components/city-picker.tsx';
import { dateTimeZh } from '../format.ts';
import { statusZh } from '../i18n/status.ts';
import { cityZh } from '../i18n/supervision.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

type Row<K extends 'byDepartment' | 'byType'> = CityOverview[K][number];

/** The region's overview: every city's figures added up, by department and by task type. */
function addUp(all: CityOverview[]): CityOverview {
  const departments = new Map<string, Row<'byDepartment'>>();
  const types = new Map<string, Row<'byType'>>();
  for (const o of all) {
    for (const d of o.byDepartment) {
      const s = departments.get(d.department) ?? { department: d.department, open: 0, overdue: 0, total: 0 };
      departments.set(d.department, { ...s, open: s.open + d.open, overdue: s.overdue + d.overdue, total: s.total + d.total });
    }
    for (const t of o.byType) {
      const s = types.get(t.type) ?? { type: t.type, department: t.department, byStatus: {}, overdue: 0 };
      const byStatus = { ...s.byStatus };
      for (const [k, n] of Object.entries(t.byStatus) as [keyof typeof byStatus, number][]) byStatus[k] = (byStatus[k] ?? 0) + n;
      types.set(t.type, { ...s, byStatus, overdue: s.overdue + t.overdue });
    }
  }
  const sum = (f: (o: CityOverview) => number) => all.reduce((n, o) => n + f(o), 0);
  return {
    cityCode: REGION_CODE,
    asOf: all[0]!.asOf,
    children: sum((o) => o.children),
    byDepartment: [...departments.values()].sort((a, b) => a.department.localeCompare(b.department)),
    byType: [...types.values()].sort((a, b) => a.type.localeCompare(b.type)),
    overdue: sum((o) => o.overdue),
    escalations: { open: sum((o) => o.escalations.open), acknowledged: sum((o) => o.escalations.acknowledged) },
  };
}

const overviewOf = (city: string) => api<CityOverview>('GET', `/cities/${city}/overview`);

export default function Overview() {
  const me = currentSession()!.me;
  const { query, route } = useLocation();
  const region = me.cityCode === REGION_CODE;
  const city = region ? (query.city ?? REGION_CODE) : me.cityCode!;
  const { data, error } = useLoad(
    () => (city === REGION_CODE ? Promise.all(guangxiCities.map((c) => overviewOf(c.code))).then(addUp) : overviewOf(city)),
    [city],
  );
  const shown = taskStatuses.filter((s) => data?.byType.some((t) => t.byStatus[s]));
  return (
    <Page title={`${cityZh(city)}统计概览`} error={error} loading={!data && !error}>
      {region && <CityPicker id="overview-city" value={city} onChange={(c) => route(`/supervision?city=${c}`)} />}
      {data && (
        <>
          <p class="muted">统计时间：{dateTimeZh(data.asOf)}</p>
          <dl class="panel facts" aria-label="总体情况">
            <dt>在院儿童</dt>
            <dd>{data.children}名</dd>
            <dt>逾期事项</dt>
            <dd class={data.overdue ? 'late' : undefined}>{data.overdue}项</dd>
            <dt>督办提醒</dt>
            <dd>
              待确认{data.escalations.open}项，已确认{data.escalations.acknowledged}项
            </dd>
          </dl>
          <h2>按部门</h2>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">事项总数</th>
                <th scope="col">办理中</th>
                <th scope="col">已逾期</th>
              </tr>
            </thead>
            <tbody>
              {data.byDepartment.map((d) => (
                <tr>
                  <th scope="row" data-label="部门">{departmentName(d.department)}</th>
                  <td data-label="事项总数">{d.total}</td>
                  <td data-label="办理中">{d.open}</td>
                  <td data-label="已逾期" class={d.overdue ? 'late' : undefined}>{d.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>按事项类型和状态</h2>
          <div class="scroll">
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  {shown.map((s) => (
                    <th scope="col">{statusZh[s]}</th>
                  ))}
                  <th scope="col">已逾期</th>
                </tr>
              </thead>
              <tbody>
                {data.byType.map((t) => (
                  <tr>
                    <th scope="row" data-label="事项">
                      {departmentName(t.department)} · {titleOf(t.type)}
                    </th>
                    {shown.map((s) => (
                      <td data-label={statusZh[s]}>{t.byStatus[s] ?? 0}</td>
                    ))}
                    <td data-label="已逾期" class={t.overdue ? 'late' : undefined}>{t.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.byType.length === 0 && <p class="panel">暂无事项。</p>}
          <p>
            <a href={`/supervision/overdue${region ? `?city=${city === REGION_CODE ? '450100' : city}` : ''}`}>查看逾期清单</a>
          </p>
        </>
      )}
    </Page>
  );
}
