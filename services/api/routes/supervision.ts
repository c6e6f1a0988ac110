// A city's overview, its overdue list and the escalations a supervisor received (docs/decisions/0018-supervision-reports.md).
import { clock } from '../../lib/clock.ts';
import * as z from 'zod/mini';
import { AcknowledgeEscalationRequest, EscalationsQuery, OverdueQuery, type CityOverview } from '../../../contracts/api/supervision.ts';
import { IsoDateTime, TaskId } from '../../../contracts/common.ts';
import { assertSupervises } from '../../auth/scope.ts';
import { isCityCode, REGION_CODE } from '../../auth/principal.ts';
import { chinaIso } from '../../calendar/china-time.ts';
import { ForbiddenError, ValidationError } from '../../lib/errors.ts';
import { workingDaysLate } from '../../schedules/escalate.ts';
import { institutionsOf } from '../../state/city.ts';
import { cityTasks, overduePage } from '../../state/city-tasks.ts';
import { acknowledgeEscalation, escalationsOf, type EscalationItem } from '../../state/escalations.ts';
import { isTerminal } from '../../state/lifecycle.ts';
import { childrenOfInstitution } from '../../state/queries.ts';
import { strip } from '../../state/views.ts';
import { openPageToken, sealPageToken } from '../paging-token.ts';
import { parseBody, recordedBy, requirePrincipal, type Request, type Routes } from '../http.ts';

function cityOf(req: Request): string {
  const city = req.params.cityCode!;
  if (!isCityCode(city)) throw new ValidationError([{ path: 'path.cityCode', message: 'not one of the region\'s 14 city codes' }]);
  return city;
}

const Position = z.object({ deadline: IsoDateTime, taskId: TaskId });
const escalationView = (e: EscalationItem) => strip(e) as Omit<EscalationItem, 'pk' | 'sk' | 'entity'>;

export const supervisionRoutes = {
  'GET /v1/cities/{cityCode}/overview': async (req) => {
    const city = cityOf(req);
    assertSupervises(requirePrincipal(req), city);
    const now = clock.now();
    const [tasks, children, escalations] = await Promise.all([
      cityTasks(city),
      Promise.all(institutionsOf(city).map((i) => childrenOfInstitution(i.institutionId))),
      escalationsOf(city),
    ]);
    const late = (t: (typeof tasks)[number]) => !isTerminal(t.status) && Date.parse(t.deadline) < now.getTime();
    const byDepartment = new Map<string, CityOverview['byDepartment'][number]>();
    const byType = new Map<string, CityOverview['byType'][number]>();
    for (const t of tasks) {
      const d = byDepartment.get(t.department) ?? { department: t.department, open: 0, overdue: 0, total: 0 };
      d.total++;
      if (!isTerminal(t.status)) d.open++;
      if (late(t)) d.overdue++;
      byDepartment.set(t.department, d);
      const k = byType.get(t.type) ?? { type: t.type, department: t.department, byStatus: {}, overdue: 0 };
      k.byStatus[t.status] = (k.byStatus[t.status] ?? 0) + 1;
      if (late(t)) k.overdue++;
      byType.set(t.type, k);
    }
    const body: CityOverview = {
      cityCode: city,
      asOf: now.toISOString(),
      children: new Set(children.flat().map((c) => c.childId)).size,
      byDepartment: [...byDepartment.values()].sort((a, b) => a.department.localeCompare(b.department)),
      byType: [...byType.values()].sort((a, b) => a.type.localeCompare(b.type)),
      overdue: tasks.filter(late).length,
      escalations: { open: escalations.filter((e) => e.status === 'open').length, acknowledged: escalations.filter((e) => e.status === 'acknowledged').length },
    };
    return { status: 200, body };
  },
  'GET /v1/cities/{cityCode}/overdue': async (req) => {
    const city = cityOf(req);
    const principal = assertSupervises(requirePrincipal(req), city);
    const q = parseBody(OverdueQuery, req.query, 'query');
    const binding = { principal: `supervisor:${principal.cityCode}`, department: `city:${city}`, status: 'overdue' };
    let after: z.infer<typeof Position> | undefined;
    if (q.nextToken) {
      const opened = Position.safeParse(await openPageToken(q.nextToken, binding));
      if (!opened.success) throw new ValidationError([{ path: 'query.nextToken', message: 'not a token this API returned for this caller and city' }]);
      after = opened.data;
    }
    const now = clock.now();
    const page = await overduePage(city, chinaIso(now), q.limit ?? 50, after);
    // The city's escalations live under the city, those raised to the region under 450000 (all cities'): the
    // highest level a task reached is the one the list names.
    const [toCity, toRegion] = await Promise.all([escalationsOf(city), escalationsOf(REGION_CODE)]);
    const escalated = new Map<string, 'city' | 'region'>(toCity.map((e) => [e.taskId, 'city']));
    for (const e of toRegion) if (e.cityCode === city) escalated.set(e.taskId, 'region');
    const items = page.items.map((t) => ({
      taskId: t.taskId,
      type: t.type,
      department: t.department,
      subjectId: t.subjectId,
      institutionId: t.institutionId,
      status: t.status,
      deadline: t.deadline,
      workingDaysLate: workingDaysLate(t.deadline, now),
      waitingOn: t.status === 'information-needed' ? ('institution' as const) : ('department' as const),
      ...(escalated.has(t.taskId) ? { escalated: escalated.get(t.taskId)! } : {}),
    }));
    const last = page.items.at(-1);
    const nextToken = page.more && last ? await sealPageToken({ deadline: last.deadline, taskId: last.taskId }, binding) : undefined;
    return { status: 200, body: { items, total: page.total, ...(nextToken ? { nextToken } : {}) } };
  },
  'GET /v1/escalations': async (req) => {
    const principal = requirePrincipal(req);
    if (principal.kind !== 'supervisor') throw new ForbiddenError('only supervisors receive escalations');
    const q = parseBody(EscalationsQuery, req.query, 'query');
    const items = (await escalationsOf(principal.cityCode))
      .filter((e) => !q.status || e.status === q.status)
      .sort((a, b) => b.escalatedAt.localeCompare(a.escalatedAt))
      .map(escalationView);
    return { status: 200, body: { items } };
  },
  'POST /v1/escalations/{escalationId}/acknowledge': async (req) => {
    const principal = requirePrincipal(req);
    if (principal.kind !== 'supervisor') throw new ForbiddenError('only supervisors acknowledge escalations');
    const body = parseBody(AcknowledgeEscalationRequest, req.body);
    const done = await acknowledgeEscalation(principal.cityCode, req.params.escalationId!, body.note, recordedBy(req, principal), clock.now());
    return { status: 200, body: escalationView(done) };
  },
} satisfies Routes;
