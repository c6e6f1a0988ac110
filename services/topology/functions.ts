// The Lambda functions (API, authorizer, schedules, each department's adapter) and the REST API's routes.
import type { DepartmentCode } from '../../contracts/common.ts';

/** The metric the overdue sweep publishes, how many open tasks are past their deadline; the overdue alarm watches it. */
export const overdueMetric = 'OverdueTasks';

export const functions = {
  api: { entry: 'services/api/staff-api.ts', description: 'Welfare staff and supervisors' },
  partnerApi: { entry: 'services/api/partner-api.ts', description: 'Partner departments' },
  authorizer: { entry: 'services/api/authorizer.ts', description: 'Bearer token authorizer' },
  docs: { entry: 'services/api/docs-api.ts', description: 'The published OpenAPI document' },
  supervisionApi: { entry: 'services/api/supervision-api.ts', description: 'Supervisors: reports, overdue lists, escalations' },
  redispatch: {
    entry: 'services/schedules/redispatch.ts',
    description: 'Re-send tasks stuck in dispatched',
    everyMinutes: 5,
  },
  overdue: {
    entry: 'services/schedules/overdue.ts',
    description: 'Flag overdue tasks',
    everyMinutes: 15,
    metric: overdueMetric,
  },
  // Daily, just after midnight China time: a clock opens what is due on that China date (decision 14).
  clocks: { entry: 'services/schedules/clocks.ts', description: "Open what the children's clocks call for", dailyAtChina: '00:30' },
  // Consumes the read-audit queue (docs/decisions/0016-read-audit.md).
  readAudit: { entry: 'services/audit/reads-consumer.ts', description: 'Record who read which child' },
} as const;
export type FunctionName = keyof typeof functions;
/** The functions that run on a schedule: every few minutes, or daily at a China time (HH:MM). */
export type ScheduledFunction = {
  [K in FunctionName]: (typeof functions)[K] extends { everyMinutes: number } | { dailyAtChina: string } ? K : never;
}[FunctionName];
export const scheduledFunctions = /* @__PURE__ */ (Object.keys(functions) as FunctionName[]).filter(
  (k): k is ScheduledFunction => 'everyMinutes' in functions[k] || 'dailyAtChina' in functions[k],
);

/** Each department's adapter: consumes its queue and delivers to the department. */
export const adapterEntry = (code: DepartmentCode) => `services/departments/${code}/adapter.ts`;

/** The functions behind the REST API's routes. */
export type ApiFunction = 'api' | 'partnerApi' | 'docs' | 'supervisionApi';

/**
 * The REST API. `{name}` is a path parameter, as in API Gateway resources. `auth: false` routes skip the
 * authorizer. The CDK stack and the local gateway both build themselves from this list.
 */
export const routes: { method: 'GET' | 'POST'; path: string; fn: ApiFunction; auth: boolean }[] = [
  { method: 'GET', path: '/v1/health', fn: 'api', auth: false },
  { method: 'GET', path: '/v1/me', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/openapi.json', fn: 'docs', auth: false },
  { method: 'POST', path: '/v1/children', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/children/{childId}', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/children/{childId}/reads', fn: 'supervisionApi', auth: true },
  { method: 'POST', path: '/v1/children/{childId}/tasks', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/children/{childId}/capability-assessment', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/departments/{department}/tasks', fn: 'partnerApi', auth: true },
  { method: 'GET', path: '/v1/tasks/{taskId}', fn: 'partnerApi', auth: true },
  { method: 'POST', path: '/v1/tasks/{taskId}/acknowledge', fn: 'partnerApi', auth: true },
  { method: 'POST', path: '/v1/tasks/{taskId}/complete', fn: 'partnerApi', auth: true },
  { method: 'POST', path: '/v1/tasks/{taskId}/reject', fn: 'partnerApi', auth: true },
  { method: 'POST', path: '/v1/tasks/{taskId}/request-information', fn: 'partnerApi', auth: true },
  { method: 'POST', path: '/v1/tasks/{taskId}/supply-information', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/tasks/{taskId}/resume', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/institutions/{institutionId}', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/institutions/{institutionId}/tasks', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/institutions/{institutionId}/transfers', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/institutions/{institutionId}/children', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/transfers', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/transfers/{transferId}', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/transfers/{transferId}/send', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/transfers/{transferId}/receive', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/transfers/{transferId}/visits', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/incidents', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/import-template', fn: 'api', auth: true },
  { method: 'POST', path: '/v1/imports', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/imports/{importId}', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/reports/progress', fn: 'supervisionApi', auth: true },
  { method: 'POST', path: '/v1/reports/progress/submit', fn: 'supervisionApi', auth: true },
  { method: 'GET', path: '/v1/cities/{cityCode}/overview', fn: 'supervisionApi', auth: true },
  { method: 'GET', path: '/v1/cities/{cityCode}/overdue', fn: 'supervisionApi', auth: true },
  { method: 'GET', path: '/v1/escalations', fn: 'supervisionApi', auth: true },
  { method: 'POST', path: '/v1/escalations/{escalationId}/acknowledge', fn: 'supervisionApi', auth: true },
];
