// The key schema of the one state table (docs/decisions/0001-state-table.md).
//   child        pk CHILD#<childId>   sk CHILD                    gsi2: INST#<institutionId> / CHILD#<admittedOn>#<childId>
//   child task   pk CHILD#<childId>   sk TASK#<taskId>            gsi1: DEPT#<department>   / <open|closed>#<deadline>#<taskId>
//   inst. task   pk INST#<instId>     sk TASK#<taskId>            gsi1: as above
//   either task  gsi3: DEPT#<department>@<city> / gsi1sk (a city bureau's inbox: docs/decisions/0013-jurisdictions.md)
//   institution  pk INST#<instId>     sk INST
// One Query on pk returns a child (or an institution) with all its tasks and their histories.
import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { isTerminal, type TaskStatus } from './lifecycle.ts';

// ulid's own generator asks the system for one random byte per character, 16 calls per new id: the hub's costliest
// frame of its own in a profile of the benchmark's burst (docs/performance.md). The same source, 256 bytes a call.
const pool = new Uint8Array(256);
let drawn = pool.length;
const randomByteFraction = () => {
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  return pool[drawn++]! / 256;
};
const ulid = monotonicFactory(randomByteFraction);

export const newChildId = () => `CH${ulid()}`;
/** The task id carries its owner's id, so any task is one GetItem away without an extra index. */
export const newTaskId = (ownerId: string) => `${ownerId}.T${ulid()}`;

export function ownerOfTask(taskId: string): string | undefined {
  const dot = taskId.lastIndexOf('.');
  return dot > 0 ? taskId.slice(0, dot) : undefined;
}

export const ownerPk = (ownerId: string) => (ownerId.startsWith('CH') ? `CHILD#${ownerId}` : `INST#${ownerId}`);

export const childKey = (childId: string) => ({ pk: `CHILD#${childId}`, sk: 'CHILD' });
export const institutionKey = (institutionId: string) => ({ pk: `INST#${institutionId}`, sk: 'INST' });
export const taskKey = (taskId: string) => {
  const owner = ownerOfTask(taskId);
  if (!owner) throw new Error('malformed task id');
  return { pk: ownerPk(owner), sk: `TASK#${taskId}` };
};

export const inboxPk = (department: string) => `DEPT#${department}`;
/** A city bureau's inbox: the department's tasks whose jurisdiction lies in that city. */
export const bureauPk = (department: string, cityCode: string) => `DEPT#${department}@${cityCode}`;
/**
 * Whether a task is still open or closed leads the inbox's sort key, not its status: a status change inside either
 * half updates the index entry in place (1 unit) instead of moving it (a delete and a put), and only closing moves
 * it once (docs/decisions/0017-state-table-v2.md). The exact status is a projected attribute the queries filter on.
 */
export type InboxBucket = 'open' | 'closed';
export const inboxBucket = (status: TaskStatus): InboxBucket => (isTerminal(status) ? 'closed' : 'open');
export const inboxSk = (status: TaskStatus, deadline: string, taskId: string) => `${inboxBucket(status)}#${deadline}#${taskId}`;
export const institutionChildrenPk = (institutionId: string) => `INST#${institutionId}`;
export const institutionChildrenSk = (admittedOn: string, childId: string) => `CHILD#${admittedOn}#${childId}`;
