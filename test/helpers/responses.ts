// Every answer an integration test gets is parsed with the schema the API documents for it (contracts/api/operations):
// a success with its route's `success.schema`, an error with the error body, at a status the route declares. A
// response that drifts from the OpenAPI document fails the test that received it.
import * as z from 'zod/mini';
import { ErrorBody, GatewayErrorBody } from '../../contracts/api/errors.ts';
import { operations } from '../../contracts/api/operations/index.ts';
import { matchRoute } from '../../scripts/local/route-match.ts';

const routes = Object.entries(operations).map(([key, op]) => {
  const [method, path] = key.split(' ') as [string, string];
  return { method, path, op };
});
const AnyError = z.union([ErrorBody, GatewayErrorBody]);

/** Throws, naming the route and the offending fields, when `body` is not what the route documents for `status`. */
export function checkResponse(method: string, path: string, status: number, body: unknown): void {
  const match = matchRoute(routes, method, path);
  if (match.kind !== 'matched') return; // an unknown route: the gateway's own 404/405, covered by its tests
  const { op } = match.route;
  const where = `${method} ${match.resource} answered ${status}`;
  if (status === op.success.status) {
    const parsed = op.success.schema.safeParse(body);
    if (!parsed.success) throw new Error(`${where}, not its documented ${op.operationId} answer: ${parsed.error.message}`);
    return;
  }
  if (!(op.errors as number[]).includes(status) && status !== 500) throw new Error(`${where}, a status its operation does not declare`);
  const parsed = AnyError.safeParse(body);
  if (!parsed.success) throw new Error(`${where} with a body that is not an error body: ${parsed.error.message}`);
}
