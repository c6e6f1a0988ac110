// The OpenAPI 3.1 document of the REST API, assembled from `routes` in services/topology.ts, each route's operation
// (contracts/api/operations/: documentation, body and answer schemas), the schema components (openapi-components.ts),
// the error answers (openapi-errors.ts) and the task types' examples. Pure: topology, contracts and examples in,
// document out. Every route of the topology must have an operation, or the build throws naming it.
import type * as z from 'zod/mini';
import { ChildrenQuery } from '../../contracts/api/children.ts';
import { IncidentsQuery } from '../../contracts/api/incidents.ts';
import { ReadsQuery } from '../../contracts/api/reads.ts';
import { InboxQuery } from '../../contracts/api/requests.ts';
import { ReportQuery } from '../../contracts/api/reports.ts';
import { EscalationsQuery, OverdueQuery } from '../../contracts/api/supervision.ts';
import { operations, type OperationKey } from '../../contracts/api/operations/index.ts';
import type { OperationSpec } from '../../contracts/api/operations/spec.ts';
import { pathParameters } from '../../contracts/api/paths.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { routes, taskTypes } from '../../services/topology.ts';
import { exampleResults, type ExampleFile } from './examples.ts';
import { asComponent, componentOf, components, ref } from './openapi-components.ts';
import { errorResponses, responseRef } from './openapi-errors.ts';
import { toSchema } from './schemas.ts';
import { buildWebhooks } from './webhooks.ts';

/** The route that serves this document. Documented whether or not the topology lists it yet. */
export const openApiRoute = { method: 'GET', path: '/v1/openapi.json', fn: 'docs', auth: false } as const;

/** The topology's routes, plus this document's own unless the topology already has it. */
export const documentedRoutes = () =>
  routes.some((r) => r.method === openApiRoute.method && r.path === openApiRoute.path) ? [...routes] : [...routes, openApiRoute];

type Json = Record<string, unknown>;
const props = (schema: Json) => schema.properties as Record<string, Json>;
const isOperation = (key: string): key is OperationKey => key in operations;

export function buildOpenApi(examples: Map<string, ExampleFile>) {
  const contracts = taskTypes.map((t) => t.contract);
  const childContracts = contracts.filter((c) => c.subject === 'child');
  const institutionContracts = contracts.filter((c) => c.subject === 'institution');
  const schemas = components();

  const routeKeys = documentedRoutes().map((r) => `${r.method} ${r.path}`);
  const missing = routeKeys.filter((k) => !isOperation(k));
  if (missing.length) {
    throw new Error(
      `routes in services/topology.ts with no operation in contracts/api/operations/: ${missing.join(', ')}. ` +
        'Add one (summary, body schema, answer schema, error statuses), then run npx tsx scripts/contracts/generate.ts',
    );
  }

  const queryOf = (schema: z.ZodMiniObject, id: string, descriptions: Record<string, string>) => {
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
    '/v1/incidents': queryOf(IncidentsQuery, 'incidents-query', {}),
    '/v1/reports/progress': queryOf(ReportQuery, 'report-query', {}),
    '/v1/cities/{cityCode}/overdue': queryOf(OverdueQuery, 'overdue-query', {}),
    '/v1/children/{childId}/reads': queryOf(ReadsQuery, 'reads-query', {}),
    '/v1/escalations': queryOf(EscalationsQuery, 'escalations-query', { status: 'Only escalations in this status' }),
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
    const spec: OperationSpec = operations[`${route.method} ${route.path}` as OperationKey];
    const body = spec.body ? componentOf(spec.body) : undefined;
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
        content: { 'application/json': { schema: ref(componentOf(spec.success.schema)) } },
      },
    };
    for (const status of spec.errors) responses[String(status)] = responseRef(status);
    responses['500'] = { $ref: '#/components/responses/InternalError' };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: spec.operationId,
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      security: route.auth ? [{ bearer: [] }] : [],
      ...(parameters.length ? { parameters } : {}),
      ...(body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: ref(body),
                  ...(bodyExamples[body] && Object.keys(bodyExamples[body]!).length ? { examples: bodyExamples[body] } : {}),
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
      { name: 'push', description: 'What the hub sends a department that takes pushes (webhooks): signed POSTs to its endpoint' },
    ],
    paths,
    webhooks: buildWebhooks(examples),
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
      responses: errorResponses(examples),
      schemas,
    },
  };
}

