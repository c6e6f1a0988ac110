// The statuses a task moves through (FHIR Task's, services/state/lifecycle.ts), as plain data: the state code that
// moves a task (the adapters, the sweeps) reads them without the read views' schemas. `TaskStatus` in ./views.ts is
// the published enum of these.
export const taskStatuses = [
  'requested',
  'dispatched',
  'delivered',
  'acknowledged',
  'in-progress',
  'information-needed',
  'completed',
  'rejected',
  'failed',
  'cancelled',
] as const;
