// Transfers (移交, policy 三(一)): a county centre hands children to its city institution. Creating one opens
// per child the hukou migration (or records the exemption) and the school-record transfer; the county marks
// children sent, the city marks them received, and receipt is the city admission (its tasks open then). Who may
// see and act is decided here; the rules are services/cases/transfers.ts.
import { monotonicFactory } from 'ulid';
import { HandOverRequest, TransferRequest, VisitRequest } from '../../../contracts/api/transfers.ts';
import type { Principal } from '../../auth/principal.ts';
import { noteReads } from '../../audit/reads.ts';
import { assertCanRead, assertStaffOf, canRead, notFound, requireReader, requireStaff } from '../../auth/scope.ts';
import { receiveChildren } from '../../cases/receipt.ts';
import { openTransfer, recordVisit, sendChildren } from '../../cases/transfers.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { ForbiddenError } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import type { TaskItem } from '../../state/tasks.ts';
import { getTransfer, transferIdsOf } from '../../state/transfers.ts';
import { transferView } from '../../state/views.ts';
import { institutionOf } from './institutions.ts';
import { parseBody, recordedBy, requirePrincipal, type Request, type Routes } from '../http.ts';
import { clock } from '../../lib/clock.ts';

const ulid = monotonicFactory();

/** The transfer, for its two institutions and the supervisors of their city; to anyone else it is an unknown id. */
async function loadTransfer(req: Request, principal: Principal) {
  const transferId = req.params.transferId!;
  const t = await getTransfer(transferId);
  const visible =
    t &&
    (canRead(principal, { institutionId: t.toInstitutionId, cityCode: t.cityCode }) ||
      (principal.kind === 'staff' && principal.institutionId === t.fromInstitutionId));
  if (!visible) throw notFound('transfer', transferId);
  return t;
}

/** A step only one side takes; the other side sees the transfer, so the refusal tells it nothing new. */
function assertSide(principal: Principal, institutionId: string, what: string) {
  if (requireStaff(principal).institutionId !== institutionId) throw new ForbiddenError(`only the ${what}`);
}

const refs = (tasks: TaskItem[]) => tasks.map((t) => ({ taskId: t.taskId, type: t.type, status: t.status }));

export const transferRoutes = {
  'POST /v1/transfers': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(TransferRequest, req.body);
    assertStaffOf(principal, body.fromInstitutionId);
    const now = clock.now();
    const { transfer, tasks } = await openTransfer(`TR${ulid()}`, body, recordedBy(req, principal), now);
    await sendTasks(tasks.filter((t) => t.status === 'dispatched'), now);
    logger.info('transfer opened', { transferId: transfer.transferId, children: transfer.children.length, tasks: tasks.length });
    return { status: 201, body: { ...transferView(transfer, now), tasks: refs(tasks) } };
  },

  'GET /v1/transfers/{transferId}': async (req) => {
    const t = await loadTransfer(req, requireReader(requirePrincipal(req)));
    noteReads(req, t.children.map((c) => c.childId));
    return { status: 200, body: transferView(t) };
  },

  'GET /v1/institutions/{institutionId}/transfers': async (req) => {
    const principal = requireReader(requirePrincipal(req));
    const inst = institutionOf(req);
    assertCanRead(principal, inst);
    const ids = await transferIdsOf(inst.institutionId);
    const load = async (list: string[]) => (await Promise.all(list.map(getTransfer))).filter(Boolean).map((t) => transferView(t!));
    const [incoming, outgoing] = await Promise.all([load(ids.incoming), load(ids.outgoing)]);
    // The transfers name their children: a read of each.
    noteReads(req, [...incoming, ...outgoing].flatMap((t) => t.children.map((c) => c.childId)));
    const count = (ts: typeof incoming, k: 'notSent' | 'sentNotReceived') => ts.reduce((n, t) => n + t.outstanding[k].length, 0);
    return {
      status: 200,
      body: {
        incoming,
        outgoing,
        // 应移送未移送 / 应接收未接收, from either side.
        summary: {
          notSent: count(outgoing, 'notSent') + count(incoming, 'notSent'),
          sentNotReceived: count(outgoing, 'sentNotReceived') + count(incoming, 'sentNotReceived'),
          visitsOverdue: [...incoming, ...outgoing].reduce((n, t) => n + t.outstanding.visitsDue.filter((v) => v.overdue).length, 0),
        },
      },
    };
  },

  'POST /v1/transfers/{transferId}/send': async (req) => {
    const principal = requireStaff(requirePrincipal(req));
    const body = parseBody(HandOverRequest, req.body);
    const t = await loadTransfer(req, principal);
    assertSide(principal, t.fromInstitutionId, 'sending institution sends children');
    const now = clock.now();
    return { status: 200, body: transferView(await sendChildren(t, body, recordedBy(req, principal), now), now) };
  },

  'POST /v1/transfers/{transferId}/receive': async (req) => {
    const principal = requireStaff(requirePrincipal(req));
    const body = parseBody(HandOverRequest, req.body);
    const t = await loadTransfer(req, principal);
    assertSide(principal, t.toInstitutionId, 'receiving institution receives children');
    const now = clock.now();
    const { transfer, opened } = await receiveChildren(t, body, recordedBy(req, principal), now);
    await sendTasks(opened.filter((x) => x.status === 'dispatched'), now);
    return { status: 200, body: { ...transferView(transfer, now), opened: refs(opened) } };
  },

  'POST /v1/transfers/{transferId}/visits': async (req) => {
    const principal = requireStaff(requirePrincipal(req));
    const body = parseBody(VisitRequest, req.body);
    const t = await loadTransfer(req, principal);
    assertSide(principal, t.toInstitutionId, 'receiving institution records visits');
    const now = clock.now();
    return { status: 201, body: transferView(await recordVisit(t, body, recordedBy(req, principal), now), now) };
  },
} satisfies Routes;
