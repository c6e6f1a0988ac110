// Institutions: their duties (rehab-point certification, fire-safety inspections) and who is in their care.
import { OpenInstitutionTaskRequest } from '../../../contracts/api/requests.ts';
import { assertCanRead, assertStaffOf, notFound, requireReader } from '../../auth/scope.ts';
import { findInstitution } from '../../cases/institutions.ts';
import { buildTaskItems } from '../../cases/open-tasks.ts';
import { scheduleDuty } from '../../cases/recurring.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { ConflictError } from '../../lib/errors.ts';
import { isTerminal } from '../../state/lifecycle.ts';
import { childrenOfInstitution, queryOwner } from '../../state/queries.ts';
import { putAllNew } from '../../state/tasks.ts';
import { taskView } from '../../state/views.ts';
import { parseBody, recordedBy, requirePrincipal, type Request, type Routes } from '../http.ts';
import { clock } from '../../lib/clock.ts';

/** Institutions are public (the seed list): an unknown one is a 404, another's a 403. */
export function institutionOf(req: Request) {
  const inst = findInstitution(req.params.institutionId!);
  if (!inst) throw notFound('institution', req.params.institutionId!);
  return inst;
}

export const institutionRoutes = {
  'GET /v1/institutions/{institutionId}': async (req) => {
    const principal = requireReader(requirePrincipal(req));
    const institution = institutionOf(req);
    assertCanRead(principal, institution);
    const items = await queryOwner(institution.institutionId);
    const tasks = items.filter((i) => i.entity === 'task');
    const schedules = items.filter((i) => i.entity === 'schedule').map(
      ({ type, everyMonths, nextDueOn, input }) => ({ type, everyMonths, nextDueOn, input }),
    );
    return {
      status: 200,
      body: { institution, tasks: tasks.map(taskView), schedules, children: await childrenOfInstitution(institution.institutionId) },
    };
  },

  'POST /v1/institutions/{institutionId}/tasks': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(OpenInstitutionTaskRequest, req.body);
    const institution = institutionOf(req);
    assertStaffOf(principal, institution.institutionId);
    const existing = (await queryOwner(institution.institutionId)).filter((i) => i.entity === 'task');
    const open = existing.find((t) => t.type === body.type && !isTerminal(t.status));
    if (open) throw new ConflictError(`task ${open.taskId} of type ${body.type} is still ${open.status} for this institution`);
    const now = clock.now();
    const [task] = buildTaskItems({ institution }, [body], recordedBy(req, principal), now);
    await putAllNew([task!]);
    const schedule = body.recurEveryMonths
      ? await scheduleDuty(institution.institutionId, body.type, body.input ?? {}, body.recurEveryMonths, now)
      : undefined;
    await sendTasks([task!], now);
    return {
      status: 201,
      body: { ...taskView(task!), ...(schedule ? { recurs: { everyMonths: schedule.everyMonths, nextDueOn: schedule.nextDueOn } } : {}) },
    };
  },
} satisfies Routes;
