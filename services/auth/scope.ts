// Who may see and change what (docs/security.md). Pure checks; handlers call them before writing.
//
// Two kinds of refusal, so that an outsider learns nothing an unknown id would not tell:
// - the caller's kind cannot do this at all (a department opening a task, a supervisor writing): 403, decided
//   before anything is read, so the answer is the same whether the resource exists or not;
// - a child, task or transfer outside the caller's scope: the same 404 an unknown id gets.
// Institutions and departments are public (the seed list, the topology): outside them is a 403. A 403 says what
// the caller is not, never who the owner is.
import { echo, ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { cityOfDivision, REGION_CODE, type Principal } from './principal.ts';

export type Staff = Extract<Principal, { kind: 'staff' }>;
export type Department = Extract<Principal, { kind: 'department' }>;
export type Reader = Extract<Principal, { kind: 'staff' | 'supervisor' }>;

interface Scoped {
  institutionId: string;
  cityCode: string;
}

/** The 404 of an unknown id, and of one the caller may not see. */
export const notFound = (what: 'child' | 'task' | 'transfer' | 'department' | 'institution', id: string) =>
  new NotFoundError(`${what} ${echo(id)} not found`);

export function requireStaff(p: Principal): Staff {
  if (p.kind === 'staff') return p;
  throw new ForbiddenError('only the staff of an institution may do this');
}

export function requireDepartment(p: Principal): Department {
  if (p.kind === 'department') return p;
  throw new ForbiddenError('only a partner department may do this');
}

/**
 * A department's task, for this department principal: its department's, and for a city bureau in its city
 * (`jurisdictionCity`: the city of the task's jurisdiction). docs/decisions/0013-jurisdictions.md.
 */
export function isDepartmentsTask(p: Department, task: { department: string; cityCode: string; jurisdiction?: string }): boolean {
  return task.department === p.department && (p.cityCode === undefined || cityOfDivision(task.jurisdiction ?? task.cityCode) === p.cityCode);
}

/** Staff and supervisors read cases; departments read their tasks through their inbox. */
export function requireReader(p: Principal): Reader {
  if (p.kind === 'staff' || p.kind === 'supervisor') return p;
  throw new ForbiddenError('departments read their tasks through their inbox, not cases');
}

/** Staff read their institution's cases; supervisors read their city's, the region's supervisor every city's. */
export function canRead(p: Principal, c: Scoped): boolean {
  return (p.kind === 'staff' && p.institutionId === c.institutionId) || (p.kind === 'supervisor' && (p.cityCode === c.cityCode || p.cityCode === REGION_CODE));
}

/** For a public resource (an institution): 403 when outside the caller's scope. */
export function assertCanRead(p: Principal, c: Scoped): void {
  if (!canRead(p, c)) throw new ForbiddenError('staff read their own institution, supervisors their own city');
}

/** For a public resource (an institution): only its own staff act for it. */
export function assertStaffOf(p: Principal, institutionId: string): Staff {
  const staff = requireStaff(p);
  if (staff.institutionId !== institutionId) throw new ForbiddenError('staff act only for their own institution');
  return staff;
}

export type Supervisor = Extract<Principal, { kind: 'supervisor' }>;

/**
 * A supervisor reading a city (or, the region's supervisor only, the region: 450000). Cities are public, so outside
 * the caller's scope is a 403, decided before anything is read.
 */
export function assertSupervises(p: Principal, cityCode: string): Supervisor {
  if (p.kind !== 'supervisor') throw new ForbiddenError('only supervisors read reports, overdue lists and escalations');
  if (p.cityCode !== REGION_CODE && p.cityCode !== cityCode) throw new ForbiddenError('a city\'s supervisor reads its own city only');
  return p;
}
