// One error hierarchy, mapped to HTTP once (services/api/http.ts). Handlers throw; nothing formats errors twice.
// The codes and the answer's shape are the API contract's (contracts/api/errors.ts).
import { errorCodes, type ErrorBody, type ErrorStatus, type FieldIssue } from '../../contracts/api/errors.ts';
import { errorZh, issueDetailZh, issueZh, type IssueDetail } from '../../contracts/api/messages-zh.ts';
import { knownZh } from './messages-zh.ts';

export class HubError extends Error {
  readonly code: (typeof errorCodes)[ErrorStatus];

  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
    this.code = errorCodes[status];
  }
}

export class ValidationError extends HubError {
  constructor(issues: FieldIssue[], message = 'the request is invalid') {
    super(400, message, issues);
  }
}

export class UnauthorizedError extends HubError {
  constructor(message = 'a valid bearer token is required') {
    super(401, message);
  }
}

export class ForbiddenError extends HubError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFoundError extends HubError {
  constructor(message: string) {
    super(404, message);
  }
}

/** A transition the lifecycle does not allow, or a concurrent change that won the race. */
export class ConflictError extends HubError {
  constructor(message: string) {
    super(409, message);
  }
}

/** Well-formed, but breaks a business rule (for example a waiting period before benefits start). */
export class RuleViolationError extends HubError {
  constructor(issues: FieldIssue[]) {
    super(422, 'the result breaks a policy rule', issues);
  }
}

/** Sent faster than the hub allows (an import's pace): nothing changed; the answer says when to send again. */
export class TooManyRequestsError extends HubError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, message);
  }
}

/**
 * A caller's value as an answer may quote it: cut to a short length, so that an answer never carries back
 * kilobytes the caller sent (ids, type names, unknown keys).
 */
export function echo(value: string, max = 64): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

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
