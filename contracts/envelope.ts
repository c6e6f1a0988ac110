// The CloudEvents-shaped envelope that carries every message across a department boundary.
import * as z from 'zod';
import { ChildId, DepartmentCode, InstitutionId, IsoDateTime, TaskId } from './common.ts';

export const Envelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  /** `<task type>.v<major>`: `<department>.<name>.v<N>`, as each contract file names its task type. */
  type: z.string().regex(/^[a-z-]+\.[a-z-]+\.v\d+$/),
  /** The task's owner: the child or institution whose case this is. */
  subject: z.union([ChildId, InstitutionId]),
  time: IsoDateTime,
  dataschema: z.string().min(1),
  datacontenttype: z.literal('application/json').optional(),
  taskid: TaskId,
  department: DepartmentCode,
  deadline: IsoDateTime.optional(),
  data: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;
