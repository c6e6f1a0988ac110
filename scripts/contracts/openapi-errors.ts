// The error answers of the OpenAPI document: one response component per status, with an example built by the error
// classes the handlers throw (services/lib/errors.ts), so the documented body is the one answered.
import { errorCodes, type ErrorStatus } from '../../contracts/api/errors.ts';
import {
  ConflictError,
  ForbiddenError,
  type HubError,
  NotFoundError,
  RuleViolationError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../../services/lib/errors.ts';
import { withChinese } from '../../services/lib/messages-zh.ts';
import { taskTypes } from '../../services/topology.ts';
import type { ExampleFile } from './examples.ts';
import { ref } from './openapi-components.ts';
import { firstCounterExample } from './rule-samples.ts';

/** Status and code of each error the handlers throw (services/lib/errors.ts), taken from the classes themselves. */
const errorSamples: HubError[] = [
  new ValidationError([{ path: 'name', message: 'Too small: expected string to have >=1 characters' }]),
  new UnauthorizedError(),
  new ForbiddenError('only the staff of an institution may do this'),
  new NotFoundError('task CH01HYKQ6Z8P3V9W2X4Y5Z6A7B8C.T01HYKQ7A2B3C4D5E6F7G8H9J0K not found'),
  new ConflictError('task CH01HYKQ6Z8P3V9W2X4Y5Z6A7B8C.T01HYKQ7A2B3C4D5E6F7G8H9J0K: cannot complete a task that is delivered: acknowledge first'),
  new TooManyRequestsError('import 3q2-Ky7vXW0bHn5cAhRj1tPzLmE8dUo4: rows sent faster than 20 a second; send this page again in 2 s', 2),
];
const INTERNAL = { status: 500, code: errorCodes[500], message: 'internal error' } as const;

const responseName: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'RuleViolation',
  429: 'TooManyRequests',
};

const responseText: Record<ErrorStatus | 500, string> = {
  400: 'The body, query or path parameters are invalid; `issues` names every offending field (`path.<name>` with its ' +
    'pattern for a malformed id, `query.nextToken` for a token this API did not issue for this query). Nothing changed.',
  401: 'No valid bearer token. On AWS, API Gateway answers `{ "message": "Unauthorized", "message_zh": "需要有效的访问令牌" }` ' +
    '(its own refusals carry Chinese through the stack\'s gateway responses); the local gateway adds `error`.',
  403: 'The principal\'s kind may not do this at all (a department opening a task, a supervisor writing), or it is ' +
    'outside a public resource it may not act for (another institution, another department\'s inbox). Decided before ' +
    'anything is read; the message says what the caller is not, never who the owner is.',
  404: 'No such child, task, transfer, department or institution, or one outside the caller\'s scope: another ' +
    'institution\'s child, another department\'s task get exactly this answer (docs/security.md).',
  409: 'The task\'s lifecycle does not allow this now, or a concurrent change won. Nothing changed.',
  422: 'Well-formed, but breaks a policy rule; `issues` says which (each rule is in the result schema\'s `x-rules`, ' +
    'its `en` the issue\'s `message`, its `zh` the `message_zh`). One example per task type. Nothing changed.',
  429: 'Sent faster than the hub allows (an import\'s rows beyond `progress.rowsPerSecond`). Nothing changed; send the same ' +
    'request again after `Retry-After` seconds (also `retryAfterSeconds`).',
  500: 'An unexpected error; retry later.',
};

export const responseRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/${responseName[status]}` });

const answer = (e: HubError) =>
  withChinese({ error: e.code, message: e.message, ...(e instanceof TooManyRequestsError ? { retryAfterSeconds: e.retryAfterSeconds } : {}), ...(e.issues ? { issues: e.issues } : {}) });

/**
 * One 422 per task type that has rules: the real check's answer to its example's result changed to break its first rule
 * (rule-samples.ts), with what was sent (`x-request`: the task's request; `x-result`: the result completed with).
 */
function ruleViolationExamples(examples: Map<string, ExampleFile>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { contract: c } of taskTypes.filter((t) => t.contract.rules.length > 0)) {
    const key = `${c.type}.v${c.version}`;
    const broken = examples.has(key) ? firstCounterExample(c, examples.get(key)!) : undefined;
    if (!broken) throw new Error(`${key}: no counter-example for its first result rule (${c.rules[0]?.id ?? 'none declared'})`);
    const violations = c.checkResult(c.result.parse(broken.result), broken.request);
    out[key] = {
      summary: `${c.titleZh}: ${c.rules[0]!.zh}`,
      value: answer(new RuleViolationError(violations)),
      'x-request': broken.request,
      'x-result': broken.result,
    };
  }
  return out;
}

export function errorResponses(examples: Map<string, ExampleFile>) {
  const out: Record<string, unknown> = {
    RuleViolation: {
      description: responseText[422],
      content: { 'application/json': { schema: ref('Error'), examples: ruleViolationExamples(examples) } },
    },
  };
  for (const e of errorSamples) {
    const status = e.status as ErrorStatus;
    const body = answer(e);
    out[responseName[status]] = {
      description: responseText[status],
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before sending again', schema: { type: 'integer', minimum: 1 } } } } : {}),
      content: {
        'application/json': {
          schema: status === 401 || status === 403 ? { anyOf: [ref('Error'), ref('GatewayError')] } : ref('Error'),
          example: body,
        },
      },
    };
  }
  out.InternalError = {
    description: responseText[500],
    content: { 'application/json': { schema: ref('Error'), example: withChinese({ error: INTERNAL.code, message: INTERNAL.message }) } },
  };
  return out;
}
