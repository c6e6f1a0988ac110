// The API supervisors call: the progress report and its exports, the city overview, the overdue list, escalations,
// who looked at a child.
// Its own function, so the report export (services/reports/xlsx.ts, written by the hub: no spreadsheet library) stays
// out of the staff API's bundle.
import { httpApi } from './http.ts';
import { childReadRoutes } from './routes/child-reads.ts';
import { reportRoutes } from './routes/reports.ts';
import { supervisionRoutes } from './routes/supervision.ts';

export const handler = httpApi({ ...reportRoutes, ...supervisionRoutes, ...childReadRoutes });
