// The API welfare staff and supervisors call. One function, routes by resource (see http.ts).
import { flushReads } from '../audit/reads.ts';
import { httpApi } from './http.ts';
import { childRoutes } from './routes/children.ts';
import { comingOfAgeRoutes } from './routes/coming-of-age.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { importRoutes } from './routes/imports.ts';
import { institutionChildrenRoutes } from './routes/institution-children.ts';
import { institutionRoutes } from './routes/institutions.ts';
import { meRoutes } from './routes/me.ts';
import { taskActionRoutes } from './routes/task-actions.ts';
import { transferRoutes } from './routes/transfers.ts';
import { clock } from '../lib/clock.ts';

export const handler = httpApi({
  'GET /v1/health': async () => ({ status: 200, body: { status: 'ok', time: clock.now().toISOString() } }),
  ...childRoutes,
  ...comingOfAgeRoutes,
  ...taskActionRoutes,
  ...institutionRoutes,
  ...institutionChildrenRoutes,
  ...meRoutes,
  ...transferRoutes,
  ...incidentRoutes,
  ...importRoutes,
}, flushReads);
