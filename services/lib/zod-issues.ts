// zod's issues as field issues (path and English message), without their Chinese: the zod issue's code and details
// ride along under a symbol, not enumerable (JSON, a spread copy and a comparison leave it out), and the API's answer
// (withChinese, services/lib/messages-zh.ts) turns them into the Chinese zodIssues would have given; an issue copied
// on its way there gets the generic Chinese. So what builds tasks for the sweeps as well as the API
// (services/cases/open-tasks.ts) carries no message table nor, through it, every task type's messages.
import type { FieldIssue } from '../../contracts/api/errors.ts';
import type { IssueDetail } from '../../contracts/api/messages-zh.ts';
import { echo } from './errors.ts';

/** The zod issue a field issue came from: its code and the check's details. */
export const zodDetail = Symbol('zod issue');
export type ZodFieldIssue = FieldIssue & { [zodDetail]?: IssueDetail };

/** zod's "expected string, received undefined": to a caller, a field left out. */
const isMissing = (i: { code?: string; message: string }) => i.code === 'invalid_type' && / received undefined$/.test(i.message);

/** Each zod issue's field path (prefixed) and message, both cut (zod quotes unknown keys verbatim), and its details. */
export function fieldIssues(error: { issues: ({ path: PropertyKey[]; message: string } & IssueDetail)[] }, prefix?: string): ZodFieldIssue[] {
  return error.issues.map((i) => {
    const issue: ZodFieldIssue = {
      path: echo([prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(body)', 120),
      message: isMissing(i) ? 'required' : echo(i.message, 200),
    };
    const { code, format, origin, expected, minimum, maximum, values } = i;
    // Not enumerable: a copy, a comparison and JSON see the field issue only.
    return Object.defineProperty(issue, zodDetail, { value: { code, format, origin, expected, minimum, maximum, values } });
  });
}
