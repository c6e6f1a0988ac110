// The Chinese of an English message: the one table (contracts/api/messages-zh.ts), then the task-type contracts' own
// words (their `zh.messages`), so that a department added in its own folders brings its messages to the API's
// `message_zh` and to the console alike. A result rule declares its words in both languages (contracts/result-rules.ts).
import type { ErrorBody, FieldIssue } from '../../contracts/api/errors.ts';
import { errorZh, issueDetailZh, issueZh, knownZh as tableZh, type IssueDetail } from '../../contracts/api/messages-zh.ts';
import { taskTypes } from '../topology/task-types.ts';
import { fieldIssues, zodDetail, type ZodFieldIssue } from './zod-issues.ts';

const contractMessages: Record<string, string> = Object.assign(
  {},
  ...taskTypes.map((t) => t.contract.zh?.messages ?? {}),
  ...taskTypes.flatMap((t) => t.contract.rules.map((r) => ({ [r.en]: r.zh }))),
);

/** The Chinese of a known English message, or undefined. */
export const knownZh = (message: string): string | undefined => tableZh(message) ?? contractMessages[message];

/** A zod issue's Chinese (contracts/api/messages-zh.ts): the message's own, else the check's details, else its code's. */
const zhOfIssue = (message: string, detail: IssueDetail | undefined) =>
  knownZh(message) ?? (detail ? (issueDetailZh(detail) ?? issueZh[detail.code ?? 'custom']) : undefined);

/**
 * Turns zod issues into field paths a caller can act on (services/lib/zod-issues.ts), each with its Chinese.
 */
export function zodIssues(error: Parameters<typeof fieldIssues>[0], prefix?: string): FieldIssue[] {
  return fieldIssues(error, prefix).map((i) => ({ path: i.path, message: i.message, message_zh: zhOfIssue(i.message, i[zodDetail]) ?? issueZh.custom! }));
}

/**
 * An error answer's Chinese, from the one table (contracts/api/messages-zh.ts): the message's own, else its code's;
 * each issue's likewise (one from zod without its Chinese, as the task builder gives it, as zodIssues would have). The API answers with it, and the OpenAPI document's examples are made by it.
 */
export function withChinese(body: Omit<ErrorBody, 'message_zh'>): ErrorBody {
  return {
    ...body,
    message_zh: knownZh(body.message) ?? errorZh[body.error],
    ...(body.issues ? { issues: body.issues.map((i: ZodFieldIssue) => ({ ...i, message_zh: i.message_zh ?? zhOfIssue(i.message, i[zodDetail]) ?? issueZh.custom! })) } : {}),
  };
}
