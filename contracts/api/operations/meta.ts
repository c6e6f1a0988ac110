// About the API itself: its health and its document (no token), and who the caller is.
// Each route's documentation and the schemas of its body and answer (spec.ts).
import { Me } from '../me.ts';
import { HealthResponse, OpenApiDocument } from '../responses.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const metaOperations = {
  'GET /v1/health': {
    operationId: 'getHealth',
    tag: 'meta',
    summary: 'Liveness probe',
    success: { status: 200, schema: HealthResponse, description: 'The API answers' },
    errors: [],
  },
  'GET /v1/openapi.json': {
    operationId: 'getOpenApiDocument',
    tag: 'meta',
    summary: 'This document',
    success: { status: 200, schema: OpenApiDocument, description: 'The OpenAPI document of this API' },
    errors: [],
  },
  'GET /v1/me': {
    operationId: 'getMe',
    tag: 'meta',
    summary: 'Who the bearer token stands for, described for a person',
    description: 'Any principal. The console starts here: it never reads principal strings itself.',
    success: { status: 200, schema: Me, description: 'The caller' },
    errors: [...AUTH],
  },
} satisfies Record<string, OperationSpec>;
