// The API welfare staff and supervisors call. One function, routes by resource (see http.ts).
import { httpApi } from './http.ts';
import { openApiDocument } from './openapi-document.ts';
import { childRoutes } from './routes/children.ts';
import { institutionRoutes } from './routes/institutions.ts';
import { taskActionRoutes } from './routes/task-actions.ts';
import { transferRoutes } from './routes/transfers.ts';

export const handler = httpApi({
  'GET /v1/health': async () => ({ status: 200, body: { status: 'ok', time: new Date().toISOString() } }),
  // The published API description, committed under contracts/generated/ and checked for drift in CI.
  'GET /v1/openapi.json': async () => ({ status: 200, body: openApiDocument }),
  ...childRoutes,
  ...taskActionRoutes,
  ...institutionRoutes,
  ...transferRoutes,
});
