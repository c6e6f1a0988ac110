// Children: admission, a child's timeline, opening a task by hand.
import { AdmissionRequest, OpenTaskRequest } from '../../../contracts/api/requests.ts';
import type { Principal } from '../../auth/principal.ts';
import { noteReads } from '../../audit/reads.ts';
import { assertStaffOf, canRead, notFound, requireReader, requireStaff } from '../../auth/scope.ts';
import { admitChild, futureDates } from '../../cases/admit.ts';
import { effectiveChild } from '../../cases/facts.ts';
import { getInstitution } from '../../cases/institutions.ts';
import { buildTaskItems } from '../../cases/open-tasks.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { chinaDate } from '../../calendar/china-time.ts';
import { ConflictError, ValidationError } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { getChildCase } from '../../state/children.ts';
import { isTerminal } from '../../state/lifecycle.ts';
import { putAllNew } from '../../state/tasks.ts';
import { childView, comingOfAgeView, taskView } from '../../state/views.ts';
import { clocksOf } from '../../cases/clocks.ts';
import { clock } from '../../lib/clock.ts';
import { parseBody, recordedBy, requirePrincipal, type Request, type Routes } from '../http.ts';

/** The child and its tasks, as `principal` may see them: a child outside its scope is answered as an unknown one. */
async function loadChild(req: Request, principal: Principal) {
  const childId = req.params.childId!;
  const found = await getChildCase(childId);
  if (!found || !canRead(principal, found.child)) throw notFound('child', childId);
  return found;
}

export const childRoutes = {
  'POST /v1/children': async (req) => {
    const principal = requirePrincipal(req);
    const facts = parseBody(AdmissionRequest, req.body);
    assertStaffOf(principal, facts.institutionId);
    const future = futureDates(facts, clock.now());
    if (future.fields.length) throw new ValidationError(future.fields.map((f) => ({ path: f, message: `cannot be after today (${future.today})` })));
    const { child, tasks } = await admitChild(facts, recordedBy(req, principal));
    logger.info('child admitted', { childId: child.childId, institutionId: child.institutionId, tasks: tasks.length });
    return { status: 201, body: { childId: child.childId, tasks: tasks.map(taskView) } };
  },

  'GET /v1/children/{childId}': async (req) => {
    const principal = requireReader(requirePrincipal(req));
    const found = await loadChild(req, principal);
    const { child, tasks } = found;
    // The facts as they stand now: what staff recorded plus what departments established since.
    const facts = { ...child, ...effectiveChild(child, tasks) };
    noteReads(req, [child.childId]);
    return {
      status: 200,
      body: {
        child: childView(facts),
        tasks: tasks.map(taskView),
        clocks: clocksOf(found, chinaDate(clock.now())),
        ...(found.comingOfAge ? { comingOfAge: comingOfAgeView(found.comingOfAge) } : {}),
      },
    };
  },

  'POST /v1/children/{childId}/tasks': async (req) => {
    const principal = requireStaff(requirePrincipal(req));
    const body = parseBody(OpenTaskRequest, req.body);
    // Staff see only their own institution's children: seeing the child is owning it.
    const { child, tasks: existing } = await loadChild(req, principal);
    const open = existing.find((t) => t.type === body.type && !isTerminal(t.status));
    if (open) throw new ConflictError(`task ${open.taskId} of type ${body.type} is still ${open.status} for this child`);
    const now = clock.now();
    const [task] = buildTaskItems({ institution: getInstitution(child.institutionId), child }, [body], recordedBy(req, principal), now);
    await putAllNew([task!]);
    await sendTasks([task!], now);
    logger.info('task opened', { taskId: task!.taskId, type: task!.type });
    return { status: 201, body: taskView(task!) };
  },
} satisfies Routes;
