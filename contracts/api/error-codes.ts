// The error code of each status the API answers with, as plain data: the error classes (services/lib/errors.ts)
// read it without the answer's schemas (errors.ts), which only the API's documents need.
export const errorCodes = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'rule_violation',
  429: 'too_many_requests',
  500: 'internal',
} as const;
export type ErrorStatus = Exclude<keyof typeof errorCodes, 500>;

