// The incident view (GET /v1/incidents): the failed tasks in the caller's scope. One Query of the inbox index per
// department for its `failed` tasks (the index holds the institution, so out-of-scope tasks are dropped before any
// further read), then the task items in scope for their reason and history. Failed tasks are the exception, so
// this reads little even region-wide; the dead-letter queues are not read here: a parked task is `failed` in the
// table with the reason, and resuming it sends a fresh message (`hub redrive` later drops the stale one).
import { IncidentsQuery, type Incident } from '../../../contracts/api/incidents.ts';
import { canRead, notFound, requireReader, assertCanRead, type Reader } from '../../auth/scope.ts';
import { isCityCode, REGION_CODE } from '../../auth/principal.ts';
import { findInstitution } from '../../cases/institutions.ts';
import { isParked } from '../../dispatch/failure.ts';
import { ForbiddenError, ValidationError } from '../../lib/errors.ts';
import { allInbox } from '../../state/queries.ts';
import { getTask, type TaskItem } from '../../state/tasks.ts';
import { departments, findDepartment } from '../../topology/departments.ts';
import { parseBody, requirePrincipal, type Routes } from '../http.ts';

const MAX_ITEMS = 200;
const outsideScope = () => new ForbiddenError('staff read their own institution, supervisors their own city');

/** Which institutions' tasks the caller asks for, within what it may read: a 403 for a scope it may not. */
function scopeFilter(p: Reader, q: IncidentsQuery): (t: { institutionId: string; cityCode: string }) => boolean {
  if (q.cityCode !== undefined) {
    if (!isCityCode(q.cityCode)) throw new ValidationError([{ path: 'query.cityCode', message: 'not a city of the region' }]);
    if (p.kind === 'staff' || (p.cityCode !== REGION_CODE && p.cityCode !== q.cityCode)) throw outsideScope();
  }
  if (q.institutionId !== undefined) {
    const institution = findInstitution(q.institutionId);
    if (!institution) throw notFound('institution', q.institutionId);
    assertCanRead(p, institution);
  }
  return (t) =>
    canRead(p, t) && (q.institutionId === undefined || t.institutionId === q.institutionId) && (q.cityCode === undefined || t.cityCode === q.cityCode);
}

function incidentOf(t: TaskItem): Incident {
  const failed = t.history.findLast((h) => h.to === 'failed');
  return {
    taskId: t.taskId,
    type: t.type,
    department: t.department,
    subjectId: t.subjectId,
    institutionId: t.institutionId,
    cityCode: t.cityCode,
    deadline: t.deadline,
    overdue: t.overdue,
    reason: t.statusReason ?? failed?.reason ?? '',
    failedAt: failed?.at ?? t.updatedAt,
    parked: isParked(t.statusReason),
  };
}

export const incidentRoutes = {
  'GET /v1/incidents': async (req) => {
    const principal = requireReader(requirePrincipal(req));
    const q = parseBody(IncidentsQuery, req.query, 'query');
    if (q.department !== undefined && !findDepartment(q.department)) throw notFound('department', q.department);
    const inScope = scopeFilter(principal, q);
    const codes = q.department ? [q.department] : departments.map((d) => d.code);
    const indexed = (await Promise.all(codes.map((code) => allInbox(code, 'failed')))).flat();
    // The index carries the institution, not the city: the city is the institution's (the seed list).
    const candidates = indexed.filter((t) => inScope({ institutionId: t.institutionId, cityCode: findInstitution(t.institutionId)?.cityCode ?? '' }));
    const tasks = await Promise.all(candidates.map((t) => getTask(t.taskId)));
    const items = tasks
      .filter((t): t is TaskItem => t !== undefined && t.status === 'failed' && inScope(t))
      .map(incidentOf)
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
    return { status: 200, body: { items: items.slice(0, MAX_ITEMS), truncated: items.length > MAX_ITEMS } };
  },
} satisfies Routes;
