// What staff do on a task: supply information a department asked for, resume a failed delivery.
import { SupplyInformationRequest } from '../../../contracts/api/requests.ts';
import { TaskId } from '../../../contracts/common.ts';
import { formatPrincipal } from '../../auth/principal.ts';
import { assertStaffOf } from '../../auth/scope.ts';
import { chinaIso } from '../../calendar/working-days.ts';
import { effectiveChild } from '../../cases/facts.ts';
import { getInstitution } from '../../cases/institutions.ts';
import { taskInput } from '../../cases/open-tasks.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { ConflictError, NotFoundError, ValidationError, zodIssues } from '../../lib/errors.ts';
import { resumeTask } from '../../operations/redrive.ts';
import { correctChildFacts, getChildCase } from '../../state/children.ts';
import { ownerOfTask } from '../../state/keys.ts';
import { transitionTask } from '../../state/tasks.ts';
import { taskView } from '../../state/views.ts';
import { findTaskType } from '../../topology.ts';
import { parseBody, requirePrincipal, type Route } from '../http.ts';

export const taskActionRoutes: Record<string, Route> = {
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
    const entry = findTaskType(task.type, task.contractVersion)!;
    const child = { ...effectiveChild(found.child, found.tasks), ...body.facts };
    const input = entry.contract.input.safeParse(taskInput({ ...task.input, ...body.input }, task.inputFacts, child));
    if (!input.success) throw new ValidationError(zodIssues(input.error, 'input'));
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
};
