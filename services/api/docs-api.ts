// The published API description, served by its own small function: the document is 200 KB of JSON that
// the staff and partner functions should not load on every cold start.
import { httpApi } from './http.ts';
import { openApiDocument } from './openapi-document.ts';

export const handler = httpApi({
  'GET /v1/openapi.json': async () => ({ status: 200, body: openApiDocument }),
});
