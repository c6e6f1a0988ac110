// The Chinese of an English message: the one table (contracts/api/messages-zh.ts), then the task-type contracts' own
// words (their `zh.messages`), so that a department added in its own folders brings its messages to the API's
// `message_zh` and to the console alike. A result rule declares its words in both languages (contracts/result-rules.ts).
import type { ErrorBody, FieldIssue } from '../../contracts/api/errors.ts';
import { errorZh, issueDetailZh, issueZh, knownZh as tableZh, type IssueDetail } from '../../contracts/api/messages-zh.ts';
import { taskTypes } from '../topology/task-types.ts';
import { echo } from './errors.ts';

const contractMessages: Record<string, string> = Object.assign(
  {},
  ...taskTypes.map((t) => t.contract.zh?.messages ?? {}),
  ...taskTypes.flatMap((t) => t.contract.rules.map((r) => ({ [r.en]: r.zh }))),
);

/** The Chinese of a known English message, or undefined. */
export const knownZh = (message: string): string | undefined => tableZh(message) ?? contractMessages[message];

/** zod's "expected string, received undefined": to a caller, a field left out. */
const isMissing = (i: { code?: string; message: string }) => i.code === 'invalid_type' && / received undefined$/.test(i.message);

/**
 * Turns zod issues into field paths a caller can act on, each with its Chinese (contracts/api/messages-zh.ts: the
 * message's own, else the check's details, else its code's). Both
 * are cut: zod quotes unknown keys verbatim.
 */
export function zodIssues(
  error: { issues: ({ path: PropertyKey[]; message: string } & IssueDetail)[] },
  prefix?: string,
): FieldIssue[] {
  return error.issues.map((i) => {
    const message = isMissing(i) ? 'required' : echo(i.message, 200);
    return {
      path: echo([prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(body)', 120),
      message,
      message_zh: knownZh(message) ?? issueDetailZh(i) ?? issueZh[i.code ?? 'custom'] ?? issueZh.custom!,
    };
  });
}

/**
 * An error answer's Chinese, from the one table (contracts/api/messages-zh.ts): the message's own, else its code's;
 * each issue's likewise. The API answers with it, and the OpenAPI document's examples are made by it.
 */
export function withChinese(body: Omit<ErrorBody, 'message_zh'>): ErrorBody {
  return {
    ...body,
    message_zh: knownZh(body.message) ?? errorZh[body.error],
    ...(body.issues ? { issues: body.issues.map((i) => ({ ...i, message_zh: i.message_zh ?? knownZh(i.message) ?? issueZh.custom! })) } : {}),
  };
}
