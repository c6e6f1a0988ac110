// 逾期督办: a city's overdue tasks, oldest deadline first, paged (GET /v1/cities/{cityCode}/overdue): how many working
// days late, whose move it is (the department, or the institution while an information request waits on it) and
// how far it was escalated; below, the escalations this supervisor received, to acknowledge with a note.
import { useLocation } from 'preact-iso';
import type { OverduePage } from '../../../../contracts/api/supervision.ts';
import { REGION_CODE } from '../../../auth/principal.ts';
import { findInstitution } from '../../../cases/institutions.ts';
import { Page, Pager, StatusBadge, usePaged } from '../components/bits.tsx';
import { CityPicker } from '../components/city-picker.tsx';
import { Escalations } from '../components/escalations.tsx';
import { dateZh } from '../format.ts';
import { cityZh, escalationLevelZh, waitingOnZh } from '../i18n/supervision.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

const PAGE = 20;

export default function Overdue() {
  const me = currentSession()!.me;
  const { query, route } = useLocation();
  const region = me.cityCode === REGION_CODE;
  // The list is a city's; the regional supervisor looks at one city at a time.
  const city = region ? (query.city && query.city !== REGION_CODE ? query.city : '450100') : me.cityCode!;
  const { data, error, tokens, setTokens } = usePaged<OverduePage>(`/cities/${city}/overdue`, PAGE, [city]);
  return (
    <Page title={`${cityZh(city)}逾期督办`} error={error} loading={!data && !error}>
      {region && (
        <CityPicker
          id="overdue-city"
          value={city}
          region={false}
          onChange={(c) => {
            setTokens([]);
            route(`/supervision/overdue?city=${c}`);
          }}
        />
      )}
      {data && data.items.length === 0 && <p class="panel">暂无逾期事项。</p>}
      {data && data.items.length > 0 && (
        <table class="cards">
          <caption class="count">
            共{data.total}项逾期，第{data.first}至{data.first + data.items.length - 1}项，按办理期限从早到晚
          </caption>
          <thead>
            <tr>
              <th scope="col">事项</th>
              <th scope="col">对象</th>
              <th scope="col">机构</th>
              <th scope="col">办理期限</th>
              <th scope="col">逾期</th>
              <th scope="col">待谁办理</th>
              <th scope="col">督办</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((t) => (
              <tr data-task={t.taskId}>
                <td data-label="事项">
                  {departmentName(t.department)} · {titleOf(t.type)} <StatusBadge status={t.status} />
                </td>
                <td data-label="对象">{t.subjectId.startsWith('CH') ? <a href={`/children/${t.subjectId}`}>{t.subjectId}</a> : findInstitution(t.subjectId)?.name ?? t.subjectId}</td>
                <td data-label="机构">{findInstitution(t.institutionId)?.name ?? t.institutionId}</td>
                <td data-label="办理期限">{dateZh(t.deadline)}</td>
                <td data-label="逾期" class="late nowrap">
                  已逾期{t.workingDaysLate}个工作日
                </td>
                <td data-label="待谁办理">
                  {waitingOnZh[t.waitingOn]}：{t.waitingOn === 'department' ? departmentName(t.department) : findInstitution(t.institutionId)?.name ?? t.institutionId}
                </td>
                <td data-label="督办">{t.escalated ? escalationLevelZh[t.escalated] : '未升级'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <Pager tokens={tokens} setTokens={setTokens} next={data?.nextToken} />
      </div>
      <h2>督办提醒</h2>
      <Escalations />
    </Page>
  );
}
