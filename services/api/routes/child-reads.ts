// Who looked at a child (GET /v1/children/{childId}/reads): the read audit's records, newest first, for the
// supervisor of the child's city and the region's (docs/decisions/0016-read-audit.md). Anyone else who is not a
// supervisor gets 403 from the token alone; another city's supervisor the 404 of an unknown child (docs/security.md).
import { ReadsQuery } from '../../../contracts/api/reads.ts';
import { canRead, notFound } from '../../auth/scope.ts';
import { ForbiddenError, ValidationError } from '../../lib/errors.ts';
import { getChild } from '../../state/children.ts';
import { queryReads } from '../../state/reads.ts';
import { parseBody, requirePrincipal, type Routes } from '../http.ts';

// The position is the sort key of the last record given: unsigned, because it is rebuilt into a key of this child's
// own partition, so a made-up one can only start the walk elsewhere in reads the caller may see anyway.
const SORT_KEY = /^\d{4}-\d\d-\d\dT[\d:.]+Z#[a-z]+:[A-Za-z0-9@:_-]+#[A-Za-z0-9_-]{1,32}$/;
const badToken = () => new ValidationError([{ path: 'query.nextToken', message: 'not a token this API returned' }]);

function openPosition(token: string): string {
  const sk = Buffer.from(token, 'base64url').toString('utf8');
  if (!SORT_KEY.test(sk)) throw badToken();
  return sk;
}

export const childReadRoutes = {
  'GET /v1/children/{childId}/reads': async (req) => {
    const principal = requirePrincipal(req);
    if (principal.kind !== 'supervisor') throw new ForbiddenError('only supervisors read who looked at a child');
    const q = parseBody(ReadsQuery, req.query, 'query');
    const after = q.nextToken ? openPosition(q.nextToken) : undefined;
    const child = await getChild(req.params.childId!);
    if (!child || !canRead(principal, child)) throw notFound('child', req.params.childId!);
    const page = await queryReads(child.childId, q.limit ?? 50, after);
    return {
      status: 200,
      body: {
        items: page.items.map(({ id: _id, ...r }) => r),
        ...(page.last ? { nextToken: Buffer.from(page.last).toString('base64url') } : {}),
      },
    };
  },
} satisfies Routes;
