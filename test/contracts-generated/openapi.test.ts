// The OpenAPI document validates with @apidevtools/swagger-parser, documents every route of the topology as the
// topology says (path parameters, security), and its examples are valid against its own schemas.
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../scripts/contracts/build.ts';
import { documentedRoutes } from '../../scripts/contracts/openapi.ts';
import { openApiDocument } from '../../services/api/openapi-document.ts';
import { ajvErrors, mapRefs, readJson, schemaAjv } from './support.ts';

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: { 'application/json': { schema: { $ref: string }; examples?: Record<string, { value: unknown }> } } };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, object>;
    responses: Record<string, { content: { 'application/json': { schema: object; example: unknown } } }>;
    securitySchemes: Record<string, object>;
  };
};

const doc = readJson<Doc>(OPENAPI_FILE);
const allRoutes = documentedRoutes();
const op = (r: { method: string; path: string }) => doc.paths[r.path]?.[r.method.toLowerCase()];

describe('openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as { openapi?: string };
    expect(api.openapi).toBe('3.1.0');
  });

  it('is what services/api/openapi-document.ts serves', () => {
    expect(openApiDocument).toEqual(doc);
  });

  it('documents every route of the topology, and GET /v1/openapi.json, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(allRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(allRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: security and path parameters', (_k, route) => {
    const o = op(route)!;
    expect(o.security).toEqual(route.auth ? [{ bearer: [] }] : []);
    if (route.auth) expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(['401', '403']));
    const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const inPath = (o.parameters ?? []).filter((p) => p.in === 'path');
    expect(inPath.map((p) => p.name)).toEqual(pathParams);
    expect(inPath.every((p) => p.required)).toBe(true);
    const success = Object.keys(o.responses).filter((s) => s.startsWith('2'));
    expect(success).toHaveLength(1);
    if (o.requestBody) expect(Object.keys(o.responses)).toContain('400');
  });

  it('has no security on /v1/health and /v1/openapi.json, a bearer scheme elsewhere', () => {
    expect(doc.paths['/v1/health']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/openapi.json']!.get!.security).toEqual([]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents the inbox query: status, limit, nextToken', () => {
    const params = doc.paths['/v1/departments/{department}/tasks']!.get!.parameters!.filter((p) => p.in === 'query');
    expect(params.map((p) => p.name)).toEqual(['status', 'limit', 'nextToken']);
    expect(params.every((p) => !p.required)).toBe(true);
  });

  it('answers 201 on creation, the right views, and the error body on 400/401/403/404/409/422', () => {
    const created = doc.paths['/v1/children']!.post!.responses['201']!.content!['application/json']!.schema;
    expect(created).toEqual({ $ref: '#/components/schemas/AdmissionResponse' });
    expect(doc.paths['/v1/children/{childId}']!.get!.responses['200']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ChildView',
    });
    expect(doc.paths['/v1/departments/{department}/tasks']!.get!.responses['200']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/InboxPage',
    });
    const complete = doc.paths['/v1/tasks/{taskId}/complete']!.post!.responses;
    expect(Object.keys(complete).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422', '500']);
  });

  describe('its examples are valid against its schemas', () => {
    const ajv = schemaAjv();
    const toDefs = (ref: string) => ref.replace('#/components/schemas/', 'openapi.json#/$defs/');
    ajv.addSchema(mapRefs({ $id: 'openapi.json', $defs: doc.components.schemas }, toDefs));
    const compile = (schema: object) => ajv.compile(mapRefs(schema, toDefs));

    const bodies = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, o]) =>
        Object.entries(o.requestBody?.content['application/json'].examples ?? {}).map(
          ([name, ex]) => [`${method.toUpperCase()} ${path} ${name}`, o.requestBody!.content['application/json'].schema, ex.value] as const,
        ),
      ),
    );

    it('has request-body examples for completing and opening each task type', () => {
      expect(bodies.length).toBeGreaterThan(10);
    });

    it.each(bodies)('%s', (_name, schema, value) => {
      const validate = compile(schema);
      expect(ajvErrors(validate(value) ? [] : validate.errors)).toEqual([]);
    });

    it.each(Object.entries(doc.components.responses))('error response %s', (_name, response) => {
      const { schema, example, examples } = response.content['application/json'] as { schema: object; example?: unknown; examples?: object };
      const validate = compile(schema);
      const values = example ? [example] : Object.values(examples as Record<string, { value: unknown }>).map((e) => e.value);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(ajvErrors(validate(value) ? [] : validate.errors)).toEqual([]);
    });
  });
});
