// 进展报告: the semi-annual progress report of a city (or, for the regional supervisor, of the whole region) for a
// period (GET /v1/reports/progress), its figures in tables with their evidence, a chart, the XLSX and CSV exports
// the API writes, and for the city's own supervisor 报送 (POST /v1/reports/progress/submit, once per period).
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Period, type ProgressReportAnswer, type SubmittedReport } from '../../../../contracts/api/reports.ts';
import { actorName } from '../../../auth/describe.ts';
import { REGION_CODE } from '../../../auth/principal.ts';
import { ApiError, api, download, refusalText } from '../api.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { Page, useLoad } from '../components/bits.tsx';
import { CityPicker } from '../components/city-picker.tsx';
import { ReportTables, type Evidence } from '../components/report-tables.tsx';
import { dateTimeZh, dateZh } from '../format.ts';
import { cityZh, periodZh, recentPeriods, reportFileName } from '../i18n/supervision.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { currentSession } from '../session.ts';

function EvidenceList(p: { evidence: Evidence; close: () => void }) {
  // Opened by a figure's button: the focus moves to the list, once per figure opened.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), [p.evidence]);
  return (
    <section class="panel" aria-label="明细" tabIndex={-1} ref={panel}>
      <h3>
        {p.evidence.what}：{p.evidence.ids.length}项
      </h3>
      <ul>
        {p.evidence.ids.map((id) => (
          <li>{/^CH[^.]*$/.test(id) ? <a href={`/children/${id}`}>{id}</a> : id}</li>
        ))}
      </ul>
      <button type="button" class="link" onClick={p.close}>
        收起明细
      </button>
    </section>
  );
}

export default function Report() {
  const me = currentSession()!.me;
  const { query, route } = useLocation();
  const periods = recentPeriods();
  const city = query.city ?? me.cityCode!;
  const period = Period.safeParse(query.period).success ? query.period! : periods[0]!;
  const own = city === me.cityCode && city !== REGION_CODE;
  const [evidence, setEvidence] = useState<Evidence>();
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const [frozen, setFrozen] = useState(false);
  const path = `/reports/progress?city=${city}&period=${period}`;
  const { data, error, setData } = useLoad(() => api<ProgressReportAnswer>('GET', path), [path]);
  const go = (c: string, p: string) => {
    setEvidence(undefined);
    setFrozen(false);
    setSaid(undefined);
    route(`/reports/progress?city=${c}&period=${p}`);
  };
  const refused = error instanceof ApiError && error.status === 403;

  const save = (format: 'xlsx' | 'csv') =>
    download(`${path}&format=${format}`, reportFileName(city, period, format)).catch((e) => setSaid({ ok: false, text: refusalText(e) }));
  const submit = async () => {
    setBusy(true);
    try {
      const submitted = await api<SubmittedReport>('POST', '/reports/progress/submit', { city, period });
      setData({ ...data!, submitted });
      setSaid({ ok: true, text: `已报送自治区民政厅（${dateTimeZh(submitted.submittedAt)}）。` });
    } catch (e) {
      setSaid({ ok: false, text: e instanceof ApiError && e.status === 409 ? '本期报告已经报送，不能重复报送。' : refusalText(e) });
    }
    setBusy(false);
  };

  const live = data?.live;
  // The version submitted stays readable exactly as it was, beside the live figures.
  const shown = frozen && data?.submitted ? data.submitted.report : live;
  return (
    <Page title={`${cityZh(city)}${periodZh(period)}工作进展报告`} error={refused ? undefined : error} loading={!data && !error}>
      {refused ? (
        <p class="error" role="alert">
          您无权查看{cityZh(city)}的进展报告。
        </p>
      ) : (
        live && (
          <>
            <div class="grid filters">
              {me.cityCode === REGION_CODE && <CityPicker id="report-city" value={city} onChange={(c) => go(c, period)} />}
              <div class="field">
                <label for="report-period">报告期</label>
                <select id="report-period" value={period} onChange={(e) => go(city, e.currentTarget.value)}>
                  {[...new Set([period, ...periods])].map((p) => (
                    <option value={p}>{periodZh(p)}</option>
                  ))}
                </select>
              </div>
            </div>
            <p class="muted">
              统计期间：{dateZh(live.from)}至{dateZh(live.to)}；数据截至{dateTimeZh(live.asOf)}。点击数字可查看对应的儿童或事项。
            </p>
            {data.draft && !data.submitted && <p class="notice">本期报告已生成草稿，请于{dateZh(data.draft.dueOn)}前报送。</p>}
            {data.submitted && (
              <>
                <p class="success">
                  已由{actorName(data.submitted)}于{dateTimeZh(data.submitted.submittedAt)}报送，报送版本保持不变。
                </p>
                <fieldset class="choices">
                  <legend>显示</legend>
                  <label class="check">
                    <input type="radio" name="report-version" checked={!frozen} onChange={() => setFrozen(false)} />
                    实时数据
                  </label>
                  <label class="check">
                    <input type="radio" name="report-version" checked={frozen} onChange={() => setFrozen(true)} />
                    报送版本（数据截至{dateTimeZh(data.submitted.report.asOf)}）
                  </label>
                </fieldset>
              </>
            )}
            <div class="actions">
              <button type="button" class="secondary" onClick={() => save('xlsx')}>
                下载Excel（XLSX）
              </button>
              <button type="button" class="secondary" onClick={() => save('csv')}>
                下载CSV
              </button>
              <span class="muted">下载的是实时数据。</span>
              {own && (
                <button type="button" class="primary" disabled={busy} onClick={submit}>
                  报送本期报告
                </button>
              )}
            </div>
            {said && (
              <p class={said.ok ? 'success' : 'error'} role={said.ok ? 'status' : 'alert'}>
                {said.text}
              </p>
            )}
            {evidence && <EvidenceList evidence={evidence} close={() => setEvidence(undefined)} />}
            <h2>各部门事项办理</h2>
            <BarChart
              title="本期各类事项的发起、办结和期末逾期数"
              series={['发起', '办结', '逾期']}
              bars={shown!.tasks.map((t) => ({ label: `${departmentName(t.department)}·${titleOf(t.type)}`, values: [t.opened.count, t.completed.count, t.overdueNow.count] }))}
            />
            <ReportTables report={shown!} show={setEvidence} />
          </>
        )
      )}
    </Page>
  );
}
