// Who may see and change what (ARCHITECTURE.md decision 9). Pure checks; handlers call them before writing.
import { ForbiddenError } from '../lib/errors.ts';
import type { Principal } from './principal.ts';

interface Scoped {
  institutionId: string;
  cityCode: string;
}

/** Staff read their institution's cases; supervisors read their city's. */
export function assertCanRead(p: Principal, c: Scoped): void {
  if (p.kind === 'staff' && p.institutionId === c.institutionId) return;
  if (p.kind === 'supervisor' && p.cityCode === c.cityCode) return;
  throw new ForbiddenError(`${p.kind === 'department' ? 'a department' : 'this principal'} may not read this case`);
}

/** Only staff of the institution act on its cases. */
export function assertStaffOf(p: Principal, institutionId: string): void {
  if (p.kind === 'staff' && p.institutionId === institutionId) return;
  throw new ForbiddenError(`only staff of ${institutionId} may do this`);
}

/** A department sees and changes only its own tasks. */
export function assertDepartment(p: Principal, department: string): void {
  if (p.kind === 'department' && p.department === department) return;
  throw new ForbiddenError(`only the ${department} department may do this`);
}
