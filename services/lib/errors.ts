// One error hierarchy, mapped to HTTP once (services/api/http.ts). Handlers throw; nothing formats errors twice.
// The codes and the answer's shape are the API contract's (contracts/api/errors.ts). The Chinese of an answer
// (zodIssues, withChinese) is in messages-zh.ts, so that a bundle which throws but never answers HTTP (the sweeps'
// stores, the adapters, the read-audit consumer) carries no message table nor, through it, every task type.
import { errorCodes, type ErrorStatus } from '../../contracts/api/error-codes.ts';
import type { FieldIssue } from '../../contracts/api/errors.ts';

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
