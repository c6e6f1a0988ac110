// Partner departments: their inbox and what they do with their tasks.
// Each route's documentation and the schemas of its body and answer (spec.ts).
import { AcknowledgeRequest, CompleteRequest, RejectRequest, RequestInformationRequest } from '../requests.ts';
import { DepartmentTaskView, InboxPage } from '../views.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const partnerOperations = {
  'GET /v1/tasks/{taskId}': {
    operationId: 'getDepartmentTask',
    tag: 'partner',
    summary: 'One task, as its department sees it',
    description: 'The owning department only; another department\'s task is answered as an unknown one (404).',
    success: { status: 200, schema: DepartmentTaskView, description: 'The task, as the department sees it' },
    errors: [400, ...AUTH, 404],
  },
  'GET /v1/departments/{department}/tasks': {
    operationId: 'listDepartmentTasks',
    tag: 'partner',
    summary: 'A department\'s inbox, by status, earliest deadline first',
    description:
      'The department itself only. Pull delivery reads tasks here; push delivery departments may use it to ' +
      'reconcile. Page with `nextToken` until it is absent: it is opaque, and valid only with the same status ' +
      'filter for the same department (any other is a 400 naming `query.nextToken`).',
    success: { status: 200, schema: InboxPage, description: 'One page of the inbox' },
    errors: [400, ...AUTH, 404],
  },
  'POST /v1/tasks/{taskId}/acknowledge': {
    operationId: 'acknowledgeTask',
    tag: 'partner',
    summary: 'The department has the task and is working on it',
    body: AcknowledgeRequest,
    success: { status: 200, schema: DepartmentTaskView, description: 'The task, acknowledged, as the department sees it' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/tasks/{taskId}/complete': {
    operationId: 'completeTask',
    tag: 'partner',
    summary: 'The department returns its result',
    description:
      'The result is checked against the result schema of the task\'s own type and version: a wrong shape is a 400 ' +
      'naming every field, a result that breaks a policy rule (for example a waiting period before benefits ' +
      'start) a 422. Either way nothing changes.',
    body: CompleteRequest,
    success: { status: 200, schema: DepartmentTaskView, description: 'The task, completed, as the department sees it' },
    errors: [400, ...AUTH, 404, 409, 422],
  },
  'POST /v1/tasks/{taskId}/reject': {
    operationId: 'rejectTask',
    tag: 'partner',
    summary: 'The department will not do the task, and says why',
    body: RejectRequest,
    success: { status: 200, schema: DepartmentTaskView, description: 'The task, rejected, as the department sees it' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/tasks/{taskId}/request-information': {
    operationId: 'requestInformation',
    tag: 'partner',
    summary: 'The department cannot go on without more information (信息待补充)',
    description:
      'The department\'s clock stops and what was left of its time is kept; the institution\'s staff have ' +
      'a few working days to answer with supply-information.',
    body: RequestInformationRequest,
    success: { status: 200, schema: DepartmentTaskView, description: 'The task, now information-needed, as the department sees it' },
    errors: [400, ...AUTH, 404, 409],
  },
} satisfies Record<string, OperationSpec>;
