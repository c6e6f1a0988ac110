// One error hierarchy, mapped to HTTP once (services/api/http.ts). Handlers throw; nothing formats errors twice.
// The codes and the answer's shape are the API contract's (contracts/api/errors.ts).
import { errorCodes, type ErrorStatus, type FieldIssue } from '../../contracts/api/errors.ts';

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

/**
 * A caller's value as an answer may quote it: cut to a short length, so that an answer never carries back
 * kilobytes the caller sent (ids, type names, unknown keys).
 */
export function echo(value: string, max = 64): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Turns zod issues into field paths a caller can act on. Both are cut: zod quotes unknown keys verbatim. */
export function zodIssues(
  error: { issues: { path: PropertyKey[]; message: string }[] },
  prefix?: string,
): FieldIssue[] {
  return error.issues.map((i) => ({
    path: echo([prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(body)', 120),
    message: echo(i.message, 200),
  }));
}
