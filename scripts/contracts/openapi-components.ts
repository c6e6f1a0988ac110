// The OpenAPI document's schema components: the API's own schemas (contracts/api/), named, and each task type's
// input, request and result, with the open `input` / `request` / `result` properties of the API's bodies and views
// bound to them. Pure.
import * as z from 'zod/mini';
import { ChildrenPage } from '../../contracts/api/children.ts';
import { ErrorBody, GatewayErrorBody } from '../../contracts/api/errors.ts';
import { IncidentsPage } from '../../contracts/api/incidents.ts';
import { ImportPageRequest, ImportPageResult, ImportProgress, ImportTemplate } from '../../contracts/api/imports.ts';
import { Me } from '../../contracts/api/me.ts';
import {
  AcknowledgeRequest,
  AdmissionRequest,
  CompleteRequest,
  OpenInstitutionTaskRequest,
  OpenTaskRequest,
  RejectRequest,
  RequestInformationRequest,
  SupplyInformationRequest,
} from '../../contracts/api/requests.ts';
import { AdmissionResponse, AssessmentResponse, HealthResponse, InstitutionTaskResponse, InstitutionView, OpenApiDocument } from '../../contracts/api/responses.ts';
import {
  HandOverRequest,
  InstitutionTransfers,
  TransferCreated,
  TransferReceived,
  TransferRequest,
  TransferView,
  VisitRequest,
} from '../../contracts/api/transfers.ts';
import { ReadsPage } from '../../contracts/api/reads.ts';
import { ProgressReportAnswer, SubmitReportRequest, SubmittedReport } from '../../contracts/api/reports.ts';
import { AcknowledgeEscalationRequest, CityOverview, Escalation, EscalationList, OverduePage } from '../../contracts/api/supervision.ts';
import { ChildView, DepartmentTaskView, InboxPage, TaskView } from '../../contracts/api/views.ts';
import { IdNumber } from '../../contracts/common.ts';
import { CapabilityAssessment } from '../../contracts/coming-of-age.ts';
import { PushAccepted, PushRefused } from '../../contracts/push.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { departments, taskTypes } from '../../services/topology.ts';
import { contractSchema, parts, toSchema, type Part } from './schemas.ts';
import { wireBodies, wireSchemaId } from './wire.ts';

type Json = Record<string, unknown>;

/** The API's schemas by component name. */
const named: Record<string, z.ZodMiniType> = {
  AdmissionRequest,
  OpenTaskRequest,
  OpenInstitutionTaskRequest,
  AcknowledgeRequest,
  CompleteRequest,
  RejectRequest,
  RequestInformationRequest,
  SupplyInformationRequest,
  AdmissionResponse,
  CapabilityAssessment,
  AssessmentResponse,
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
  IncidentsPage,
  ImportPageRequest,
  ImportPageResult,
  ImportProgress,
  ImportTemplate,
  ProgressReportAnswer,
  SubmitReportRequest,
  SubmittedReport,
  CityOverview,
  OverduePage,
  Escalation,
  EscalationList,
  ReadsPage,
  AcknowledgeEscalationRequest,
  Me,
  HealthResponse,
  Error: ErrorBody,
  GatewayError: GatewayErrorBody,
  PushAccepted,
  PushRefused,
};
/** Components written by hand: the document describing itself is not worth its own JSON Schema. */
const handWritten: [z.ZodMiniType, string, Json][] = [[OpenApiDocument, 'OpenApiDocument', { type: 'object', description: 'An OpenAPI 3.1 document' }]];

/** The component name of an API schema; a schema that is not a component is the builder's bug. */
export function componentOf(schema: z.ZodMiniType): string {
  const name = Object.entries(named).find(([, s]) => s === schema)?.[0] ?? handWritten.find(([s]) => s === schema)?.[1];
  if (!name) throw new Error(`a schema in contracts/api/operations/ is not a component of scripts/contracts/openapi-components.ts`);
  return name;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const componentName = (t: Pick<TaskTypeContract, 'type' | 'version'>, part: Part) => `${t.type}.v${t.version}.${part}`;

/** A standalone JSON Schema as an OpenAPI component: the dialect is the document's, and `$id` would rebase refs. */
export function asComponent(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/**
 * The identity number is accepted in any case and stored upper-case (a transform, which JSON Schema cannot say):
 * document the form a caller may send.
 */
function identityNumberOverride(ctx: { zodSchema: unknown; jsonSchema: Json }) {
  if (ctx.zodSchema !== IdNumber) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, {
    type: 'string',
    pattern: '^\\d{17}[\\dXx]$',
    description: 'Resident identity number (公民身份号码), GB 11643, 18 characters with a valid check character; stored upper-case',
  });
}

/** The API's own schemas, as callers send them and as they should read answers (open objects: ignore new fields). */
function apiSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'throw',
    override: identityNumberOverride as never,
  });
  return Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, asComponent(v as Json)]));
}

const props = (schema: Json) => schema.properties as Record<string, Json>;

/** Replaces an open `{}` / record property with `anyOf` the task-type schemas, keeping its description. */
function bindToTaskTypes(schema: Json, property: string, names: string[], description: string, more: Json[] = []) {
  if (!props(schema)[property]) throw new Error(`no property ${property} to bind`);
  props(schema)[property] = { description, anyOf: [...names.map(ref), ...more] };
}

/** Every schema component of the document. */
export function components(): Record<string, Json> {
  const contracts = taskTypes.map((t) => t.contract);
  const schemas = apiSchemas();
  for (const c of contracts) {
    for (const part of parts) {
      schemas[componentName(c, part)] = asComponent(contractSchema(c, part));
    }
  }
  for (const [, name, schema] of handWritten) schemas[name] = schema;
  // Each pushed body, by the name the webhooks refer to (`<type>.v<N>.wire`).
  for (const b of departments.flatMap(wireBodies)) {
    schemas[`${b.contract.type}.v${b.contract.version}.wire`] = asComponent(toSchema(b.schema, wireSchemaId(b.contract), 'output'));
  }

  const names = (part: Part, of = contracts) => of.map((c) => componentName(c, part));
  const openers: [string, TaskTypeContract[], string][] = [
    ['OpenTaskRequest', contracts.filter((c) => c.subject === 'child'), 'A task type opened for a child'],
    ['OpenInstitutionTaskRequest', contracts.filter((c) => c.subject === 'institution'), 'A task type opened for an institution'],
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
  return schemas;
}
