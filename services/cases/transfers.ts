// The rules of a transfer (移交, policy 三(一)), apart from its HTTP routes: which tasks it opens per child,
// which children a hand-over step applies to, and how a transfer item changes (conditional on its revision).
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { Checklist, TransferRequest } from '../../contracts/api/transfers.ts';
import type { Child, Institution } from '../../contracts/case.ts';
import type { TransferStep } from '../../contracts/task-roles.ts';
import { formatPrincipal, type Principal } from '../auth/principal.ts';
import { documentClient } from '../lib/aws.ts';
import { ConflictError, ValidationError } from '../lib/errors.ts';
import type { ChildItem } from '../state/children.ts';
import { childKey, institutionChildrenPk, institutionChildrenSk } from '../state/keys.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { tableName, type TaskItem } from '../state/tasks.ts';
import { indexKeys, type TransferItem } from '../state/transfers.ts';
import { planAdmission } from './admission.ts';
import { effectiveChild, typesFeeding } from './facts.ts';
import { buildTaskItems, type OpenTaskSpec } from './open-tasks.ts';
import { findTaskType, taskTypes } from '../topology.ts';

export const transact = (items: unknown[]) => documentClient().send(new TransactWriteCommand({ TransactItems: items as never }));

/** The child's task of that type that still counts (not cancelled or rejected). */
export const openOfType = (tasks: TaskItem[], type: string) =>
  tasks.find((t) => t.type === type && !['cancelled', 'rejected'].includes(t.status));

/** The task type carrying a step of the transfer (contract `workflow`), if the topology has one. */
export const transferStep = (step: TransferStep) =>
  taskTypes.find((t) => t.contract.workflow?.name === 'transfer' && t.contract.workflow.step === step && findTaskType(t.contract.type) === t)
    ?.contract;

/**
 * The tasks a transfer opens for one child (三(一), 四(二)): the hukou migration when the hukou moves, the
 * school-record transfer when the child is in school.
 */
export function transferTasks(child: Child, tasks: TaskItem[], hukou: TransferRequest['children'][number]['hukou'], to: string): OpenTaskSpec[] {
  const opens: { step: TransferStep; input?: Record<string, unknown> }[] = [];
  if (hukou.decision === 'migrate') opens.push({ step: 'hukou-migration', input: hukou.fromHukouAddress ? { fromHukouAddress: hukou.fromHukouAddress } : {} });
  if (child.inSchool) opens.push({ step: 'school-record-transfer' });
  return opens.flatMap(({ step, input }) => {
    const contract = transferStep(step);
    if (!contract) return [];
    const role = contract.workflow!;
    const prior = role.after ? openOfType(tasks, role.after.type) : undefined;
    return [
      {
        type: contract.type,
        ...(input ? { input } : {}),
        // Where the child goes is the transfer's: the tasks take it from here, never from a caller's input.
        workflow: { name: 'transfer' as const, input: { toInstitutionId: to } },
        ...(role.inputFacts ? { inputFacts: role.inputFacts as Record<string, string> } : {}),
        ...(prior && prior.status !== 'completed' ? { waitingFor: [prior.taskId] } : {}),
      },
    ];
  });
}

interface Opening {
  from: Institution;
  to: string;
  by: string;
  now: Date;
}

/**
 * One child's part in opening a transfer: the checks (its foundling report first, 三(一); no other transfer), the
 * tasks the transfer opens for it, the writes marking the child, and its entry in the transfer.
 */
export function openingOf(transferId: string, entry: TransferRequest['children'][number], found: { child: ChildItem; tasks: TaskItem[] }, o: Opening) {
  const inTransfer = (found.child as ChildItem & { openTransferId?: string }).openTransferId;
  if (inTransfer) throw new ConflictError(`child ${entry.childId} is already in transfer ${inTransfer}`);
  // A foundling is handed over with its police certificate (三(一)): the task that establishes it must be done.
  const report = typesFeeding('foundlingCertificateNumber').map((type) => openOfType(found.tasks, type)).find(Boolean);
  const facts = effectiveChild(found.child, found.tasks);
  if (facts.parentsUnknown && !facts.foundlingCertificateNumber)
    throw new ConflictError(
      report
        ? `child ${entry.childId}: the foundling report (${report.taskId}) is ${report.status}; it must complete before the transfer`
        : `child ${entry.childId}: a foundling report certificate is needed before the transfer`,
    );
  const tasks = buildTaskItems({ institution: o.from, child: facts }, transferTasks(facts, found.tasks, entry.hukou, o.to), o.by, o.now);
  const taskOf = (step: TransferStep) => tasks.find((t) => t.type === transferStep(step)?.type)?.taskId;
  const migration = taskOf('hukou-migration');
  const record = taskOf('school-record-transfer');
  const writes = [
    {
      Update: {
        TableName: tableName(),
        Key: childKey(entry.childId),
        UpdateExpression: 'SET openTransferId = :t, rev = :next',
        ConditionExpression: 'rev = :rev AND institutionId = :from AND attribute_not_exists(openTransferId)',
        ExpressionAttributeValues: { ':t': transferId, ':rev': found.child.rev, ':next': found.child.rev + 1, ':from': o.from.institutionId },
      },
    },
    ...tasks.map((Item) => ({ Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
  ];
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
  return { tasks, writes, child };
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

export function nextTransfer(t: TransferItem, change: Partial<TransferItem>, what: string, by: string, now: Date): TransferItem {
  const at = now.toISOString();
  const next = { ...t, ...change, rev: t.rev + 1, updatedAt: at, history: [...t.history, { at, by, what }] };
  return { ...next, ...indexKeys(next) };
}

export function transferUpdate(before: TransferItem, after: TransferItem) {
  return { Put: { TableName: tableName(), Item: after, ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': before.rev } } };
}

export async function saveTransfer(t: TransferItem, change: Partial<TransferItem>, what: string, principal: Principal, now: Date) {
  const next = nextTransfer(t, change, what, formatPrincipal(principal), now);
  try {
    await documentClient().send(new PutCommand(transferUpdate(t, next).Put));
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('the transfer changed meanwhile; read it and try again');
    throw err;
  }
  return next;
}

interface Receipt {
  city: Institution;
  on: string;
  checklist: z.infer<typeof Checklist>;
  by: string;
  now: Date;
}

/**
 * One child's receipt at the city (接收), as the writes of one transaction: the transfer, the child (now the
 * city's), its open tasks (now the city's: their staff act on them, docs/decisions/0007-workflows.md) and the
 * admission tasks the city still has to open.
 */
export function receiptOf(t: TransferItem, found: { child: ChildItem; tasks: TaskItem[] }, r: Receipt) {
  const { city, now } = r;
  const id = found.child.childId;
  const child: Child = { ...effectiveChild(found.child, found.tasks), institutionId: city.institutionId, admittedOn: r.on };
  const plan = planAdmission(child, {
    at: 'city-welfare',
    alreadyOpened: found.tasks.filter((x) => !['cancelled', 'rejected'].includes(x.status)).map((x) => x.type),
  }).map((p) => {
    const prior = p.after === undefined && p.afterType ? openOfType(found.tasks, p.afterType) : undefined;
    return prior && prior.status !== 'completed' ? { ...p, waitingFor: [prior.taskId] } : p;
  });
  const opened = buildTaskItems({ institution: city, child }, plan, r.by, now);
  const children = t.children.map((c) =>
    c.childId === id ? { ...c, state: 'received' as const, receivedOn: r.on, checklist: { ...c.checklist, received: r.checklist } } : c,
  );
  const done = children.every((c) => c.state === 'received');
  const transfer = nextTransfer(t, { children, ...(done ? { status: 'completed' as const } : {}) }, `child ${id} received on ${r.on}; ${opened.length} admission task(s) opened`, r.by, now);
  const at = { ':inst': city.institutionId, ':city': city.cityCode };
  const writes = [
    transferUpdate(t, transfer),
    {
      Update: {
        TableName: tableName(),
        Key: childKey(id),
        UpdateExpression: 'SET institutionId = :inst, cityCode = :city, admittedOn = :on, gsi2pk = :g2pk, gsi2sk = :g2sk, rev = :next REMOVE openTransferId',
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: {
          ...at,
          ':on': r.on,
          ':g2pk': institutionChildrenPk(city.institutionId),
          ':g2sk': institutionChildrenSk(r.on, id),
          ':rev': found.child.rev,
          ':next': found.child.rev + 1,
        },
      },
    },
    // The revision goes up, so a transition read before the receipt retries on the moved task. Not updatedAt: it
    // stays the time of the task's last transition (results are applied in that order, facts.ts).
    ...found.tasks
      .filter((x) => !isTerminal(x.status))
      .map((x) => ({
        Update: {
          TableName: tableName(),
          Key: { pk: x.pk, sk: x.sk },
          UpdateExpression: 'SET institutionId = :inst, cityCode = :city, rev = rev + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ...at, ':one': 1 },
        },
      })),
    ...opened.map((Item) => ({ Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
  ];
  return { writes, transfer, opened };
}
