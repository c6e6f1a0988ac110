// What staff do on a task: supply information a department asked for, resume a failed delivery. Both follow the
// child's institution as it is now (after a transfer is received, the receiving one), never the institution that
// opened the task; a task outside the caller's institution is answered as an unknown one (docs/security.md).
import { SupplyInformationRequest } from '../../../contracts/api/requests.ts';
import { notFound, requireStaff } from '../../auth/scope.ts';
import { chinaIso } from '../../calendar/china-time.ts';
import { effectiveChild } from '../../cases/facts.ts';
import { getInstitution } from '../../cases/institutions.ts';
import { boundInputIssues, taskInput } from '../../cases/open-tasks.ts';
import { resumeTask } from '../../dispatch/resume.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { ConflictError, ValidationError } from '../../lib/errors.ts';
import { zodIssues } from '../../lib/messages-zh.ts';
import { correctChildFactsWrite, getChild, getChildCase } from '../../state/children.ts';
import { ownerOfTask } from '../../state/keys.ts';
import { transitionTask } from '../../state/transition.ts';
import { taskView } from '../../state/views.ts';
import { findTaskType } from '../../topology/task-types.ts';
import { parseBody, recordedBy, requirePrincipal, type Routes } from '../http.ts';
import { clock } from '../../lib/clock.ts';

/** The institution whose staff act on a task now: the child's current one, or the institution the task is for. */
async function actingInstitution(taskId: string): Promise<string | undefined> {
  const owner = ownerOfTask(taskId)!;
  return owner.startsWith('CH') ? (await getChild(owner))?.institutionId : owner;
}

export const taskActionRoutes = {
  'POST /v1/tasks/{taskId}/supply-information': async (req) => {
    const staff = requireStaff(requirePrincipal(req));
    const body = parseBody(SupplyInformationRequest, req.body);
    const taskId = req.params.taskId!;
    const owner = ownerOfTask(taskId)!;
    const found = owner.startsWith('CH') ? await getChildCase(owner) : undefined;
    const task = found?.tasks.find((t) => t.taskId === taskId);
    if (!found || !task || found.child.institutionId !== staff.institutionId) throw notFound('task', taskId);
    if (task.status !== 'information-needed') throw new ConflictError(`task ${taskId} is ${task.status}, not waiting for information`);
    const entry = findTaskType(task.type, task.contractVersion)!;
    // Where a transfer sends the child is the transfer's; a correction cannot change it.
    const bound = boundInputIssues(entry.contract, body.input, 'input');
    if (bound.length) throw new ValidationError(bound);
    const child = { ...effectiveChild(found.child, found.tasks), ...body.facts };
    const input = entry.contract.input.safeParse(taskInput({ ...task.input, ...body.input }, task.inputFacts, child));
    if (!input.success) throw new ValidationError(zodIssues(input.error, 'input'));
    const request = entry.contract.request.safeParse(
      entry.contract.buildRequest({ institution: getInstitution(child.institutionId), child }, input.data),
    );
    if (!request.success) throw new ValidationError(zodIssues(request.error, 'facts'));
    const now = clock.now();
    // Corrections are facts of the child, not of this task: every later task sees them too. Written with the
    // transition, in one transaction: a refused transition (409) leaves the child's facts as they were.
    const corrections = body.facts ? correctChildFactsWrite(found.child, body.facts, now.toISOString()) : undefined;
    const fields = [...Object.keys(body.facts ?? {}), ...Object.keys(body.input ?? {}).map((k) => `input.${k}`)];
    const updated = await transitionTask(taskId, {
      action: 'supply-information',
      actor: 'staff',
      who: recordedBy(req, staff),
      reason: `supplied ${fields.join(', ')}: ${body.note}`,
      request: request.data,
      ...(corrections ? { with: corrections } : {}),
      guard: (t) => {
        // The department gets back the time it had left; the wait counts against nobody but the staff.
        const since = Date.parse(t.heldSince ?? now.toISOString());
        const left = t.heldRemainingMs ?? 0;
        return {
          deadline: chinaIso(new Date(now.getTime() + left)),
          extra: { input: { ...task.input, ...body.input }, requestVersion: (t.requestVersion ?? 1) + 1, heldSeconds: (t.heldSeconds ?? 0) + Math.round((now.getTime() - since) / 1000) },
          remove: ['missing', 'heldSince', 'heldRemainingMs'],
        };
      },
    }, now);
    await sendTasks([updated], now);
    return { status: 200, body: taskView(updated) };
  },

  'POST /v1/tasks/{taskId}/resume': async (req) => {
    const staff = requireStaff(requirePrincipal(req));
    const taskId = req.params.taskId!;
    if ((await actingInstitution(taskId)) !== staff.institutionId) throw notFound('task', taskId);
    const task = await resumeTask(taskId, recordedBy(req, staff), 'staff');
    return { status: 200, body: taskView(task) };
  },
} satisfies Routes;
