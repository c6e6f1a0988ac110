// Child items: the case's facts, keyed so one Query returns the child with all its tasks.
import type { Child, Institution } from '../../contracts/case.ts';
import type { Who } from '../auth/actor.ts';
import { childKey, institutionChildrenPk, institutionChildrenSk } from './keys.ts';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws.ts';
import { ConflictError } from '../lib/errors.ts';
import { queryOwner } from './queries.ts';
import { tableName, type Write } from './table.ts';
import type { TaskItem } from './tasks.ts';
import type { LeftCare } from '../../contracts/api/clocks.ts';
import type { ClockItem } from './clocks.ts';
import type { ComingOfAgeItem } from './coming-of-age.ts';

export interface ChildItem extends Child {
  pk: string;
  sk: string;
  entity: 'child';
  rev: number;
  cityCode: string;
  createdAt: string;
  /** Who admitted the child (the tasks' histories record every later step). */
  admittedBy?: Who;
  gsi2pk: string;
  gsi2sk: string;
  /** The transfer the child is in, from its opening until its receipt. */
  openTransferId?: string;
  /** Set when the child has left care (a discharge on coming of age): its clocks have stopped. */
  leftCare?: LeftCare;
  /** The first admission's date, kept when a receipt makes `admittedOn` the receipt's (the reports count both). */
  firstAdmittedOn?: string;
}

export function newChildItem(child: Child, institution: Institution, admittedBy: Who, now: string): ChildItem {
  return {
    ...child,
    ...childKey(child.childId),
    entity: 'child',
    rev: 1,
    cityCode: institution.cityCode,
    createdAt: now,
    admittedBy,
    gsi2pk: institutionChildrenPk(child.institutionId),
    gsi2sk: institutionChildrenSk(child.admittedOn, child.childId),
  };
}

export interface ChildCase {
  child: ChildItem;
  tasks: TaskItem[];
  /** What its clocks opened (services/state/clocks.ts). */
  clocks: ClockItem[];
  /** Its coming-of-age case, once the age-18 clock opened it. */
  comingOfAge?: ComingOfAgeItem;
}

/** The child, all its tasks, its clocks and its coming of age, from one Query; undefined when there is no such child. */
export async function getChildCase(childId: string): Promise<ChildCase | undefined> {
  const items = await queryOwner(childId);
  const child = items.find((i) => i.entity === 'child');
  if (!child) return undefined;
  const comingOfAge = items.find((i) => i.entity === 'coming-of-age');
  return {
    child,
    tasks: items.filter((i) => i.entity === 'task'),
    clocks: items.filter((i) => i.entity === 'clock'),
    ...(comingOfAge ? { comingOfAge } : {}),
  };
}

/** The child item alone (who it is in the care of now), without its tasks. */
export async function getChild(childId: string): Promise<ChildItem | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: childKey(childId), ConsistentRead: true }));
  return out.Item as ChildItem | undefined;
}

/** Staff corrections to recorded facts; conditional on the revision read, like every write. */
/**
 * Corrected facts of a child, as a transaction's write at the revision read (undefined when nothing changes): the
 * caller writes it with the step it belongs to (supply-information: with the task's transition), so a refused
 * step leaves the child as it was.
 */
export function correctChildFactsWrite(child: ChildItem, patch: Partial<Child>, now: string): Write | undefined {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (!entries.length) return undefined;
  return {
    Update: {
      TableName: tableName(),
      Key: childKey(child.childId),
      UpdateExpression: `SET rev = :next, updatedAt = :now, ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
      ExpressionAttributeValues: {
        ':rev': child.rev,
        ':next': child.rev + 1,
        ':now': now,
        ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
      },
    },
  };
}

/** Marks a child as in a transfer, as a transaction's write: only from its institution, and in one transfer at a time. */
export const markInTransferWrite = (child: ChildItem, transferId: string, fromInstitutionId: string): Write => ({
  Update: {
    TableName: tableName(),
    Key: childKey(child.childId),
    UpdateExpression: 'SET openTransferId = :t, rev = :next',
    ConditionExpression: 'rev = :rev AND institutionId = :from AND attribute_not_exists(openTransferId)',
    ExpressionAttributeValues: { ':t': transferId, ':rev': child.rev, ':next': child.rev + 1, ':from': fromInstitutionId },
  },
});

/** A child received by another institution, as a transaction's write: now in its care, admitted on `admittedOn`. */
export const moveChildWrite = (child: ChildItem, to: Institution, admittedOn: string): Write => ({
  Update: {
    TableName: tableName(),
    Key: childKey(child.childId),
    UpdateExpression: 'SET firstAdmittedOn = if_not_exists(firstAdmittedOn, :first), institutionId = :inst, cityCode = :city, admittedOn = :on, gsi2pk = :g2pk, gsi2sk = :g2sk, rev = :next REMOVE openTransferId',
    ConditionExpression: 'rev = :rev',
    ExpressionAttributeValues: {
      ':inst': to.institutionId,
      ':city': to.cityCode,
      ':on': admittedOn,
      ':first': child.admittedOn,
      ':g2pk': institutionChildrenPk(to.institutionId),
      ':g2sk': institutionChildrenSk(admittedOn, child.childId),
      ':rev': child.rev,
      ':next': child.rev + 1,
    },
  },
});
