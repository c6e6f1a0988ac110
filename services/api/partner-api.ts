// The API partner departments call: read their inbox, acknowledge, complete or reject their own tasks. Every answer
// is the department's view of its task (DepartmentTaskView), and another department's task is answered as an
// unknown one (docs/security.md).
import {
  AcknowledgeRequest,
  CompleteRequest,
  InboxQuery,
  RejectRequest,
  RequestInformationRequest,
} from '../../contracts/api/requests.ts';
import { deadlineFor } from '../calendar/working-days.ts';
import { formatPrincipal } from '../auth/principal.ts';
import { isDepartmentsTask, notFound, requireDepartment, type Department } from '../auth/scope.ts';
import { ForbiddenError, RuleViolationError, ValidationError } from '../lib/errors.ts';
import { zodIssues } from '../lib/messages-zh.ts';
import { logger } from '../lib/logger.ts';
import { releaseDependents } from '../cases/dependencies.ts';
import { afterTaskEnded } from '../cases/coming-of-age/discharge.ts';
import type { Action } from '../state/lifecycle.ts';
import { queryInbox } from '../state/queries.ts';
import type { TaskItem } from '../state/tasks.ts';
import { transitionTask, type TransitionRequest } from '../state/transition.ts';
import { departmentView } from '../state/views.ts';
import { findDepartment, informationDeadlineWorkingDays } from '../topology/departments.ts';
import { findTaskType } from '../topology/task-types.ts';
import { flushReads, noteReads } from '../audit/reads.ts';
import { httpApi, parseBody, recordedBy, requirePrincipal, type Request } from './http.ts';
import { openPageToken, sealPageToken } from './paging-token.ts';
import { departmentTaskRoutes } from './routes/department-task.ts';
import { clock } from '../lib/clock.ts';

const badToken = () =>
  new ValidationError([{ path: 'query.nextToken', message: 'not a token this API returned for this department and status' }]);

/** The department's own task: another department's is answered as an unknown one, before anything is written. */
function ownTask(principal: Department, t: TaskItem): void {
  if (!isDepartmentsTask(principal, t)) throw notFound('task', t.taskId);
}

/** The result is checked against the task's own contract version: shape (400), then policy rules (422). */
function checkResult(task: TaskItem, result: unknown): unknown {
  const entry = findTaskType(task.type, task.contractVersion);
  if (!entry) throw new Error(`task type ${task.type} is not in the topology`);
  const parsed = entry.contract.result.safeParse(result);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, 'result'));
  const violations = entry.contract.checkResult?.(parsed.data, task.request) ?? [];
  if (violations.length) throw new RuleViolationError(violations);
  return parsed.data;
}

async function act(req: Request, action: Action, reason?: string, result?: unknown, more?: Partial<TransitionRequest>) {
  const principal = requireDepartment(requirePrincipal(req));
  const taskId = req.params.taskId!;
  const task = await transitionTask(taskId, {
    action,
    actor: 'department',
    who: recordedBy(req, principal),
    reason,
    guard: (t) => {
      ownTask(principal, t);
      return action === 'complete' ? { result: checkResult(t, result) } : undefined;
    },
    ...more,
  });
  logger.info('task moved by department', { taskId, action, status: task.status });
  // The transition is in; releasing what waited on it is follow-up work. If it fails here, the re-dispatch
  // sweep finds the waiting tasks and finishes it: the department's call still succeeded.
  await releaseDependents(task).catch((err) =>
    logger.error('releasing dependants failed; the sweep will retry', { taskId, error: (err as Error).name }),
  );
  // The last task of a coming-of-age plan discharges the young person (once 18); else the clock sweep does it.
  await afterTaskEnded(task).catch((err) =>
    logger.error('the discharge check failed; the clock sweep will retry', { taskId, error: (err as Error).name }),
  );
  return { status: 200 as const, body: departmentView(task) };
}

export const handler = httpApi({
  ...departmentTaskRoutes,
  'GET /v1/departments/{department}/tasks': async (req) => {
    const principal = requireDepartment(requirePrincipal(req));
    const department = req.params.department!;
    if (!findDepartment(department)) throw notFound('department', department);
    if (principal.department !== department) throw new ForbiddenError('a department reads only its own inbox');
    const q = parseBody(InboxQuery, req.query, 'query');
    // The token is bound to who asks and what: the same department, principal and status filter.
    const binding = { principal: formatPrincipal(principal), department, status: q.status };
    const startKey = q.nextToken ? await openPageToken(q.nextToken, binding) : undefined;
    if (q.nextToken && !startKey) throw badToken();
    const page = await queryInbox({ department, cityCode: principal.cityCode, status: q.status, limit: q.limit ?? 50, startKey });
    // Each item carries its child's fields the task type discloses: a read of that child (an institution's task is not).
    noteReads(req, page.items.flatMap((t) => (t.subjectId.startsWith('CH') ? [t.subjectId] : [])));
    return {
      status: 200,
      body: {
        items: page.items.map(departmentView),
        ...(page.lastKey ? { nextToken: await sealPageToken(page.lastKey, binding) } : {}),
      },
    };
  },

  'POST /v1/tasks/{taskId}/acknowledge': async (req) => {
    parseBody(AcknowledgeRequest, req.body);
    return act(req, 'acknowledge');
  },

  'POST /v1/tasks/{taskId}/complete': async (req) => {
    const { result } = parseBody(CompleteRequest, req.body);
    return act(req, 'complete', undefined, result);
  },

  'POST /v1/tasks/{taskId}/reject': async (req) => {
    const { reason } = parseBody(RejectRequest, req.body);
    return act(req, 'reject', reason);
  },

  'POST /v1/tasks/{taskId}/request-information': async (req) => {
    const { missing } = parseBody(RequestInformationRequest, req.body);
    const now = clock.now();
    const principal = requireDepartment(requirePrincipal(req));
    // The department's clock stops; the staff's starts. What was left of the department's time is kept.
    const task = await transitionTask(req.params.taskId!, {
      action: 'request-information',
      actor: 'department',
      who: recordedBy(req, principal),
      reason: `information needed: ${missing.map((m) => m.field).join(', ')}`,
      guard: (t) => {
        ownTask(principal, t);
        const left = Math.max(0, Date.parse(t.deadline) - now.getTime());
        return { extra: { missing, heldSince: now.toISOString(), heldRemainingMs: left } };
      },
      deadline: deadlineFor(now, informationDeadlineWorkingDays),
    }, now);
    return { status: 200, body: departmentView(task) };
  },
}, flushReads);
