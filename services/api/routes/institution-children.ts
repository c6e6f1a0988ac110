// The children in an institution's care, with their tasks summarised, searched and filtered
// (GET /v1/institutions/{institutionId}/children). One Query of the institution index per page of children (keys
// only) and one Query per child of its own partition: reads proportional to the institution's own children, never
// a Scan. A page stops at `limit` matches or after MAX_EXAMINED children, whichever comes first.
import * as z from 'zod/mini';
import { ChildrenQuery, type ChildSummary } from '../../../contracts/api/children.ts';
import { ChildId, IsoDate } from '../../../contracts/common.ts';
import { noteReads } from '../../audit/reads.ts';
import { assertCanRead, requireReader } from '../../auth/scope.ts';
import { ValidationError } from '../../lib/errors.ts';
import { getChildCase } from '../../state/children.ts';
import { isTerminal } from '../../state/lifecycle.ts';
import { institutionChildrenPage, type ChildPosition } from '../../state/queries.ts';
import type { TaskItem } from '../../state/tasks.ts';
import { parseBody, requirePrincipal, type Routes } from '../http.ts';
import { institutionOf } from './institutions.ts';
import { clock } from '../../lib/clock.ts';

const MAX_EXAMINED = 200;
const INDEX_PAGE = 25;

// The position is the last child looked at: its admission date and id, both of which the caller may read anyway.
// Unsigned on purpose: a made-up position can only start the walk elsewhere in the caller's own institution.
const Position = z.tuple([IsoDate, ChildId]);
const badToken = () => new ValidationError([{ path: 'query.nextToken', message: 'not a token this API returned' }]);

function openPosition(token: string): ChildPosition {
  try {
    const parsed = Position.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not base64url JSON: the same answer as a well-formed foreign token
  }
  throw badToken();
}
const sealPosition = (admittedOn: string, childId: string) => Buffer.from(JSON.stringify([admittedOn, childId])).toString('base64url');

type Filters = Pick<ChildrenQuery, 'q' | 'status' | 'department' | 'overdue'>;

/** A child matches the search when its name or id contains `q`, and one of its tasks meets every task filter. */
export function matches(summary: ChildSummary, f: Filters, now = clock.now().getTime()): boolean {
  if (f.q && !summary.name.includes(f.q) && !summary.childId.includes(f.q.toUpperCase())) return false;
  if (!f.status && !f.department && !f.overdue) return true;
  return summary.tasks.some(
    (t) =>
      (!f.status || t.status === f.status) &&
      (!f.department || t.department === f.department) &&
      (!f.overdue || (!isTerminal(t.status) && (t.overdue || Date.parse(t.deadline) < now))),
  );
}

async function summaryOf(childId: string, institutionId: string): Promise<ChildSummary | undefined> {
  const found = await getChildCase(childId);
  // The index is eventually consistent: a child just received elsewhere may still be listed here.
  if (!found || found.child.institutionId !== institutionId) return undefined;
  const { child, tasks } = found;
  return {
    childId: child.childId,
    name: child.name,
    gender: child.gender,
    birthDate: child.birthDate,
    admittedOn: child.admittedOn,
    tasks: tasks.map(({ taskId, type, department, status, deadline, overdue, updatedAt }: TaskItem) => ({
      taskId, type, department, status, deadline, overdue, updatedAt,
    })),
  };
}

export const institutionChildrenRoutes = {
  'GET /v1/institutions/{institutionId}/children': async (req) => {
    const principal = requireReader(requirePrincipal(req));
    const institution = institutionOf(req);
    assertCanRead(principal, institution);
    const q = parseBody(ChildrenQuery, req.query, 'query');
    const limit = q.limit ?? 20;
    let last = q.nextToken ? openPosition(q.nextToken) : undefined;
    const items: ChildSummary[] = [];
    let examined = 0;
    let more = true;
    while (more && items.length < limit && examined < MAX_EXAMINED) {
      const page = await institutionChildrenPage(
        institution.institutionId,
        Math.min(INDEX_PAGE, limit - items.length, MAX_EXAMINED - examined),
        last,
      );
      const summaries = await Promise.all(page.children.map(([, childId]) => summaryOf(childId, institution.institutionId)));
      for (const s of summaries) if (s && matches(s, q)) items.push(s);
      examined += page.children.length;
      last = page.children.at(-1) ?? last;
      more = page.more;
    }
    // Each item names the child (name, gender, birth date): a read of each listed child.
    noteReads(req, items.map((c) => c.childId));
    return { status: 200, body: { items, examined, ...(more && last ? { nextToken: sealPosition(last[0], last[1]) } : {}) } };
  },
} satisfies Routes;
