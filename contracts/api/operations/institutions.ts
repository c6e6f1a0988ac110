// Staff: an institution's duties and the children in its care.
// Each route's documentation and the schemas of its body and answer (spec.ts).
import { ChildrenPage } from '../children.ts';
import { OpenInstitutionTaskRequest } from '../requests.ts';
import { InstitutionTaskResponse, InstitutionView } from '../responses.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const institutionOperations = {
  'GET /v1/institutions/{institutionId}': {
    operationId: 'getInstitution',
    tag: 'staff',
    summary: 'An institution, its own tasks and schedules, and the children in its care',
    description: 'Staff of the institution, or a supervisor of its city.',
    success: { status: 200, schema: InstitutionView, description: 'The institution' },
    errors: [400, ...AUTH, 404],
  },
  'POST /v1/institutions/{institutionId}/tasks': {
    operationId: 'openInstitutionTask',
    tag: 'staff',
    summary: 'Open an institution duty (rehab-point certification, fire-safety inspection), optionally recurring',
    description: 'Refused with 409 while a task of the same type is still open for the institution.',
    body: OpenInstitutionTaskRequest,
    success: { status: 201, schema: InstitutionTaskResponse, description: 'The task was opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'GET /v1/institutions/{institutionId}/children': {
    operationId: 'listInstitutionChildren',
    tag: 'staff',
    summary: 'The children in an institution\'s care, with their tasks summarised, searched and filtered',
    description:
      'Staff of the institution, or a supervisor of its city. Newest admission first. A page ends at `limit` ' +
      'matches or after 200 children looked at; page on with `nextToken` until it is absent.',
    success: { status: 200, schema: ChildrenPage, description: 'One page of children' },
    errors: [400, ...AUTH, 404],
  },
} satisfies Record<string, OperationSpec>;
