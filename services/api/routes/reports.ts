// The progress report (GET /v1/reports/progress) and its submission (POST /v1/reports/progress/submit): a city's
// supervisor, or the region's for any city or the whole region. docs/decisions/0018-supervision-reports.md.
import { clock } from '../../lib/clock.ts';
import { ReportQuery, SubmitReportRequest } from '../../../contracts/api/reports.ts';
import { assertSupervises } from '../../auth/scope.ts';
import { isCityCode, REGION_CODE } from '../../auth/principal.ts';
import { ForbiddenError, ValidationError } from '../../lib/errors.ts';
import { liveReport } from '../../reports/live.ts';
import { putSubmitted, storedVersions } from '../../state/reports.ts';
import { parseBody, recordedBy, requirePrincipal, type Routes } from '../http.ts';

function checkCity(city: string, path: string, regionAllowed: boolean): void {
  if (!isCityCode(city) && !(regionAllowed && city === REGION_CODE)) {
    throw new ValidationError([{ path, message: `not one of the region's 14 city codes${regionAllowed ? ' or 450000' : ''}` }]);
  }
}

export const reportRoutes = {
  'GET /v1/reports/progress': async (req) => {
    const principal = requirePrincipal(req);
    const q = parseBody(ReportQuery, req.query, 'query');
    checkCity(q.city, 'query.city', true);
    assertSupervises(principal, q.city);
    const [live, stored] = await Promise.all([liveReport(q.city, q.period), storedVersions(q.city, q.period)]);
    const body = { live, ...stored };
    if (q.format === 'csv' || q.format === 'xlsx') {
      // Loaded on the first export only: the spreadsheet library is most of this function's bundle.
      const { exportReport } = await import('../../reports/export.ts');
      return { status: 200, body, file: await exportReport(live, q.format) };
    }
    return { status: 200, body };
  },
  'POST /v1/reports/progress/submit': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(SubmitReportRequest, req.body);
    checkCity(body.city, 'city', false);
    const supervisor = assertSupervises(principal, body.city);
    if (supervisor.cityCode !== body.city) throw new ForbiddenError('only the city\'s own supervisor submits its report');
    const version = { ...recordedBy(req, principal), submittedAt: clock.now().toISOString(), report: await liveReport(body.city, body.period) };
    await putSubmitted(body.city, body.period, version);
    return { status: 201, body: version };
  },
} satisfies Routes;
