// The progress report's figures as tables. Every count is a button that lists the children or tasks behind it
// (the report's evidence ids), so a supervisor who doubts a number sees exactly what was counted.
import type { Figure, InstitutionSection, ProgressReport } from '../../../../contracts/api/reports.ts';
import { dateZh } from '../format.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';

export interface Evidence {
  what: string;
  ids: string[];
}

type Show = (e: Evidence) => void;

const certificationZh: Record<InstitutionSection['rehabCertification']['status'], string> = {
  none: '未申请',
  pending: '认定中',
  certified: '已认定',
  'not-certified': '未通过',
  expired: '已过期',
};

function Count(p: { figure: Figure; what: string; show: Show }) {
  if (p.figure.count === 0) return <>0</>;
  return (
    <button type="button" class="figure" aria-label={`${p.what}：${p.figure.count}，查看明细`} onClick={() => p.show({ what: p.what, ids: p.figure.ids })}>
      {p.figure.count}
    </button>
  );
}

function Table<T>(p: { caption: string; head: string[]; rows: T[]; name: (r: T) => string; cells: (r: T) => (Figure | string)[]; show: Show }) {
  return (
    <div class="scroll">
      <table class="cards">
        <caption class="count">{p.caption}</caption>
        <thead>
          <tr>
            {p.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row" data-label={p.head[0]}>
                {p.name(r)}
              </th>
              {p.cells(r).map((c, i) => (
                <td data-label={p.head[i + 1]}>{typeof c === 'string' ? c : <Count figure={c} what={`${p.name(r)} · ${p.head[i + 1]}`} show={p.show} />}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const days = (d: number | null) => (d === null ? '—' : `${d}个工作日`);

export function ReportTables(p: { report: ProgressReport; show: Show }) {
  const r = p.report;
  const t = r.transfers;
  return (
    <>
      <h2>机构情况</h2>
      <Table
        caption={`${r.institutions.length}家机构`}
        head={['机构', '在院儿童', '新入院', '移交转入', '移交转出', '成年安置', '康复点认定', '最近消防检查', '未整改隐患']}
        rows={r.institutions}
        name={(i) => i.name}
        cells={(i) => [
          i.inCare,
          i.admissions,
          i.transfersIn,
          i.transfersOut,
          i.comingOfAge,
          `${certificationZh[i.rehabCertification.status]}${i.rehabCertification.validUntil ? `（至${dateZh(i.rehabCertification.validUntil)}）` : ''}`,
          dateZh(i.fireInspection.inspectedOn),
          `${i.fireInspection.openHazards}${i.fireInspection.majorHazards ? `（重大${i.fireInspection.majorHazards}）` : ''}`,
        ]}
        show={p.show}
      />
      <h2>移交情况</h2>
      <Table
        caption="县级未成年人救助保护机构向市儿童福利院移交"
        head={['项目', '移交完成', '移交中', '应移送未移送', '应接收未接收', '委托照料应探视', '委托照料探视逾期']}
        rows={[t]}
        name={() => '移交儿童'}
        cells={() => [t.received, t.pending, t.notSent, t.sentNotReceived, t.entrustedVisitsDue, t.entrustedVisitsMissed]}
        show={p.show}
      />
      <h2>部门办理情况</h2>
      <Table
        caption="本期发起、办结及期末在办的事项"
        head={['事项', '发起', '办结', '退回', '投递失败', '撤销', '在办', '办结用时中位数', '办结用时90%分位', '期末逾期', '期间曾逾期']}
        rows={r.tasks}
        name={(s) => `${departmentName(s.department)} · ${titleOf(s.type)}`}
        cells={(s) => [s.opened, s.completed, s.rejected, s.failed, s.cancelled, s.open, days(s.medianWorkingDays), days(s.p90WorkingDays), s.overdueNow, s.overdueInPeriod]}
        show={p.show}
      />
    </>
  );
}
