// Who is calling, parsed in this one place (docs/decisions/0006-auth.md). A principal is a string so that it
// travels unchanged through an API Gateway authorizer context, a JWT claim, the local credentials file and a
// history's `by`:
//   staff:<institutionId>                 the staff of one institution
//   department:<code>                     a department's region-wide system (what every department token was before)
//   department:<code>@<cityCode>          one city's bureau of that department: only the tasks of its city
//   supervisor:<cityCode>                 a city's civil-affairs bureau, reading its city
//   supervisor:450000                     the region's civil-affairs department, reading every city
//   system:<name>                         the hub itself (sweeps, adapters): never in a token
import type { DepartmentCode } from '../../contracts/common.ts';
import { guangxiCities } from '../seed/institutions.ts';
import { cityOfDivision } from './division.ts';
import { findDepartment } from '../topology/departments.ts';

/** The region's own division code: the regional supervisor's. */
export const REGION_CODE = '450000';

export type Principal =
  | { kind: 'staff'; institutionId: string }
  | { kind: 'department'; department: DepartmentCode; cityCode?: string }
  | { kind: 'supervisor'; cityCode: string }
  | { kind: 'system'; name: string };

const cityCodes = new Set(guangxiCities.map((c) => c.code));
export const isCityCode = (code: string) => cityCodes.has(code);

export { cityOfDivision };

export function formatPrincipal(p: Principal): string {
  switch (p.kind) {
    case 'staff':
      return `staff:${p.institutionId}`;
    case 'department':
      return `department:${p.department}${p.cityCode ? `@${p.cityCode}` : ''}`;
    case 'supervisor':
      return `supervisor:${p.cityCode}`;
    case 'system':
      return `system:${p.name}`;
  }
}

/** Parses any principal of the grammar above, `system:` included; undefined when malformed. */
export function parseAnyPrincipal(value: unknown): Principal | undefined {
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const [kind, id, ...rest] = value.split(':');
  if (!id || rest.length) return undefined;
  if (kind === 'staff' && /^(CWI|MPC)-[1-9]\d{5}$/.test(id)) return { kind, institutionId: id };
  if (kind === 'department') {
    const [code, city, ...more] = id.split('@');
    if (more.length || !findDepartment(code!)) return undefined;
    if (city === undefined) return { kind, department: code! };
    return isCityCode(city) ? { kind, department: code!, cityCode: city } : undefined;
  }
  if (kind === 'supervisor' && (isCityCode(id) || id === REGION_CODE)) return { kind, cityCode: id };
  if (kind === 'system' && /^[a-z]+(-[a-z]+)*$/.test(id)) return { kind, name: id };
  return undefined;
}

/** A principal a token may stand for: any but the hub's own. */
export type CallerPrincipal = Exclude<Principal, { kind: 'system' }>;

/** A principal a token may stand for: any but the hub's own `system:` ones. */
export function parsePrincipal(value: unknown): CallerPrincipal | undefined {
  const p = parseAnyPrincipal(value);
  return p?.kind === 'system' ? undefined : p;
}
