// Receipt at the city institution (接收, policy 三(一)): the last step of a transfer, and the child's admission there.
// One transaction per child: the transfer, the child (now the city's), its open tasks (now the city's: their staff
// act on them, docs/decisions/0007-workflows.md) and the admission tasks the city still has to open.
import type * as z from 'zod/mini';
import type { Checklist, HandOverRequest } from '../../contracts/api/transfers.ts';
import type { Child, Institution } from '../../contracts/case.ts';
import type { Who } from '../auth/actor.ts';
import { getChildCase, moveChildWrite, type ChildItem } from '../state/children.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { putAtRevision, putNew, transact } from '../state/table.ts';
import { moveTaskWrite, type TaskItem } from '../state/tasks.ts';
import { nextTransfer, type TransferItem } from '../state/transfers.ts';
import { planAdmission } from './admission.ts';
import { effectiveChild } from './facts.ts';
import { getInstitution } from './institutions.ts';
import { buildTaskItems } from './open-tasks.ts';
import { openOfType } from './transfer-tasks.ts';
import { handOverIds } from './transfers.ts';

interface Receipt {
  city: Institution;
  on: string;
  checklist: z.infer<typeof Checklist>;
  who: Who;
  now: Date;
}

/** One child's receipt, as the writes of one transaction. */
function receiptOf(t: TransferItem, found: { child: ChildItem; tasks: TaskItem[] }, r: Receipt) {
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
  const opened = buildTaskItems({ institution: city, child }, plan, r.who, now);
  const children = t.children.map((c) =>
    c.childId === id ? { ...c, state: 'received' as const, receivedOn: r.on, checklist: { ...c.checklist, received: r.checklist } } : c,
  );
  const done = children.every((c) => c.state === 'received');
  const transfer = nextTransfer(t, { children, ...(done ? { status: 'completed' as const } : {}) }, `child ${id} received on ${r.on}; ${opened.length} admission task(s) opened`, r.who, now);
  const writes = [
    putAtRevision(t, transfer),
    moveChildWrite(found.child, city, r.on),
    ...found.tasks.filter((x) => !isTerminal(x.status)).map((x) => moveTaskWrite(x, city)),
    ...opened.map(putNew),
  ];
  return { writes, transfer, opened };
}

/** The city institution receives children (接收): one transaction per child, each its admission there. */
export async function receiveChildren(t: TransferItem, body: z.infer<typeof HandOverRequest>, who: Who, now: Date) {
  const ids = handOverIds(t, body.childIds, 'sent');
  const city = getInstitution(t.toInstitutionId);
  const opened: TaskItem[] = [];
  let transfer = t;
  for (const id of ids) {
    const receipt = receiptOf(transfer, (await getChildCase(id))!, { city, on: body.on, checklist: body.checklist, who, now });
    await transact(receipt.writes, 'the transfer or the child changed meanwhile; try again');
    transfer = receipt.transfer;
    opened.push(...receipt.opened);
  }
  return { transfer, opened };
}
