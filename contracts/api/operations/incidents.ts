// Staff and supervisors: the tasks whose delivery failed, to resume (each through POST /v1/tasks/{taskId}/resume).
import { IncidentsPage } from '../incidents.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const incidentOperations = {
  'GET /v1/incidents': {
    operationId: 'listIncidents',
    tag: 'staff',
    summary: 'Tasks whose delivery failed (refused by the department, or parked in its dead-letter queue), with the reason',
    description:
      'Staff see their institution\'s, a supervisor its city\'s (the region\'s supervisor every city\'s); ' +
      '`institutionId` or `cityCode` outside the caller\'s scope is a 403. At most 200, latest failure first. ' +
      'Staff resume each through `POST /v1/tasks/{taskId}/resume`.',
    success: { status: 200, schema: IncidentsPage, description: 'The failed tasks in scope' },
    errors: [400, ...AUTH, 404],
  },
} satisfies Record<string, OperationSpec>;
