// What the staff API answers, beside the views (views.ts) and transfers (transfers.ts). The handlers are typed by
// these (services/api/http.ts), and the OpenAPI document is generated from them.
import * as z from 'zod/mini';
import { Institution } from '../case.ts';
import { ChildId, IsoDate, IsoDateTime } from '../common.ts';
import { TaskView } from './views.ts';
import { ComingOfAgeView } from './clocks.ts';

export const HealthResponse = z.object({ status: z.literal('ok'), time: IsoDateTime });

/** POST /v1/children answers with the new child's id and the tasks its admission opened. */
export const AdmissionResponse = z.object({ childId: ChildId, tasks: z.array(TaskView) });

/** POST /v1/children/{childId}/capability-assessment: the case, now placing, and the tasks its plan opened. */
export const AssessmentResponse = z.object({ comingOfAge: ComingOfAgeView, tasks: z.array(TaskView) });

/** POST /v1/institutions/{institutionId}/tasks answers with the task, and its schedule when it recurs. */
export const InstitutionTaskResponse = z.extend(TaskView, {
  recurs: z.optional(z.object({ everyMonths: z.int().check(z.gte(1)), nextDueOn: IsoDate.check(z.describe('China date the next task is opened')) })).check(z.describe('Present when the task was opened with recurEveryMonths')),
});

/** GET /v1/institutions/{institutionId}. */
export const InstitutionView = z.object({
  institution: Institution,
  tasks: z.array(TaskView),
  schedules: z.array(
    z.object({ type: z.string(), everyMonths: z.int().check(z.gte(1)), nextDueOn: IsoDate, input: z.record(z.string(), z.unknown()) }),
  ),
  children: z.array(z.object({ childId: ChildId, admittedOn: IsoDate })),
});

/** GET /v1/openapi.json: the document itself. */
export const OpenApiDocument = z.record(z.string(), z.unknown());
