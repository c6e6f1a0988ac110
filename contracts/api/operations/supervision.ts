// Supervisors: the progress report, the city overview, the overdue list and the escalations
// (docs/decisions/0018-supervision-reports.md). Each route's documentation and the schemas of its body and answer.
import { ReadsPage } from '../reads.ts';
import { ProgressReportAnswer, SubmitReportRequest, SubmittedReport } from '../reports.ts';
import { AcknowledgeEscalationRequest, CityOverview, Escalation, EscalationList, OverduePage } from '../supervision.ts';
import { AUTH, type OperationSpec } from './spec.ts';

const SCOPE = 'The supervisor of the city, or the region\'s (supervisor:450000) for any city.';

export const supervisionOperations = {
  'GET /v1/reports/progress': {
    operationId: 'getProgressReport',
    tag: 'staff',
    summary: 'The semi-annual progress report of a city (or the region), live, with the draft and the submitted version',
    description:
      `${SCOPE} \`city=450000\` (the region's supervisor only) covers all 14 cities. Every figure carries the ids of ` +
      'the children or tasks it counts. `format=csv` or `format=xlsx` answers the same report as a file (one section ' +
      'per sheet, Chinese headers).',
    success: { status: 200, schema: ProgressReportAnswer, description: 'The report' },
    errors: [400, ...AUTH],
  },
  'POST /v1/reports/progress/submit': {
    operationId: 'submitProgressReport',
    tag: 'staff',
    summary: 'The city\'s supervisor submits the report: this version is frozen as submitted',
    description: 'The supervisor of the city only. 409 when the period was already submitted.',
    body: SubmitReportRequest,
    success: { status: 201, schema: SubmittedReport, description: 'The submitted version' },
    errors: [400, ...AUTH, 409],
  },
  'GET /v1/cities/{cityCode}/overview': {
    operationId: 'getCityOverview',
    tag: 'staff',
    summary: 'A city\'s tasks counted by department, task type and status; overdue; escalations',
    description: SCOPE,
    success: { status: 200, schema: CityOverview, description: 'The overview' },
    errors: [400, ...AUTH],
  },
  'GET /v1/cities/{cityCode}/overdue': {
    operationId: 'listOverdueTasks',
    tag: 'staff',
    summary: 'Every overdue task of a city, oldest first, with working days late and whose move it is',
    description: SCOPE,
    success: { status: 200, schema: OverduePage, description: 'One page of overdue tasks' },
    errors: [400, ...AUTH],
  },
  'GET /v1/children/{childId}/reads': {
    operationId: 'listChildReads',
    tag: 'staff',
    summary: 'Who looked at a child: every answer that disclosed its personal data, newest first',
    description:
      'The supervisor of the child\'s city, or the region\'s. One record per answer that named the child (its record, ' +
      'an institution\'s list of children, a transfer, a department\'s task read or inbox page): the principal, the ' +
      'person acting for it when the token named one, the time and the route. Recorded off the request path: a read ' +
      'appears within seconds. Kept three years. Another city\'s supervisor gets the 404 of an unknown child.',
    success: { status: 200, schema: ReadsPage, description: 'One page of reads' },
    errors: [400, ...AUTH, 404],
  },
  'GET /v1/escalations': {
    operationId: 'listEscalations',
    tag: 'staff',
    summary: 'The escalations the calling supervisor received',
    description: 'Supervisors only: a city\'s supervisor sees what was escalated to it, the region\'s what reached the region.',
    success: { status: 200, schema: EscalationList, description: 'The escalations' },
    errors: [400, ...AUTH],
  },
  'POST /v1/escalations/{escalationId}/acknowledge': {
    operationId: 'acknowledgeEscalation',
    tag: 'staff',
    summary: 'The supervisor who received an escalation acknowledges it with a note',
    body: AcknowledgeEscalationRequest,
    success: { status: 200, schema: Escalation, description: 'The acknowledged escalation' },
    errors: [400, ...AUTH, 404, 409],
  },
} satisfies Record<string, OperationSpec>;
