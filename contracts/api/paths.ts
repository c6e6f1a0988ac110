// The ids a path may carry, with their formats. The HTTP layer checks every path parameter against these before a
// handler runs (a malformed id is a 400 naming the parameter and its pattern, and never reaches the table), and the
// OpenAPI document declares the same schemas, so what is documented is what is enforced.
import * as z from 'zod/mini';
import { ChildId, DepartmentCode, DivisionCode, EscalationId, InstitutionId, TaskId, TransferId } from '../common.ts';
import { ImportId } from './imports.ts';

export const pathParameters = {
  childId: { schema: ChildId, description: 'The child id returned by admission' },
  taskId: { schema: TaskId, description: 'The task id (`<owner>.T<ulid>`)' },
  // Department codes have no fixed length; a bound keeps an unknown one out of answers.
  department: {
    schema: DepartmentCode.check(z.maxLength(64, 'a department code: must match ^[a-z]+(-[a-z]+)*$, at most 64 characters')),
    description: 'The department code',
  },
  institutionId: { schema: InstitutionId, description: 'The institution id (`CWI-<city code>` or `MPC-<county code>`)' },
  transferId: { schema: TransferId, description: 'The transfer id (`TR<ulid>`)' },
  importId: { schema: ImportId, description: 'The import id the client chose for its file' },
  cityCode: { schema: DivisionCode, description: 'A city\'s division code, e.g. 450100' },
  escalationId: { schema: EscalationId, description: 'The escalation id (`<taskId>.E1` or `.E2`)' },
} satisfies Record<string, { schema: z.ZodMiniType<string>; description: string }>;

export type PathParameter = keyof typeof pathParameters;
