// Who is calling. A principal is a string so that it travels unchanged through an API Gateway authorizer
// context, a JWT claim, the local credentials file and the history's `by` field.
import type { DepartmentCode } from '../../contracts/common.ts';
import { findDepartment } from '../topology.ts';

export type Principal =
  | { kind: 'staff'; institutionId: string }
  | { kind: 'department'; department: DepartmentCode }
  | { kind: 'supervisor'; cityCode: string }
  | { kind: 'system'; name: string };

export function formatPrincipal(p: Principal): string {
  switch (p.kind) {
    case 'staff':
      return `staff:${p.institutionId}`;
    case 'department':
      return `department:${p.department}`;
    case 'supervisor':
      return `supervisor:${p.cityCode}`;
    case 'system':
      return `system:${p.name}`;
  }
}

/** Parses `staff:<institutionId>`, `department:<code>`, `supervisor:<cityCode>`; undefined when malformed. */
export function parsePrincipal(value: unknown): Principal | undefined {
  if (typeof value !== 'string') return undefined;
  const [kind, id, ...rest] = value.split(':');
  if (!id || rest.length) return undefined;
  if (kind === 'staff' && /^(CWI|MPC)-[1-9]\d{5}$/.test(id)) return { kind, institutionId: id };
  if (kind === 'department' && findDepartment(id)) return { kind, department: id as DepartmentCode };
  if (kind === 'supervisor' && /^[1-9]\d{3}00$/.test(id)) return { kind, cityCode: id };
  return undefined;
}
