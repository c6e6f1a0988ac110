// The API welfare staff and supervisors call: admit children, open tasks, read a child's timeline.
import { AdmissionRequest, OpenTaskRequest, SupplyInformationRequest } from '../../contracts/api/requests.ts';
import { ChildId, TaskId } from '../../contracts/common.ts';
import { chinaIso } from '../calendar/working-days.ts';
import { assertCanRead, assertStaffOf } from '../auth/scope.ts';
import { planAdmission } from '../cases/admission.ts';
import { effectiveChild } from '../cases/facts.ts';
import { getInstitution } from '../cases/institutions.ts';
import { buildTaskItems } from '../cases/open-tasks.ts';
import { sendTasks } from '../dispatch/send.ts';
import { resumeTask } from '../operations/redrive.ts';
import { ConflictError, NotFoundError, ValidationError, zodIssues } from '../lib/errors.ts';
import { findTaskType } from '../topology.ts';
import { ownerOfTask } from '../state/keys.ts';
import { logger } from '../lib/logger.ts';
import { formatPrincipal } from '../auth/principal.ts';
import { correctChildFacts, getChildCase, newChildItem } from '../state/children.ts';
import { newChildId } from '../state/keys.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { putAllNew, transitionTask } from '../state/tasks.ts';
import { strip, taskView } from '../state/views.ts';
import { httpApi, parseBody, requirePrincipal, type Request } from './http.ts';

async function loadChild(req: Request) {
  const childId = req.params.childId ?? '';
  if (!ChildId.safeParse(childId).success) throw new NotFoundError(`child ${childId} not found`);
  const found = await getChildCase(childId);
  if (!found) throw new NotFoundError(`child ${childId} not found`);
  return found;
}

export const handler = httpApi({
  'GET /v1/health': async () => ({ status: 200, body: { status: 'ok', time: new Date().toISOString() } }),

  'POST /v1/children': async (req) => {
    const principal = requirePrincipal(req);
    const facts = parseBody(AdmissionRequest, req.body);
    assertStaffOf(principal, facts.institutionId);
    const institution = getInstitution(facts.institutionId);
    const now = new Date();
    const child = { ...facts, childId: newChildId() };
    const by = formatPrincipal(principal);
    const tasks = buildTaskItems({ institution, child }, planAdmission(child), by, now);
    await putAllNew([newChildItem(child, institution, now.toISOString()), ...tasks] as unknown as Record<string, unknown>[]);
    await sendTasks(tasks.filter((t) => t.status === 'dispatched'), now);
    logger.info('child admitted', { childId: child.childId, institutionId: institution.institutionId, tasks: tasks.length });
    return { status: 201, body: { childId: child.childId, tasks: tasks.map(taskView) } };
  },

  'GET /v1/children/{childId}': async (req) => {
    const principal = requirePrincipal(req);
    const { child, tasks } = await loadChild(req);
    assertCanRead(principal, child);
    // The facts as they stand now: what staff recorded plus what departments established since.
    const facts = { ...child, ...effectiveChild(child, tasks) };
    return { status: 200, body: { child: strip(facts as unknown as Record<string, unknown>), tasks: tasks.map(taskView) } };
  },

  'POST /v1/children/{childId}/tasks': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(OpenTaskRequest, req.body);
    const { child, tasks: existing } = await loadChild(req);
    assertStaffOf(principal, child.institutionId);
    const open = existing.find((t) => t.type === body.type && !isTerminal(t.status));
    if (open) throw new ConflictError(`task ${open.taskId} of type ${body.type} is still ${open.status} for this child`);
    const now = new Date();
    const [task] = buildTaskItems({ institution: getInstitution(child.institutionId), child }, [body], formatPrincipal(principal), now);
    await putAllNew([task as unknown as Record<string, unknown>]);
    await sendTasks([task!], now);
    logger.info('task opened', { taskId: task!.taskId, type: task!.type });
    return { status: 201, body: taskView(task!) };
  },

  'POST /v1/tasks/{taskId}/supply-information': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(SupplyInformationRequest, req.body);
    const taskId = req.params.taskId ?? '';
    const owner = TaskId.safeParse(taskId).success ? ownerOfTask(taskId)! : '';
    if (!owner.startsWith('CH')) throw new NotFoundError(`task ${taskId} not found`);
    const found = await getChildCase(owner);
    const task = found?.tasks.find((t) => t.taskId === taskId);
    if (!found || !task) throw new NotFoundError(`task ${taskId} not found`);
    assertStaffOf(principal, task.institutionId);
    if (task.status !== 'information-needed') throw new ConflictError(`task ${taskId} is ${task.status}, not waiting for information`);
    const entry = findTaskType(task.type)!;
    const input = entry.contract.input.safeParse({ ...task.input, ...body.input });
    if (!input.success) throw new ValidationError(zodIssues(input.error, 'input'));
    const child = { ...effectiveChild(found.child, found.tasks), ...body.facts };
    const request = entry.contract.request.safeParse(
      entry.contract.buildRequest({ institution: getInstitution(child.institutionId), child }, input.data),
    );
    if (!request.success) throw new ValidationError(zodIssues(request.error, 'facts'));
    const now = new Date();
    // Corrections are facts of the child, not of this task: every later task sees them too.
    if (body.facts) await correctChildFacts(found.child, body.facts, now.toISOString());
    const fields = [...Object.keys(body.facts ?? {}), ...Object.keys(body.input ?? {}).map((k) => `input.${k}`)];
    const updated = await transitionTask(taskId, {
      action: 'supply-information',
      actor: 'staff',
      by: formatPrincipal(principal),
      reason: `supplied ${fields.join(', ')}: ${body.note}`,
      request: request.data,
      guard: (t) => {
        // The department gets back the time it had left; the wait counts against nobody but the staff.
        const since = Date.parse(t.heldSince ?? now.toISOString());
        const left = Number((t as unknown as { heldRemainingMs?: number }).heldRemainingMs ?? 0);
        return {
          deadline: chinaIso(new Date(now.getTime() + left)),
          extra: { input: input.data, requestVersion: (t.requestVersion ?? 1) + 1, heldSeconds: (t.heldSeconds ?? 0) + Math.round((now.getTime() - since) / 1000) },
          remove: ['missing', 'heldSince', 'heldRemainingMs'],
        };
      },
    }, now);
    await sendTasks([updated], now);
    return { status: 200, body: taskView(updated) };
  },

  'POST /v1/tasks/{taskId}/resume': async (req) => {
    const principal = requirePrincipal(req);
    const taskId = req.params.taskId ?? '';
    if (!TaskId.safeParse(taskId).success) throw new NotFoundError(`task ${taskId} not found`);
    const task = await resumeTask(taskId, formatPrincipal(principal), 'staff', (t) => assertStaffOf(principal, t.institutionId));
    return { status: 200, body: taskView(task) };
  },
});
