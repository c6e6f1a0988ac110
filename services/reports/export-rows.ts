// The progress report as tables with Chinese headers: one per section, numbers as numbers, and the evidence (the ids
// behind every figure). The XLSX and CSV exports (export.ts) are built from these rows. Pure.
import type { Figure, ProgressReport } from '../../contracts/api/reports.ts';

export interface Table {
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const CERT_ZH = { none: '未申请', pending: '认定中', certified: '已认定', 'not-certified': '未通过', expired: '已过期' } as const;


const institutionFigures: [string, (i: ProgressReport['institutions'][number]) => Figure][] = [
  ['在院儿童', (i) => i.inCare],
  ['新入院', (i) => i.admissions],
  ['移交接收', (i) => i.transfersIn],
  ['移交送出', (i) => i.transfersOut],
  ['年满十八周岁', (i) => i.comingOfAge],
];
const transferFigures: [string, (t: ProgressReport['transfers']) => Figure][] = [
  ['移交完成', (t) => t.received],
  ['移交未完成', (t) => t.pending],
  ['应移送未移送', (t) => t.notSent],
  ['应接收未接收', (t) => t.sentNotReceived],
  ['委托照料应探访', (t) => t.entrustedVisitsDue],
  ['委托照料逾期未探访', (t) => t.entrustedVisitsMissed],
];
const taskFigures: [string, (t: ProgressReport['tasks'][number]) => Figure][] = [
  ['发起', (t) => t.opened],
  ['办结', (t) => t.completed],
  ['退回', (t) => t.rejected],
  ['失败', (t) => t.failed],
  ['撤销', (t) => t.cancelled],
  ['未办结', (t) => t.open],
  ['当前逾期', (t) => t.overdueNow],
  ['期内曾逾期', (t) => t.overdueInPeriod],
];

export function reportTables(r: ProgressReport): Table[] {
  const evidence: Table['rows'] = [];
  const note = (section: string, subject: string, label: string, f: Figure) => {
    for (const id of f.ids) evidence.push([section, subject, label, id]);
    return f.count;
  };
  const institutions: Table = {
    name: '机构',
    headers: ['机构编码', '机构名称', ...institutionFigures.map(([l]) => l), '康复定点认定', '认定有效期至', '最近消防检查', '未整改隐患', '其中重大隐患'],
    rows: r.institutions.map((i) => [
      i.institutionId,
      i.name,
      ...institutionFigures.map(([l, f]) => note('机构', i.institutionId, l, f(i))),
      CERT_ZH[i.rehabCertification.status],
      i.rehabCertification.validUntil ?? null,
      i.fireInspection.inspectedOn ?? null,
      i.fireInspection.openHazards,
      i.fireInspection.majorHazards,
    ]),
  };
  const transfers: Table = {
    name: '移交',
    headers: ['指标', '人数'],
    rows: transferFigures.map(([l, f]) => [l, note('移交', r.cityCode, l, f(r.transfers))]),
  };
  const tasks: Table = {
    name: '任务',
    headers: ['任务类型', '部门', ...taskFigures.map(([l]) => l), '办理用时中位数(工作日)', '办理用时90百分位(工作日)'],
    rows: r.tasks.map((t) => [
      t.type,
      t.department,
      ...taskFigures.map(([l, f]) => note('任务', t.type, l, f(t))),
      t.medianWorkingDays,
      t.p90WorkingDays,
    ]),
  };
  return [institutions, transfers, tasks, { name: '证据', headers: ['部分', '对象', '指标', '编号'], rows: evidence }];
}

/** One long table of every figure (section, subject, measure, count, ids), for the CSV. */
export function figureRows(r: ProgressReport): Table {
  const rows: Table['rows'] = [];
  const add = (section: string, subject: string, label: string, f: Figure) => rows.push([section, subject, label, f.count, f.ids.join(' ')]);
  for (const i of r.institutions) for (const [l, f] of institutionFigures) add('机构', i.institutionId, l, f(i));
  for (const [l, f] of transferFigures) add('移交', r.cityCode, l, f(r.transfers));
  for (const t of r.tasks) for (const [l, f] of taskFigures) add('任务', t.type, l, f(t));
  return { name: '进展情况', headers: ['部分', '对象', '指标', '数值', '证据编号'], rows };
}
