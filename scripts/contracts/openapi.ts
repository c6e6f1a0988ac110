// The OpenAPI 3.1 document of the REST API, built from `routes` in services/topology.ts and the zod schemas in
// contracts/api/ (bodies, views) and the task-type contracts. Pure: topology, contracts and examples in, document
// out. Every route of the topology must have an entry in `operations` below, or the build throws naming it: a
// new route cannot ship undocumented.
import * as z from 'zod';
import {
  AcknowledgeRequest,
  AdmissionRequest,
  CompleteRequest,
  InboxQuery,
  OpenInstitutionTaskRequest,
  OpenTaskRequest,
  RejectRequest,
  RequestInformationRequest,
  SupplyInformationRequest,
} from '../../contracts/api/requests.ts';
import { HandOverRequest, TransferRequest, TransferView, VisitRequest } from '../../contracts/api/transfers.ts';
import { pathParameters } from '../../contracts/api/paths.ts';
import { ChildrenPage, ChildrenQuery } from '../../contracts/api/children.ts';
import { Me } from '../../contracts/api/me.ts';
import { ChildView, DepartmentTaskView, InboxPage, TaskStatus, TaskView } from '../../contracts/api/views.ts';
import { Institution } from '../../contracts/case.ts';
import { ChildId, IdNumber, IsoDate, IsoDateTime, TaskId } from '../../contracts/common.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import {
  ConflictError,
  ForbiddenError,
  type HubError,
  NotFoundError,
  RuleViolationError,
  UnauthorizedError,
  ValidationError,
} from '../../services/lib/errors.ts';
import { routes, taskTypes } from '../../services/topology.ts';
import { exampleResults, type ExampleFile } from './examples.ts';
import { contractSchemaId, parts, toSchema, type Part } from './schemas.ts';

/** The route that serves this document. Documented whether or not the topology lists it yet. */
export const openApiRoute = { method: 'GET', path: '/v1/openapi.json', fn: 'docs', auth: false } as const;

/** The topology's routes, plus this document's own unless the topology already has it. */
export const documentedRoutes = () =>
  routes.some((r) => r.method === openApiRoute.method && r.path === openApiRoute.path) ? [...routes] : [...routes, openApiRoute];

// ---- Schemas the API answers with that contracts/api/views.ts does not name --------------------------------

// They belong in contracts/api/views.ts; they are spelled out here, from the handlers' code, until they move.

/** POST /v1/children answers with the new child's id and the tasks its admission opened (routes/children.ts). */
export const AdmissionResponse = z.object({ childId: ChildId, tasks: z.array(TaskView) });

/** POST /v1/institutions/{institutionId}/tasks answers with the task, and its schedule when it recurs. */
export const InstitutionTaskResponse = TaskView.extend({
  recurs: z
    .object({ everyMonths: z.int().min(1), nextDueOn: IsoDate.describe('China date the next task is opened') })
    .optional()
    .describe('Present when the task was opened with recurEveryMonths'),
});

/** GET /v1/institutions/{institutionId} (routes/institutions.ts). */
export const InstitutionView = z.object({
  institution: Institution,
  tasks: z.array(TaskView),
  schedules: z.array(
    z.object({ type: z.string(), everyMonths: z.int().min(1), nextDueOn: IsoDate, input: z.record(z.string(), z.unknown()) }),
  ),
  children: z.array(z.object({ childId: ChildId, admittedOn: IsoDate })),
});

const TaskRef = z.object({ taskId: TaskId, type: z.string(), status: TaskStatus });

/** POST /v1/transfers (routes/transfers.ts): the transfer and the tasks it opened. */
export const TransferCreated = TransferView.extend({ tasks: z.array(TaskRef).describe('Tasks the transfer opened') });
/** POST /v1/transfers/{transferId}/receive: the transfer and the admission tasks receipt opened. */
export const TransferReceived = TransferView.extend({ opened: z.array(TaskRef).describe('Admission tasks opened at the city institution') });
/** GET /v1/institutions/{institutionId}/transfers. */
export const InstitutionTransfers = z.object({
  incoming: z.array(TransferView),
  outgoing: z.array(TransferView),
  summary: z.object({
    notSent: z.int().describe('Children to be sent and not sent yet (应移送未移送)'),
    sentNotReceived: z.int().describe('Children sent and not received yet (应接收未接收)'),
    visitsOverdue: z.int().describe('Entrusted-care visits overdue'),
  }),
});

export const HealthResponse = z.object({ status: z.literal('ok'), time: IsoDateTime });
export const FieldIssue = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. `result.enrolledOn`, or `(body)`'),
  message: z.string(),
});

/** Status and code of each error the handlers throw (services/lib/errors.ts), taken from the classes themselves. */
const errorSamples: HubError[] = [
  new ValidationError([{ path: 'name', message: 'Too small: expected string to have >=1 characters' }]),
  new UnauthorizedError(),
  new ForbiddenError('only the staff of an institution may do this'),
  new NotFoundError('task CH01HYKQ6Z8P3V9W2X4Y5Z6A7B8C.T01HYKQ7A2B3C4D5E6F7G8H9J0K not found'),
  new ConflictError('cannot complete a task that is delivered'),
  new RuleViolationError([{ path: 'result.benefitStartDate', message: 'benefits must start on the enrollment date' }]),
];
const INTERNAL = { status: 500, code: 'internal', message: 'internal error' } as const;

const errorCodes: [string, ...string[]] = [errorSamples[0]!.code, ...errorSamples.slice(1).map((e) => e.code), INTERNAL.code];

export const ErrorBody = z.object({
  error: z.enum(errorCodes).describe('Machine-readable error code'),
  message: z.string().describe('What went wrong, for a person'),
  issues: z.array(FieldIssue).optional().describe('Every offending field (400 invalid_request, 422 rule_violation)'),
});

/** What API Gateway itself answers when the authorizer refuses (AWS; the local gateway answers with ErrorBody). */
export const GatewayErrorBody = z.object({ message: z.string() });

// ---- Operations -------------------------------------------------------------------------------------------

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422;
interface OperationSpec {
  operationId: string;
  tag: 'staff' | 'partner' | 'meta';
  summary: string;
  description?: string;
  body?: string;
  success: { status: 200 | 201; schema: string; description: string };
  errors: ErrorStatus[];
}

const AUTH: ErrorStatus[] = [401, 403];

/**
 * Documentation of each route. Every route of the topology (plus this document's own) must have an entry, or the
 * build fails naming it; an entry for a route the topology does not list (yet) is left out of the document.
 */
export const operations: Record<string, OperationSpec> = {
  'GET /v1/health': {
    operationId: 'getHealth',
    tag: 'meta',
    summary: 'Liveness probe',
    success: { status: 200, schema: 'HealthResponse', description: 'The API answers' },
    errors: [],
  },
  'GET /v1/openapi.json': {
    operationId: 'getOpenApiDocument',
    tag: 'meta',
    summary: 'This document',
    success: { status: 200, schema: 'OpenApiDocument', description: 'The OpenAPI document of this API' },
    errors: [],
  },
  'GET /v1/me': {
    operationId: 'getMe',
    tag: 'meta',
    summary: 'Who the bearer token stands for, described for a person',
    description: 'Any principal. The console starts here: it never reads principal strings itself.',
    success: { status: 200, schema: 'Me', description: 'The caller' },
    errors: [...AUTH],
  },
  'GET /v1/institutions/{institutionId}/children': {
    operationId: 'listInstitutionChildren',
    tag: 'staff',
    summary: 'The children in an institution\'s care, with their tasks summarised, searched and filtered',
    description:
      'Staff of the institution, or a supervisor of its city. Newest admission first. A page ends at `limit` ' +
      'matches or after 200 children looked at; page on with `nextToken` until it is absent.',
    success: { status: 200, schema: 'ChildrenPage', description: 'One page of children' },
    errors: [400, ...AUTH, 404],
  },
  'GET /v1/tasks/{taskId}': {
    operationId: 'getDepartmentTask',
    tag: 'partner',
    summary: 'One task, as its department sees it',
    description: 'The owning department only; another department\'s task is answered as an unknown one (404).',
    success: { status: 200, schema: 'DepartmentTaskView', description: 'The task, as the department sees it' },
    errors: [...AUTH, 404],
  },
  'POST /v1/children': {
    operationId: 'admitChild',
    tag: 'staff',
    summary: 'Admit a child and open the tasks the admission calls for',
    description:
      'Staff of the child\'s institution only. The tasks the case needs (medical insurance, hukou, schooling…) are ' +
      'opened and dispatched at once; tasks that wait for another (hukou registration before migration) are ' +
      'opened as `requested` with `waitingFor`.',
    body: 'AdmissionRequest',
    success: { status: 201, schema: 'AdmissionResponse', description: 'The child was admitted' },
    errors: [400, ...AUTH, 404],
  },
  'GET /v1/children/{childId}': {
    operationId: 'getChild',
    tag: 'staff',
    summary: 'A child\'s facts and all its tasks with their history',
    description: 'Staff of the child\'s institution, or a supervisor of its city.',
    success: { status: 200, schema: 'ChildView', description: 'The child and its tasks' },
    errors: [...AUTH, 404],
  },
  'POST /v1/children/{childId}/tasks': {
    operationId: 'openTask',
    tag: 'staff',
    summary: 'Open one more task for a child',
    description:
      'Refused with 409 while a task of the same type is still open for the child, and with 400 (naming `type`) ' +
      'for a task type that belongs to a workflow: hukou migration and the school-record transfer are opened ' +
      'with the transfer.',
    body: 'OpenTaskRequest',
    success: { status: 201, schema: 'TaskView', description: 'The task was opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'GET /v1/departments/{department}/tasks': {
    operationId: 'listDepartmentTasks',
    tag: 'partner',
    summary: 'A department\'s inbox, by status, earliest deadline first',
    description:
      'The department itself only. Pull delivery reads tasks here; push delivery departments may use it to ' +
      'reconcile. Page with `nextToken` until it is absent: it is opaque, and valid only with the same status ' +
      'filter for the same department (any other is a 400 naming `query.nextToken`).',
    success: { status: 200, schema: 'InboxPage', description: 'One page of the inbox' },
    errors: [400, ...AUTH, 404],
  },
  'POST /v1/tasks/{taskId}/acknowledge': {
    operationId: 'acknowledgeTask',
    tag: 'partner',
    summary: 'The department has the task and is working on it',
    body: 'AcknowledgeRequest',
    success: { status: 200, schema: 'DepartmentTaskView', description: 'The task, acknowledged, as the department sees it' },
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
    body: 'CompleteRequest',
    success: { status: 200, schema: 'DepartmentTaskView', description: 'The task, completed, as the department sees it' },
    errors: [400, ...AUTH, 404, 409, 422],
  },
  'POST /v1/tasks/{taskId}/reject': {
    operationId: 'rejectTask',
    tag: 'partner',
    summary: 'The department will not do the task, and says why',
    body: 'RejectRequest',
    success: { status: 200, schema: 'DepartmentTaskView', description: 'The task, rejected, as the department sees it' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/tasks/{taskId}/request-information': {
    operationId: 'requestInformation',
    tag: 'partner',
    summary: 'The department cannot go on without more information (信息待补充)',
    description:
      'The department\'s clock stops and what was left of its time is kept; the institution\'s staff have ' +
      'a few working days to answer with supply-information.',
    body: 'RequestInformationRequest',
    success: { status: 200, schema: 'DepartmentTaskView', description: 'The task, now information-needed, as the department sees it' },
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
    body: 'SupplyInformationRequest',
    success: { status: 200, schema: 'TaskView', description: 'The task, back with the department' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/tasks/{taskId}/resume': {
    operationId: 'resumeTask',
    tag: 'staff',
    summary: 'Send a task whose delivery failed to its department again',
    description:
      'Staff of the child\'s institution as it is now (or of the institution the task is for); only a `failed` task ' +
      '(409 otherwise). The task goes back to `dispatched`.',
    success: { status: 200, schema: 'TaskView', description: 'The task, dispatched again' },
    errors: [...AUTH, 404, 409],
  },
  'GET /v1/institutions/{institutionId}': {
    operationId: 'getInstitution',
    tag: 'staff',
    summary: 'An institution, its own tasks and schedules, and the children in its care',
    description: 'Staff of the institution, or a supervisor of its city.',
    success: { status: 200, schema: 'InstitutionView', description: 'The institution' },
    errors: [...AUTH, 404],
  },
  'POST /v1/institutions/{institutionId}/tasks': {
    operationId: 'openInstitutionTask',
    tag: 'staff',
    summary: 'Open an institution duty (rehab-point certification, fire-safety inspection), optionally recurring',
    description: 'Refused with 409 while a task of the same type is still open for the institution.',
    body: 'OpenInstitutionTaskRequest',
    success: { status: 201, schema: 'InstitutionTaskResponse', description: 'The task was opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'GET /v1/institutions/{institutionId}/transfers': {
    operationId: 'listInstitutionTransfers',
    tag: 'staff',
    summary: 'Transfers into and out of an institution, with what is outstanding',
    success: { status: 200, schema: 'InstitutionTransfers', description: 'Incoming and outgoing transfers' },
    errors: [...AUTH, 404],
  },
  'POST /v1/transfers': {
    operationId: 'openTransfer',
    tag: 'staff',
    summary: 'A county centre opens the transfer of children to its city institution (移交, 三(一))',
    description:
      'Staff of the county centre. Opens per child the hukou migration (or records the exemption) and the ' +
      'school-record transfer. 409 when a child still needs its foundling report or is in another transfer.',
    body: 'TransferRequest',
    success: { status: 201, schema: 'TransferCreated', description: 'The transfer was opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'GET /v1/transfers/{transferId}': {
    operationId: 'getTransfer',
    tag: 'staff',
    summary: 'A transfer, as both institutions and their city supervisor see it',
    success: { status: 200, schema: 'TransferView', description: 'The transfer' },
    errors: [...AUTH, 404],
  },
  'POST /v1/transfers/{transferId}/send': {
    operationId: 'sendTransferChildren',
    tag: 'staff',
    summary: 'The county centre hands children over (移送)',
    body: 'HandOverRequest',
    success: { status: 200, schema: 'TransferView', description: 'The transfer' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/transfers/{transferId}/receive': {
    operationId: 'receiveTransferChildren',
    tag: 'staff',
    summary: 'The city institution receives children (接收); receipt is their admission there',
    body: 'HandOverRequest',
    success: { status: 200, schema: 'TransferReceived', description: 'The transfer and the tasks opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/transfers/{transferId}/visits': {
    operationId: 'recordTransferVisit',
    tag: 'staff',
    summary: 'Record a visit under the entrusted-care agreement (委托代养)',
    body: 'VisitRequest',
    success: { status: 201, schema: 'TransferView', description: 'The transfer' },
    errors: [400, ...AUTH, 404, 409],
  },
};

// ---- Schema plumbing ----------------------------------------------------------------------------------------

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const componentName = (t: Pick<TaskTypeContract, 'type' | 'version'>, part: Part) => `${t.type}.v${t.version}.${part}`;

/** A standalone JSON Schema as an OpenAPI component: the dialect is the document's, and `$id` would rebase refs. */
function asComponent(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/**
 * The identity number is accepted in any case and stored upper-case (a transform, which JSON Schema cannot say):
 * document the form a caller may send.
 */
function identityNumberOverride(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
  if (ctx.zodSchema !== IdNumber) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, {
    type: 'string',
    pattern: '^\\d{17}[\\dXx]$',
    description: 'Resident identity number (公民身份号码), GB 11643, 18 characters with a valid check character; stored upper-case',
  });
}

/** The API's own schemas, as callers send them and as they should read answers (open objects: ignore new fields). */
function apiSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  const named: Record<string, z.ZodType> = {
    AdmissionRequest,
    OpenTaskRequest,
    OpenInstitutionTaskRequest,
    AcknowledgeRequest,
    CompleteRequest,
    RejectRequest,
    RequestInformationRequest,
    SupplyInformationRequest,
    AdmissionResponse,
    InstitutionTaskResponse,
    InstitutionView,
    TransferRequest,
    HandOverRequest,
    VisitRequest,
    TransferView,
    TransferCreated,
    TransferReceived,
    InstitutionTransfers,
    TaskView,
    ChildView,
    DepartmentTaskView,
    InboxPage,
    ChildrenPage,
    Me,
    HealthResponse,
    Error: ErrorBody,
    GatewayError: GatewayErrorBody,
  };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'throw',
    override: identityNumberOverride as never,
  });
  return Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, asComponent(v as Record<string, unknown>)]));
}

type Json = Record<string, unknown>;
const props = (schema: Json) => schema.properties as Record<string, Json>;

/** Replaces an open `{}` / record property with `anyOf` the task-type schemas, keeping its description. */
function bindToTaskTypes(schema: Json, property: string, names: string[], description: string, more: Json[] = []) {
  if (!props(schema)[property]) throw new Error(`no property ${property} to bind`);
  props(schema)[property] = { description, anyOf: [...names.map(ref), ...more] };
}

export function buildOpenApi(examples: Map<string, ExampleFile>) {
  const contracts = taskTypes.map((t) => t.contract);
  const childContracts = contracts.filter((c) => c.subject === 'child');
  const institutionContracts = contracts.filter((c) => c.subject === 'institution');
  const schemas: Record<string, Json> = apiSchemas();

  for (const c of contracts) {
    for (const part of parts) {
      schemas[componentName(c, part)] = asComponent(
        toSchema(c[part], contractSchemaId(c, part), part === 'input' ? 'input' : 'output'),
      );
    }
  }
  schemas.OpenApiDocument = { type: 'object', description: 'An OpenAPI 3.1 document' };

  const names = (part: Part, of = contracts) => of.map((c) => componentName(c, part));
  const openers: [string, TaskTypeContract[], string][] = [
    ['OpenTaskRequest', childContracts, 'A task type opened for a child'],
    ['OpenInstitutionTaskRequest', institutionContracts, 'A task type opened for an institution'],
  ];
  for (const [body, of, description] of openers) {
    if (!schemas[body]) continue;
    props(schemas[body]).type = { ...props(schemas[body]).type, enum: of.map((c) => c.type), description };
    bindToTaskTypes(schemas[body], 'input', names('input', of), "What the task type's input schema allows; merged into the request");
  }
  bindToTaskTypes(schemas.CompleteRequest!, 'result', names('result'), "Must match the result schema of the task's own type and version");
  for (const view of ['TaskView', 'DepartmentTaskView', 'InstitutionTaskResponse']) {
    if (!schemas[view]) continue;
    bindToTaskTypes(
      schemas[view],
      'request',
      names('request'),
      "What the department receives: the request schema of the task's type and version; null while the task waits for another",
      [{ type: 'null' }],
    );
    if (props(schemas[view]).result) {
      bindToTaskTypes(schemas[view], 'result', names('result'), 'What the department returned, once completed');
    }
  }

  const routeKeys = documentedRoutes().map((r) => `${r.method} ${r.path}`);
  const missing = routeKeys.filter((k) => !operations[k]);
  if (missing.length) {
    throw new Error(
      `routes in services/topology.ts with no entry in \`operations\` of scripts/contracts/openapi.ts: ${missing.join(', ')}. ` +
        'Add one (summary, body schema, success schema, error statuses), then run npx tsx scripts/contracts/generate.ts',
    );
  }

  const queryOf = (schema: z.ZodObject, id: string, descriptions: Record<string, string>) => {
    const json = toSchema(schema, id, 'input');
    return Object.entries(props(json)).map(([name, schema]) => ({
      name,
      in: 'query',
      required: ((json.required as string[] | undefined) ?? []).includes(name),
      description: descriptions[name] ?? (schema.description as string | undefined),
      schema,
    }));
  };
  const queryParameters: Record<string, unknown[]> = {
    '/v1/departments/{department}/tasks': queryOf(InboxQuery, 'inbox-query', {
      status: 'Only tasks in this status',
      limit: 'At most this many items (default 50)',
      nextToken: 'The `nextToken` of the previous page',
    }),
    '/v1/institutions/{institutionId}/children': queryOf(ChildrenQuery, 'children-query', {}),
  };

  const openExamples = (of: TaskTypeContract[]) =>
    Object.fromEntries(
      of.flatMap((c) => {
        const ex = examples.get(`${c.type}.v${c.version}`);
        return ex ? [[`${c.type}.v${c.version}`, { summary: c.titleZh, value: { type: c.type, input: ex.input } }]] : [];
      }),
    );
  const bodyExamples: Record<string, Record<string, unknown>> = {
    CompleteRequest: Object.fromEntries(
      contracts.flatMap((c) => {
        const ex = examples.get(`${c.type}.v${c.version}`);
        if (!ex) return [];
        return exampleResults(ex).map(([name, result]) => [
          name === 'result' ? `${c.type}.v${c.version}` : `${c.type}.v${c.version}.${name}`,
          { summary: `${c.titleZh}: ${name === 'result' ? ex.summary : name}`, value: { result } },
        ]);
      }),
    ),
    OpenTaskRequest: openExamples(childContracts),
    OpenInstitutionTaskRequest: openExamples(institutionContracts),
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of documentedRoutes()) {
    const spec = operations[`${route.method} ${route.path}`]!;
    const params = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const parameters = [
      ...params.map((name) => {
        const p = pathParameters[name as keyof typeof pathParameters];
        if (!p) throw new Error(`${route.path}: no schema for path parameter ${name} in contracts/api/paths.ts`);
        return { name, in: 'path', required: true, description: p.description, schema: asComponent(toSchema(p.schema, name, 'input')) };
      }),
      ...(queryParameters[route.path] ?? []),
    ];
    const responses: Record<string, unknown> = {
      [String(spec.success.status)]: {
        description: spec.success.description,
        content: { 'application/json': { schema: ref(spec.success.schema) } },
      },
    };
    for (const status of spec.errors) responses[String(status)] = { $ref: `#/components/responses/${responseName[status]}` };
    responses['500'] = { $ref: '#/components/responses/InternalError' };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: spec.operationId,
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      security: route.auth ? [{ bearer: [] }] : [],
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: ref(spec.body),
                  ...(bodyExamples[spec.body] && Object.keys(bodyExamples[spec.body]!).length ? { examples: bodyExamples[spec.body] } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Child welfare hub API',
      version: '1.0.0',
      description:
        'REST API of the child welfare integration hub (API Gateway REST, `/v1`). Welfare staff admit children and ' +
        'open tasks; partner departments read their inbox and acknowledge, complete, reject or ask for information. ' +
        'The base URL is the deployment\'s `ApiUrl` output. Answers are open objects: ignore fields you do not know. ' +
        'Generated from the zod contracts by scripts/contracts/generate.ts; see docs/contracts.md.',
    },
    tags: [
      { name: 'staff', description: 'Welfare staff and supervisors' },
      { name: 'partner', description: 'Partner departments' },
      { name: 'meta', description: 'About the API itself; no token needed' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A JWT from the deployment\'s identity provider (on AWS), or a token from the local credentials file ' +
            '(local mode). It names the principal: staff of an institution, a city supervisor, or a department.',
        },
      },
      responses: errorResponses(),
      schemas,
    },
  };
}

const responseName: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'RuleViolation',
};

const responseText: Record<ErrorStatus | 500, string> = {
  400: 'The body, query or path parameters are invalid; `issues` names every offending field (`path.<name>` with its ' +
    'pattern for a malformed id, `query.nextToken` for a token this API did not issue for this query). Nothing changed.',
  401: 'No valid bearer token. On AWS, API Gateway answers `{ "message": "Unauthorized" }`.',
  403: 'The principal\'s kind may not do this at all (a department opening a task, a supervisor writing), or it is ' +
    'outside a public resource it may not act for (another institution, another department\'s inbox). Decided before ' +
    'anything is read; the message says what the caller is not, never who the owner is.',
  404: 'No such child, task, transfer, department or institution, or one outside the caller\'s scope: another ' +
    'institution\'s child, another department\'s task get exactly this answer (docs/security.md).',
  409: 'The task\'s lifecycle does not allow this now, or a concurrent change won. Nothing changed.',
  422: 'Well-formed, but breaks a policy rule; `issues` says which. Nothing changed.',
  500: 'An unexpected error; retry later.',
};

function errorResponses() {
  const out: Record<string, unknown> = {};
  for (const e of errorSamples) {
    const status = e.status as ErrorStatus;
    const body = { error: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) };
    out[responseName[status]] = {
      description: responseText[status],
      content: {
        'application/json': {
          schema: status === 401 || status === 403 ? { anyOf: [ref('Error'), ref('GatewayError')] } : ref('Error'),
          example: body,
        },
      },
    };
  }
  out.InternalError = {
    description: responseText[500],
    content: { 'application/json': { schema: ref('Error'), example: { error: INTERNAL.code, message: INTERNAL.message } } },
  };
  return out;
}
