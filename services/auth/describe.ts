// Principals described for a person: the API's GET /v1/me, the local sign-in list and the console's history
// ("who") all use this, so principal strings are read in one place (principal.ts) and named in one place (here).
import type { Me } from '../../contracts/api/me.ts';
import { findInstitution } from '../cases/institutions.ts';
import { guangxiCities } from '../seed/institutions.ts';
import { findDepartment } from '../topology.ts';
import { parsePrincipal, type Principal } from './principal.ts';

export function describePrincipal(p: Exclude<Principal, { kind: 'system' }>, principal: string): Me {
  switch (p.kind) {
    case 'staff': {
      const institution = findInstitution(p.institutionId);
      return { principal, kind: 'staff', name: institution?.name ?? p.institutionId, ...(institution ? { institution, cityCode: institution.cityCode } : {}) };
    }
    case 'department':
      return { principal, kind: 'department', name: findDepartment(p.department)?.nameZh ?? p.department, department: p.department };
    case 'supervisor': {
      const city = guangxiCities.find((c) => c.code === p.cityCode);
      return { principal, kind: 'supervisor', name: city ? `${city.name}市民政局` : p.cityCode, cityCode: p.cityCode };
    }
  }
}

/** A principal string as a person reads it (a history's `by`): the organisation's name, 系统 for the hub itself. */
export function principalName(by: string): string {
  if (by.startsWith('system:')) return '系统';
  const p = parsePrincipal(by);
  return p && p.kind !== 'system' ? describePrincipal(p, by).name : by;
}
