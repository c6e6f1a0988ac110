// Staff: admitting children, opening their tasks, acting on a task a department sent back.
// Each route's documentation and the schemas of its body and answer (spec.ts).
import { AdmissionRequest, OpenTaskRequest, SupplyInformationRequest } from '../requests.ts';
import { CapabilityAssessment } from '../../coming-of-age.ts';
import { AdmissionResponse, AssessmentResponse } from '../responses.ts';
import { ChildView, TaskView } from '../views.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const childOperations = {
  'POST /v1/children': {
    operationId: 'admitChild',
    tag: 'staff',
    summary: 'Admit a child and open the tasks the admission calls for',
    description:
      'Staff of the child\'s institution only. The tasks the case needs (medical insurance, hukou, schooling…) are ' +
      'opened and dispatched at once; tasks that wait for another (hukou registration before migration) are ' +
      'opened as `requested` with `waitingFor`.',
    body: AdmissionRequest,
    success: { status: 201, schema: AdmissionResponse, description: 'The child was admitted' },
    errors: [400, ...AUTH, 404],
  },
  'GET /v1/children/{childId}': {
    operationId: 'getChild',
    tag: 'staff',
    summary: 'A child\'s facts and all its tasks with their history',
    description: 'Staff of the child\'s institution, or a supervisor of its city.',
    success: { status: 200, schema: ChildView, description: 'The child and its tasks' },
    errors: [400, ...AUTH, 404],
  },
  'POST /v1/children/{childId}/tasks': {
    operationId: 'openTask',
    tag: 'staff',
    summary: 'Open one more task for a child',
    description:
      'Refused with 409 while a task of the same type is still open for the child, and with 400 (naming `type`) ' +
      'for a task type that belongs to a workflow: hukou migration and the school-record transfer are opened ' +
      'with the transfer.',
    body: OpenTaskRequest,
    success: { status: 201, schema: TaskView, description: 'The task was opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/children/{childId}/capability-assessment': {
    operationId: 'recordCapabilityAssessment',
    tag: 'staff',
    summary: 'Record the coming-of-age capability assessment and open the placement plan',
    description:
      'Staff of the child\'s institution, once the age-18 clock has opened the coming of age (six months before the ' +
      '18th birthday; 409 before, and once assessed). The placement rules on the task types open what the assessment ' +
      'calls for (housing, hukou, schooling, employment, enlistment, special-hardship recognition); the young person ' +
      'is discharged when they have all ended and the 18th birthday has come (二(六)). A category the capacities do ' +
      'not allow is a 400 naming `category`.',
    body: CapabilityAssessment,
    success: { status: 201, schema: AssessmentResponse, description: 'Assessed; the plan\'s tasks are open' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/tasks/{taskId}/supply-information': {
    operationId: 'supplyInformation',
    tag: 'staff',
    summary: 'Staff supply or correct what the department asked for',
    description:
      'Staff of the child\'s institution as it is now (after a transfer is received, the receiving one). The ' +
      'request is rebuilt from the corrected facts and input and delivered again with a new idempotency key; ' +
      'corrected facts apply to the child\'s later tasks too. Input a workflow owns (where a transfer sends the ' +
      'child) cannot be changed: 400 naming the field.',
    body: SupplyInformationRequest,
    success: { status: 200, schema: TaskView, description: 'The task, back with the department' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/tasks/{taskId}/resume': {
    operationId: 'resumeTask',
    tag: 'staff',
    summary: 'Send a task whose delivery failed to its department again',
    description:
      'Staff of the child\'s institution as it is now (or of the institution the task is for); only a `failed` task ' +
      '(409 otherwise). The task goes back to `dispatched`.',
    success: { status: 200, schema: TaskView, description: 'The task, dispatched again' },
    errors: [400, ...AUTH, 404, 409],
  },
} satisfies Record<string, OperationSpec>;
