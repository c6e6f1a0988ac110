// The CloudEvents-shaped envelope that carries every message across a department boundary.
import * as z from 'zod/mini';
import { ChildId, DepartmentCode, InstitutionId, IsoDateTime, TaskId } from './common.ts';

export const Envelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  /** `<task type>.v<major>`: `<department>.<name>.v<N>`, as each contract file names its task type. */
  type: z.string().check(z.regex(/^[a-z-]+\.[a-z-]+\.v\d+$/)),
  /** The task's owner: the child or institution whose case this is. */
  subject: z.union([ChildId, InstitutionId]),
  time: IsoDateTime,
  dataschema: z.string().check(z.minLength(1)),
  datacontenttype: z.optional(z.literal('application/json')),
  taskid: TaskId,
  department: DepartmentCode,
  deadline: z.optional(IsoDateTime),
  data: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;
