// Transfers (移交, policy 三(一)): a county centre hands children to its city institution. Creating one opens
// per child the hukou migration (or records the exemption) and the school-record transfer; the county marks
// children sent, the city marks them received, and receipt is the city admission (its tasks open then).
import { monotonicFactory } from 'ulid';
import { HandOverRequest, TransferRequest, VisitRequest } from '../../../contracts/api/transfers.ts';
import { formatPrincipal, type Principal } from '../../auth/principal.ts';
import { assertCanRead, assertStaffOf, notFound, requireReader, requireStaff } from '../../auth/scope.ts';
import { findInstitution, getInstitution } from '../../cases/institutions.ts';
import { handOverIds, openingOf, receiptOf, saveTransfer, transact } from '../../cases/transfers.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { ConflictError, ForbiddenError, ValidationError, type FieldIssue } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { getChildCase } from '../../state/children.ts';
import { tableName, type TaskItem } from '../../state/tasks.ts';
import { getTransfer, indexKeys, transferIdsOf, transferKey, transferView, type TransferItem } from '../../state/transfers.ts';
import { institutionOf } from './institutions.ts';
import { parseBody, requirePrincipal, type Request, type Route } from '../http.ts';

const ulid = monotonicFactory();

/** The transfer, for its two institutions and their city's supervisor; to anyone else it is an unknown id. */
async function loadTransfer(req: Request, principal: Principal) {
  const transferId = req.params.transferId!;
  const t = await getTransfer(transferId);
  const visible =
    t &&
    ((principal.kind === 'staff' && [t.fromInstitutionId, t.toInstitutionId].includes(principal.institutionId)) ||
      (principal.kind === 'supervisor' && principal.cityCode === t.cityCode));
  if (!visible) throw notFound('transfer', transferId);
  return t;
}

/** A step only one side takes; the other side sees the transfer, so the refusal tells it nothing new. */
function assertSide(principal: Principal, institutionId: string, what: string) {
  if (requireStaff(principal).institutionId !== institutionId) throw new ForbiddenError(`only the ${what}`);
}

export const transferRoutes: Record<string, Route> = {
  'POST /v1/transfers': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(TransferRequest, req.body);
    assertStaffOf(principal, body.fromInstitutionId);
    const from = getInstitution(body.fromInstitutionId);
    const to = findInstitution(body.toInstitutionId);
    const issues: FieldIssue[] = [];
    if (from.kind !== 'county-protection') issues.push({ path: 'fromInstitutionId', message: 'transfers start at a county minor-protection centre' });
    if (!to || to.kind !== 'city-welfare' || to.cityCode !== from.cityCode)
      issues.push({ path: 'toInstitutionId', message: `the city institution of ${from.cityCode}: CWI-${from.cityCode}` });
    if (issues.length) throw new ValidationError(issues);

    const now = new Date();
    const by = formatPrincipal(principal);
    const transferId = `TR${ulid()}`;
    const writes: unknown[] = [];
    const allTasks: TaskItem[] = [];
    const children: TransferItem['children'] = [];
    for (const [n, entry] of body.children.entries()) {
      const found = await getChildCase(entry.childId);
      if (!found || found.child.institutionId !== from.institutionId)
        throw new ValidationError([{ path: `children.${n}.childId`, message: `not a child in the care of ${from.institutionId}` }]);
      const opening = openingOf(transferId, entry, found, { from, to: body.toInstitutionId, by, now });
      allTasks.push(...opening.tasks);
      writes.push(...opening.writes);
      children.push(opening.child);
    }
    const at = now.toISOString();
    const exempt = children.filter((c) => c.hukou.decision === 'exempt').length;
    const item: TransferItem = {
      ...transferKey(transferId),
      entity: 'transfer',
      rev: 1,
      transferId,
      fromInstitutionId: from.institutionId,
      toInstitutionId: body.toInstitutionId,
      cityCode: from.cityCode,
      status: 'open',
      children,
      ...(body.entrustedCare ? { entrustedCare: { ...body.entrustedCare, visits: [] } } : {}),
      history: [{ at, by, what: `transfer of ${children.length} child(ren) opened${exempt ? `; hukou migration exempt for ${exempt}` : ''}` }],
      createdAt: at,
      updatedAt: at,
      ...indexKeys({ transferId, fromInstitutionId: from.institutionId, toInstitutionId: body.toInstitutionId, status: 'open', createdAt: at }),
    };
    try {
      await transact([{ Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, ...writes]);
    } catch (err) {
      if ((err as Error).name === 'TransactionCanceledException')
        throw new ConflictError('a child changed meanwhile or is already in another transfer; read the children and try again');
      throw err;
    }
    await sendTasks(allTasks.filter((t) => t.status === 'dispatched'), now);
    logger.info('transfer opened', { transferId, children: children.length, tasks: allTasks.length });
    return { status: 201, body: { ...transferView(item, now), tasks: allTasks.map((t) => ({ taskId: t.taskId, type: t.type, status: t.status })) } };
  },

  'GET /v1/transfers/{transferId}': async (req) => {
    const t = await loadTransfer(req, requireReader(requirePrincipal(req)));
    return { status: 200, body: transferView(t) };
  },

  'GET /v1/institutions/{institutionId}/transfers': async (req) => {
    const principal = requireReader(requirePrincipal(req));
    const inst = institutionOf(req);
    assertCanRead(principal, inst);
    const ids = await transferIdsOf(inst.institutionId);
    const load = async (list: string[]) => (await Promise.all(list.map(getTransfer))).filter(Boolean).map((t) => transferView(t!));
    const [incoming, outgoing] = await Promise.all([load(ids.incoming), load(ids.outgoing)]);
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
    const ids = handOverIds(t, body.childIds, 'pending');
    const now = new Date();
    const children = t.children.map((c) => (ids.includes(c.childId) ? { ...c, state: 'sent' as const, sentOn: body.on, checklist: { ...c.checklist, sent: body.checklist } } : c));
    const updated = await saveTransfer(t, { children }, `${ids.length} child(ren) sent on ${body.on}${body.note ? `: ${body.note}` : ''}`, principal, now);
    return { status: 200, body: transferView(updated, now) };
  },

  'POST /v1/transfers/{transferId}/receive': async (req) => {
    const principal = requireStaff(requirePrincipal(req));
    const body = parseBody(HandOverRequest, req.body);
    let t = await loadTransfer(req, principal);
    assertSide(principal, t.toInstitutionId, 'receiving institution receives children');
    const ids = handOverIds(t, body.childIds, 'sent');
    const now = new Date();
    const city = getInstitution(t.toInstitutionId);
    const opened: TaskItem[] = [];
    // One child at a time: each receipt (transfer, child, its open tasks, its admission tasks) is one transaction.
    for (const id of ids) {
      const receipt = receiptOf(t, (await getChildCase(id))!, { city, on: body.on, checklist: body.checklist, by: formatPrincipal(principal), now });
      try {
        await transact(receipt.writes);
      } catch (err) {
        if ((err as Error).name === 'TransactionCanceledException') throw new ConflictError('the transfer or the child changed meanwhile; try again');
        throw err;
      }
      t = receipt.transfer;
      opened.push(...receipt.opened);
    }
    await sendTasks(opened.filter((x) => x.status === 'dispatched'), now);
    return { status: 200, body: { ...transferView(t, now), opened: opened.map((x) => ({ taskId: x.taskId, type: x.type, status: x.status })) } };
  },

  'POST /v1/transfers/{transferId}/visits': async (req) => {
    const principal = requireStaff(requirePrincipal(req));
    const body = parseBody(VisitRequest, req.body);
    const t = await loadTransfer(req, principal);
    assertSide(principal, t.toInstitutionId, 'receiving institution records visits');
    if (!t.entrustedCare) throw new ConflictError('this transfer has no entrusted-care agreement');
    const c = t.children.find((x) => x.childId === body.childId);
    if (!c) throw new ValidationError([{ path: 'childId', message: 'not in this transfer' }]);
    if (c.state === 'received') throw new ConflictError(`child ${body.childId} was already received`);
    const now = new Date();
    const by = formatPrincipal(principal);
    const entrustedCare = { ...t.entrustedCare, visits: [...t.entrustedCare.visits, { childId: body.childId, visitedOn: body.visitedOn, by, note: body.note }] };
    const updated = await saveTransfer(t, { entrustedCare }, `visit to ${body.childId} on ${body.visitedOn}`, principal, now);
    return { status: 201, body: transferView(updated, now) };
  },
};
