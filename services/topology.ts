// The one list of what the hub is made of. The CDK stack, the local runtime and the tests all read it:
// adding a department is a contract file, an adapter, a simulator and one entry in `departments`.
import type { DepartmentCode } from '../contracts/common.ts';
import { defaultSignatureScheme, type SignatureScheme } from '../contracts/push.ts';
import type { TaskTypeContract } from '../contracts/task-type.ts';
import { preEnrollmentV1 } from '../contracts/medical-insurance/index.ts';
import { schoolPlacementV1, schoolRecordTransferV1 } from '../contracts/education/index.ts';
import { dnaComparisonV1, foundlingReportV1, hukouMigrationV1, hukouRegistrationV1 } from '../contracts/public-security/index.ts';
import { rehabAssistanceV1, rehabPointCertificationV1 } from '../contracts/disability-federation/index.ts';
import { safetyInspectionV1 } from '../contracts/fire-rescue/index.ts';
import { publicRentalHousingV1 } from '../contracts/housing/index.ts';
import { employmentSupportV1 } from '../contracts/human-resources/index.ts';
import { priorityEnlistmentV1 } from '../contracts/conscription/index.ts';
import { specialHardshipRecognitionV1 } from '../contracts/civil-affairs/index.ts';
import { foodSafetyInspectionV1 } from '../contracts/market-regulation/index.ts';

export interface TaskTypeEntry {
  contract: TaskTypeContract;
  /** Deadline from opening, in working days on the public-holiday calendar. */
  deadlineWorkingDays: number;
  /** Working days past the deadline at which an open task is escalated to the city's supervisor, then the region's. */
  escalateAfter?: Escalation;
}

export interface Escalation {
  city: number;
  region: number;
}

/** Escalation when a task type sets none: a week late to the city's supervisor, four weeks to the region's. */
export const defaultEscalation: Escalation = { city: 5, region: 20 };

export interface DepartmentEntry {
  code: DepartmentCode;
  nameZh: string;
  nameEn: string;
  /** push: the adapter POSTs each task to the department's endpoint; pull: the department reads its inbox. */
  delivery: 'push' | 'pull';
  /** The MAC its pushes are signed with (contracts/push.ts); absent: HMAC-SHA256. */
  signature?: SignatureScheme;
  taskTypes: TaskTypeEntry[];
}

// Deadlines are working days from opening (services/calendar); none is set by the policy text, see
// docs/task-types.md for the reasoning behind each.
export const departments: DepartmentEntry[] = [
  {
    code: 'medical-insurance',
    nameZh: '医疗保障局',
    nameEn: 'Healthcare Security Bureau',
    delivery: 'push',
    // The national medical-insurance platform asks for 国密 (SM2/SM3) cryptography: docs/decisions/0012-sm3-signatures.md.
    signature: 'hmac-sm3',
    taskTypes: [{ contract: preEnrollmentV1, deadlineWorkingDays: 5 }],
  },
  {
    code: 'education',
    nameZh: '教育局',
    nameEn: 'Education Bureau',
    delivery: 'push',
    taskTypes: [
      { contract: schoolPlacementV1, deadlineWorkingDays: 10 },
      { contract: schoolRecordTransferV1, deadlineWorkingDays: 10 },
    ],
  },
  {
    code: 'public-security',
    nameZh: '公安局',
    nameEn: 'Public Security Bureau',
    delivery: 'push',
    taskTypes: [
      // A foundling's police report holds up its hukou and every later step: escalated sooner.
      { contract: foundlingReportV1, deadlineWorkingDays: 3, escalateAfter: { city: 2, region: 5 } },
      { contract: hukouRegistrationV1, deadlineWorkingDays: 15 },
      { contract: hukouMigrationV1, deadlineWorkingDays: 10 },
      { contract: dnaComparisonV1, deadlineWorkingDays: 10 },
    ],
  },
  {
    code: 'disability-federation',
    nameZh: '残联',
    nameEn: "Disabled Persons' Federation",
    delivery: 'push',
    taskTypes: [
      { contract: rehabPointCertificationV1, deadlineWorkingDays: 20 },
      { contract: rehabAssistanceV1, deadlineWorkingDays: 15 },
    ],
  },
  {
    code: 'fire-rescue',
    nameZh: '消防救援支队',
    nameEn: 'Fire and Rescue Detachment',
    delivery: 'push',
    taskTypes: [{ contract: safetyInspectionV1, deadlineWorkingDays: 10 }],
  },
  {
    code: 'housing',
    nameZh: '住房城乡建设局',
    nameEn: 'Housing and Urban-Rural Development Bureau',
    delivery: 'push',
    taskTypes: [{ contract: publicRentalHousingV1, deadlineWorkingDays: 20 }],
  },
  {
    code: 'human-resources',
    nameZh: '人力资源社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    delivery: 'push',
    taskTypes: [{ contract: employmentSupportV1, deadlineWorkingDays: 15 }],
  },
  {
    code: 'conscription',
    nameZh: '征兵办公室',
    nameEn: 'Conscription Office',
    delivery: 'push',
    taskTypes: [{ contract: priorityEnlistmentV1, deadlineWorkingDays: 20 }],
  },
  {
    code: 'civil-affairs',
    nameZh: '民政局（安置地）',
    nameEn: 'Civil Affairs Bureau of the place of placement',
    delivery: 'push',
    taskTypes: [{ contract: specialHardshipRecognitionV1, deadlineWorkingDays: 20 }],
  },
  {
    code: 'market-regulation',
    nameZh: '市场监管局',
    nameEn: 'Market Regulation Bureau',
    delivery: 'push',
    taskTypes: [{ contract: foodSafetyInspectionV1, deadlineWorkingDays: 10 }],
  },
];

export const table = {
  /** Logical name; deployments prefix it (see config). */
  name: 'hub-state',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** A department's inbox: pk DEPT#<code>, sk <status>#<deadline>#<taskId>. */
    inbox: { name: 'inbox', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * A city bureau's inbox: pk DEPT#<code>@<city>, the inbox's own sort key (a transition's one SET of gsi1sk moves
     * the task in both indexes). docs/decisions/0013-jurisdictions.md.
     */
    bureau: { name: 'bureau', partitionKey: 'gsi3pk', sortKey: 'gsi1sk' },
    /** An institution's children: pk INST#<institutionId>, sk CHILD#<admittedOn>#<childId>. */
    institution: { name: 'institution', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

/** Task attributes the inbox index carries (history and the request stay on the base item only). */
export const inboxProjection = [
  'taskId', 'type', 'department', 'status', 'deadline', 'overdue', 'subjectId', 'institutionId', 'rev', 'updatedAt', 'request', 'contractVersion', 'dispatchedAt', 'requestVersion',
] as const;

export const queueName = (code: DepartmentCode) => `hub-${code}`;
export const deadLetterQueueName = (code: DepartmentCode) => `hub-${code}-dlq`;

/** The service every log line and metric names (Powertools' `service`); the overdue alarm selects its metric by it. */
export const serviceName = 'child-welfare-hub';

/** How often a delivery is tried before the message is parked in the dead-letter queue. */
export const delivery = { maxReceiveCount: 5, visibilityTimeoutSeconds: 60 } as const;

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
    /** The metric it publishes, how many open tasks are past their deadline; the overdue alarm watches it. */
    metric: 'OverdueTasks',
  },
  // Daily, just after midnight China time: a clock opens what is due on that China date (decision 14).
  clocks: { entry: 'services/schedules/clocks.ts', description: "Open what the children's clocks call for", dailyAtChina: '00:30' },
} as const;
export type FunctionName = keyof typeof functions;
/** The functions that run on a schedule: every few minutes, or daily at a China time (HH:MM). */
export type ScheduledFunction = {
  [K in FunctionName]: (typeof functions)[K] extends { everyMinutes: number } | { dailyAtChina: string } ? K : never;
}[FunctionName];
export const scheduledFunctions = (Object.keys(functions) as FunctionName[]).filter(
  (k): k is ScheduledFunction => 'everyMinutes' in functions[k] || 'dailyAtChina' in functions[k],
);

/** Each department's adapter: consumes its queue and delivers to the department. */
export const adapterEntry = (code: DepartmentCode) => `services/departments/${code}/adapter.ts`;

/**
 * The REST API. `{name}` is a path parameter, as in API Gateway resources. `auth: false` routes skip the
 * authorizer. The CDK stack and the local gateway both build themselves from this list.
 */
/** The functions behind the REST API's routes. */
export type ApiFunction = 'api' | 'partnerApi' | 'docs' | 'supervisionApi';

export const routes: { method: 'GET' | 'POST'; path: string; fn: ApiFunction; auth: boolean }[] = [
  { method: 'GET', path: '/v1/health', fn: 'api', auth: false },
  { method: 'GET', path: '/v1/me', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/openapi.json', fn: 'docs', auth: false },
  { method: 'POST', path: '/v1/children', fn: 'api', auth: true },
  { method: 'GET', path: '/v1/children/{childId}', fn: 'api', auth: true },
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

/** How long staff have to answer a department's request for information (working days). */
export const informationDeadlineWorkingDays = 5;

export const taskTypes: TaskTypeEntry[] = departments.flatMap((d) => d.taskTypes);

/**
 * A task type's entry: the given major version (a task keeps the version it was opened with), or the newest
 * one when opening a task. Two majors of one type can live side by side while departments move over.
 */
export function findTaskType(type: string, version?: number): TaskTypeEntry | undefined {
  const all = taskTypes.filter((t) => t.contract.type === type);
  if (version !== undefined) return all.find((t) => t.contract.version === version);
  return all.sort((a, b) => b.contract.version - a.contract.version)[0];
}

export function findDepartment(code: string): DepartmentEntry | undefined {
  return departments.find((d) => d.code === code);
}

/** The signature scheme of a department's pushes. */
export const signatureOf = (code: string): SignatureScheme => findDepartment(code)?.signature ?? defaultSignatureScheme;
