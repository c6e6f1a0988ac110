// The rules of a transfer (移交, policy 三(一)), apart from its HTTP routes: opening it (per child its checks, the
// tasks it opens and the child marked) and the steps before receipt (receipt.ts). What is written is built in
// services/state/ (transfers, children, tasks); every write is conditional.
import type * as z from 'zod/mini';
import type { HandOverRequest, TransferRequest, VisitRequest } from '../../contracts/api/transfers.ts';
import type { Institution } from '../../contracts/case.ts';
import type { FieldIssue } from '../../contracts/api/errors.ts';
import type { Who } from '../auth/actor.ts';
import { ConflictError, ValidationError } from '../lib/errors.ts';
import { getChildCase, markInTransferWrite, type ChildItem } from '../state/children.ts';
import { putNew, transact } from '../state/table.ts';
import type { TaskItem } from '../state/tasks.ts';
import { indexKeys, nextTransfer, saveTransfer, transferKey, type TransferItem } from '../state/transfers.ts';
import { effectiveChild, typesFeeding } from './facts.ts';
import { findInstitution, getInstitution } from './institutions.ts';
import { buildTaskItems } from './open-tasks.ts';
import { openOfType, transferStep, transferTasks } from './transfer-tasks.ts';

type Found = { child: ChildItem; tasks: TaskItem[] };

/**
 * One child's part in opening a transfer: the checks (its foundling report first, 三(一); no other transfer), the
 * tasks the transfer opens for it, and its entry in the transfer.
 */
function openingOf(entry: TransferRequest['children'][number], found: Found, from: Institution, to: string, who: Who, now: Date) {
  if (found.child.openTransferId) throw new ConflictError(`child ${entry.childId} is already in transfer ${found.child.openTransferId}`);
  // A foundling is handed over with its police certificate (三(一)): the task that establishes it must be done.
  const report = typesFeeding('foundlingCertificateNumber').map((type) => openOfType(found.tasks, type)).find(Boolean);
  const facts = effectiveChild(found.child, found.tasks);
  if (facts.parentsUnknown && !facts.foundlingCertificateNumber)
    throw new ConflictError(
      report
        ? `child ${entry.childId}: the foundling report (${report.taskId}) is ${report.status}; it must complete before the transfer`
        : `child ${entry.childId}: a foundling report certificate is needed before the transfer`,
    );
  const tasks = buildTaskItems({ institution: from, child: facts }, transferTasks(facts, found.tasks, entry.hukou, to), who, now);
  const taskOf = (step: Parameters<typeof transferStep>[0]) => tasks.find((t) => t.type === transferStep(step)?.type)?.taskId;
  const migration = taskOf('hukou-migration');
  const record = taskOf('school-record-transfer');
  const child: TransferItem['children'][number] = {
    childId: entry.childId,
    // Both sides hand the child over in person: the receiving institution needs to know whom it receives.
    name: found.child.name,
    state: 'pending',
    hukou: {
      decision: entry.hukou.decision,
      ...(entry.hukou.decision === 'exempt' ? { reason: entry.hukou.reason } : {}),
      ...(migration ? { taskId: migration } : {}),
    },
    ...(record ? { schoolRecordTaskId: record } : {}),
    checklist: {},
  };
  return { tasks, child };
}

/** Opens a transfer from a county centre to its city institution: the transfer, its children marked, their tasks. */
export async function openTransfer(transferId: string, body: TransferRequest, who: Who, now: Date) {
  const from = getInstitution(body.fromInstitutionId);
  const to = findInstitution(body.toInstitutionId);
  const issues: FieldIssue[] = [];
  if (from.kind !== 'county-protection') issues.push({ path: 'fromInstitutionId', message: 'transfers start at a county minor-protection centre' });
  if (!to || to.kind !== 'city-welfare' || to.cityCode !== from.cityCode)
    issues.push({ path: 'toInstitutionId', message: `the city institution of ${from.cityCode}: CWI-${from.cityCode}` });
  if (issues.length) throw new ValidationError(issues);

  const writes = [];
  const tasks: TaskItem[] = [];
  const children: TransferItem['children'] = [];
  for (const [n, entry] of body.children.entries()) {
    const found = await getChildCase(entry.childId);
    if (!found || found.child.institutionId !== from.institutionId)
      throw new ValidationError([{ path: `children.${n}.childId`, message: `not a child in the care of ${from.institutionId}` }]);
    const opening = openingOf(entry, found, from, body.toInstitutionId, who, now);
    writes.push(markInTransferWrite(found.child, transferId, from.institutionId), ...opening.tasks.map(putNew));
    tasks.push(...opening.tasks);
    children.push(opening.child);
  }
  const at = now.toISOString();
  const exempt = children.filter((c) => c.hukou.decision === 'exempt').length;
  const transfer: TransferItem = {
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
    history: [{ at, ...who, what: `transfer of ${children.length} child(ren) opened${exempt ? `; hukou migration exempt for ${exempt}` : ''}` }],
    createdAt: at,
    updatedAt: at,
    ...indexKeys({ transferId, fromInstitutionId: from.institutionId, toInstitutionId: body.toInstitutionId, status: 'open', createdAt: at }),
  };
  await transact([putNew(transfer), ...writes], 'a child changed meanwhile or is already in another transfer; read the children and try again');
  return { transfer, tasks };
}

/** The children a hand-over step applies to: those named, or all in the state the step starts from. */
export function handOverIds(t: TransferItem, named: string[] | undefined, from: 'pending' | 'sent'): string[] {
  const ids = named ?? t.children.filter((c) => c.state === from).map((c) => c.childId);
  for (const id of ids) {
    const c = t.children.find((x) => x.childId === id);
    if (!c) throw new ValidationError([{ path: 'childIds', message: `${id} is not in this transfer` }]);
    if (c.state !== from)
      throw new ConflictError(`child ${id} is ${c.state === 'pending' ? 'not sent yet' : c.state === 'sent' ? 'already sent' : 'already received'}`);
  }
  if (!ids.length) throw new ConflictError(from === 'pending' ? 'every child of this transfer was already sent' : 'no child of this transfer is waiting to be received');
  return ids;
}

async function change(t: TransferItem, what: Partial<TransferItem>, note: string, who: Who, now: Date) {
  const next = nextTransfer(t, what, note, who, now);
  await saveTransfer(t, next);
  return next;
}

/** The county centre hands children over (移送). */
export function sendChildren(t: TransferItem, body: z.infer<typeof HandOverRequest>, who: Who, now: Date) {
  const ids = handOverIds(t, body.childIds, 'pending');
  const children = t.children.map((c) => (ids.includes(c.childId) ? { ...c, state: 'sent' as const, sentOn: body.on, checklist: { ...c.checklist, sent: body.checklist } } : c));
  return change(t, { children }, `${ids.length} child(ren) sent on ${body.on}${body.note ? `: ${body.note}` : ''}`, who, now);
}

/** A visit under the entrusted-care agreement (委托代养), to a child not yet received. */
export function recordVisit(t: TransferItem, body: z.infer<typeof VisitRequest>, who: Who, now: Date) {
  if (!t.entrustedCare) throw new ConflictError('this transfer has no entrusted-care agreement');
  const c = t.children.find((x) => x.childId === body.childId);
  if (!c) throw new ValidationError([{ path: 'childId', message: 'not in this transfer' }]);
  if (c.state === 'received') throw new ConflictError(`child ${body.childId} was already received`);
  const entrustedCare = { ...t.entrustedCare, visits: [...t.entrustedCare.visits, { childId: body.childId, visitedOn: body.visitedOn, ...who, note: body.note }] };
  return change(t, { entrustedCare }, `visit to ${body.childId} on ${body.visitedOn}`, who, now);
}
