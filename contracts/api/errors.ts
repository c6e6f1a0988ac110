// What every error answer looks like (services/lib/errors.ts throws them, services/api/http.ts answers them).
import * as z from 'zod/mini';
import { errorCodes } from './error-codes.ts';

export { errorCodes, type ErrorStatus } from './error-codes.ts';

export const FieldIssue = z.object({
  path: z.string().check(z.describe('Dotted path of the offending field, e.g. `result.enrolledOn`, or `(body)`')),
  message: z.string().check(z.describe('What is wrong with it, in English; `required` when the field is missing')),
  message_zh: z.optional(z.string()).check(z.describe('The same in Chinese, for a person')),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorBody = z.object({
  error: z.enum(Object.values(errorCodes)).check(z.describe('Machine-readable error code')),
  message: z.string().check(z.describe('What went wrong, in English (for systems and their developers)')),
  message_zh: z.string().check(z.describe('What went wrong, in Chinese (for a person)')),
  retryAfterSeconds: z.optional(z.int()).check(z.describe('429 too_many_requests: send again after this many seconds (also the `Retry-After` header)')),
  issues: z.optional(z.array(FieldIssue)).check(z.describe('Every offending field (400 invalid_request, 422 rule_violation)')),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** What API Gateway itself answers when the authorizer refuses (AWS; the local gateway answers with ErrorBody). */
export const GatewayErrorBody = z.object({
  message: z.string().check(z.describe('API Gateway\'s own message, in English')),
  message_zh: z.optional(z.string()).check(z.describe('The same in Chinese (the stack\'s gateway responses), for a person')),
});
