// What documents a route of the API: its OpenAPI operation (summary, description, error statuses) and the schemas of
// its body and its answer. The handlers answer with the answer's schema as their type (services/api/http.ts), and
// the OpenAPI document (scripts/contracts/openapi.ts) is assembled from the same objects.
import type * as z from 'zod/mini';
import type { ErrorStatus } from '../errors.ts';

export interface OperationSpec {
  operationId: string;
  tag: 'staff' | 'partner' | 'meta';
  summary: string;
  description?: string;
  body?: z.ZodMiniType;
  success: { status: 200 | 201; schema: z.ZodMiniType; description: string };
  errors: ErrorStatus[];
}

/** Every route behind the authorizer can answer these. */
export const AUTH: ErrorStatus[] = [401, 403];
