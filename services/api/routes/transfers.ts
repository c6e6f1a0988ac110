// Transfers (移交, policy 三(一)): a county centre hands children to its city institution. Creating one opens
// per child the hukou migration (or records the exemption) and the school-record transfer; the county marks
// children sent, the city marks them received, and receipt is the city admission (its tasks open then).
import { monotonicFactory } from 'ulid';
import { HandOverRequest, TransferRequest, VisitRequest } from '../../../contracts/api/transfers.ts';
import type { Child } from '../../../contracts/case.ts';
import { formatPrincipal, type Principal } from '../../auth/principal.ts';
import { assertCanRead, assertStaffOf } from '../../auth/scope.ts';
import { planAdmission } from '../../cases/admission.ts';
import { effectiveChild } from '../../cases/facts.ts';
import { findInstitution, getInstitution } from '../../cases/institutions.ts';
import { buildTaskItems } from '../../cases/open-tasks.ts';
import { handOverIds, nextTransfer, openOfType, saveTransfer, transact, transferTasks, transferUpdate } from '../../cases/transfers.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { getChildCase, type ChildItem } from '../../state/children.ts';
import { childKey, institutionChildrenPk, institutionChildrenSk } from '../../state/keys.ts';
import { tableName, type TaskItem } from '../../state/tasks.ts';
import { getTransfer, indexKeys, transferIdsOf, transferKey, transferView, type TransferItem } from '../../state/transfers.ts';
import { parseBody, requirePrincipal, type Request, type Route } from '../http.ts';

const ulid = monotonicFactory();

async function loadTransfer(req: Request, principal: Principal) {
  const t = await getTransfer(req.params.transferId ?? '');
  if (!t) throw new NotFoundError(`transfer ${req.params.transferId} not found`);
  const sides = [t.fromInstitutionId, t.toInstitutionId];
  const allowed =
    (principal.kind === 'staff' && sides.includes(principal.institutionId)) ||
    (principal.kind === 'supervisor' && principal.cityCode === t.cityCode);
  if (!allowed) throw new ForbiddenError('only the two institutions and their city supervisor see a transfer');
  return t;
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
      const inTransfer = (found.child as ChildItem & { openTransferId?: string }).openTransferId;
      if (inTransfer) throw new ConflictError(`child ${entry.childId} is already in transfer ${inTransfer}`);
      const report = openOfType(found.tasks, 'public-security.foundling-report');
      const facts = effectiveChild(found.child, found.tasks);
      // The foundling report comes first, then the transfer (三(一)).
      if (facts.parentsUnknown && !facts.foundlingCertificateNumber)
        throw new ConflictError(
          report
            ? `child ${entry.childId}: the foundling report (${report.taskId}) is ${report.status}; it must complete before the transfer`
            : `child ${entry.childId}: a foundling report certificate is needed before the transfer`,
        );
      const tasks = buildTaskItems({ institution: from, child: facts }, transferTasks(facts, found.tasks, entry.hukou, body.toInstitutionId), by, now);
      allTasks.push(...tasks);
      writes.push(
        {
          Update: {
            TableName: tableName(),
            Key: childKey(entry.childId),
            UpdateExpression: 'SET openTransferId = :t, rev = :next',
            ConditionExpression: 'rev = :rev AND institutionId = :from AND attribute_not_exists(openTransferId)',
            ExpressionAttributeValues: { ':t': transferId, ':rev': found.child.rev, ':next': found.child.rev + 1, ':from': from.institutionId },
          },
        },
        ...tasks.map((Item) => ({ Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
      );
      children.push({
        childId: entry.childId,
        state: 'pending',
        hukou: {
          decision: entry.hukou.decision,
          ...(entry.hukou.decision === 'exempt' ? { reason: entry.hukou.reason } : {}),
          ...(tasks.find((t) => t.type === 'public-security.hukou-migration') ? { taskId: tasks.find((t) => t.type === 'public-security.hukou-migration')!.taskId } : {}),
        },
        ...(tasks.find((t) => t.type === 'education.school-record-transfer')
          ? { schoolRecordTaskId: tasks.find((t) => t.type === 'education.school-record-transfer')!.taskId }
          : {}),
        checklist: {},
      });
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
    const t = await loadTransfer(req, requirePrincipal(req));
    return { status: 200, body: transferView(t) };
  },

  'GET /v1/institutions/{institutionId}/transfers': async (req) => {
    const principal = requirePrincipal(req);
    const inst = findInstitution(req.params.institutionId ?? '');
    if (!inst) throw new NotFoundError(`institution ${req.params.institutionId} not found`);
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
    const principal = requirePrincipal(req);
    const body = parseBody(HandOverRequest, req.body);
    const t = await loadTransfer(req, principal);
    assertStaffOf(principal, t.fromInstitutionId);
    const ids = handOverIds(t, body.childIds, 'pending');
    const now = new Date();
    const children = t.children.map((c) => (ids.includes(c.childId) ? { ...c, state: 'sent' as const, sentOn: body.on, checklist: { ...c.checklist, sent: body.checklist } } : c));
    const updated = await saveTransfer(t, { children }, `${ids.length} child(ren) sent on ${body.on}${body.note ? `: ${body.note}` : ''}`, principal, now);
    return { status: 200, body: transferView(updated, now) };
  },

  'POST /v1/transfers/{transferId}/receive': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(HandOverRequest, req.body);
    let t = await loadTransfer(req, principal);
    assertStaffOf(principal, t.toInstitutionId);
    const ids = handOverIds(t, body.childIds, 'sent');
    const now = new Date();
    const city = getInstitution(t.toInstitutionId);
    const by = formatPrincipal(principal);
    const opened: TaskItem[] = [];
    // One child at a time: each receipt (transfer, child, its admission tasks) is one transaction.
    for (const id of ids) {
      const found = (await getChildCase(id))!;
      const child: Child = { ...effectiveChild(found.child, found.tasks), institutionId: city.institutionId, admittedOn: body.on };
      const plan = planAdmission(child, {
        at: 'city-welfare',
        alreadyOpened: found.tasks.filter((x) => !['cancelled', 'rejected'].includes(x.status)).map((x) => x.type),
      }).map((p) => {
        const prior = p.after === undefined && p.afterType ? openOfType(found.tasks, p.afterType) : undefined;
        return prior && prior.status !== 'completed' ? { ...p, waitingFor: [prior.taskId] } : p;
      });
      const tasks = buildTaskItems({ institution: city, child }, plan, by, now);
      const children = t.children.map((c) => (c.childId === id ? { ...c, state: 'received' as const, receivedOn: body.on, checklist: { ...c.checklist, received: body.checklist } } : c));
      const done = children.every((c) => c.state === 'received');
      const next = nextTransfer(t, { children, ...(done ? { status: 'completed' as const } : {}) }, `child ${id} received on ${body.on}; ${tasks.length} admission task(s) opened`, by, now);
      try {
        await transact([
          transferUpdate(t, next),
          {
            Update: {
              TableName: tableName(),
              Key: childKey(id),
              UpdateExpression: 'SET institutionId = :inst, cityCode = :city, admittedOn = :on, gsi2pk = :g2pk, gsi2sk = :g2sk, rev = :next REMOVE openTransferId',
              ConditionExpression: 'rev = :rev',
              ExpressionAttributeValues: {
                ':inst': city.institutionId,
                ':city': city.cityCode,
                ':on': body.on,
                ':g2pk': institutionChildrenPk(city.institutionId),
                ':g2sk': institutionChildrenSk(body.on, id),
                ':rev': found.child.rev,
                ':next': found.child.rev + 1,
              },
            },
          },
          ...tasks.map((Item) => ({ Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
        ]);
      } catch (err) {
        if ((err as Error).name === 'TransactionCanceledException') throw new ConflictError('the transfer or the child changed meanwhile; try again');
        throw err;
      }
      t = next;
      opened.push(...tasks);
    }
    await sendTasks(opened.filter((x) => x.status === 'dispatched'), now);
    return { status: 200, body: { ...transferView(t, now), opened: opened.map((x) => ({ taskId: x.taskId, type: x.type, status: x.status })) } };
  },

  'POST /v1/transfers/{transferId}/visits': async (req) => {
    const principal = requirePrincipal(req);
    const body = parseBody(VisitRequest, req.body);
    const t = await loadTransfer(req, principal);
    assertStaffOf(principal, t.toInstitutionId);
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
