// Who looked at a child (GET /v1/children/{childId}/reads): one record per answer that disclosed the child's
// personal data, written off the request path (docs/decisions/0016-read-audit.md).
import * as z from 'zod/mini';
import { ChildId, IsoDateTime } from '../common.ts';
import { Person } from './recorded-by.ts';

/** One read of a child's data: who (the principal and the person acting for it), when, through which route. */
export const ReadRecord = z.object({
  childId: ChildId,
  at: IsoDateTime.check(z.describe('When the answer was given')),
  by: z.string().check(z.minLength(1), z.maxLength(128), z.describe('The principal that read, e.g. staff:CWI-450100 or department:education@450100')),
  person: z.optional(Person).check(z.describe('The person acting for it, when the token named one')),
  route: z.string().check(z.minLength(1), z.maxLength(128), z.describe('The route that answered, e.g. GET /v1/children/{childId}')),
  /** Distinguishes reads in the same millisecond; stable across redeliveries of its message, so a retry overwrites. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/), z.describe('The record\'s own id')),
});
export type ReadRecord = z.infer<typeof ReadRecord>;

/** What the APIs send to the read-audit queue: up to one BatchWriteItem's worth of records per message. */
export const ReadAuditMessage = z.object({ v: z.literal(1), reads: z.array(ReadRecord).check(z.minLength(1), z.maxLength(25)) });
export type ReadAuditMessage = z.infer<typeof ReadAuditMessage>;

export const ReadsQuery = z.strictObject({
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))).check(z.describe('At most this many records (default 50)')),
  nextToken: z.optional(z.string().check(z.maxLength(300))).check(z.describe('The `nextToken` of the previous page')),
});

export const ReadsPage = z.object({
  items: z.array(z.omit(ReadRecord, { id: true })).check(z.describe('Newest first')),
  nextToken: z.optional(z.string()).check(z.describe('Absent on the last page')),
});
export type ReadsPage = z.infer<typeof ReadsPage>;

/** What each route that records a read showed, as a person names it (the console's 查阅记录, `hub reads`). */
export const readRouteNames: Record<string, string> = {
  'GET /v1/children/{childId}': '儿童档案',
  'GET /v1/institutions/{institutionId}/children': '机构儿童名单',
  'GET /v1/transfers/{transferId}': '移交单',
  'GET /v1/institutions/{institutionId}/transfers': '机构移交情况',
  'GET /v1/tasks/{taskId}': '部门查看协同事项',
  'GET /v1/departments/{department}/tasks': '部门待办列表',
};

/** A route's name for a person; a route not named above is shown as it is. */
export const readRouteName = (route: string): string => readRouteNames[route] ?? route;
