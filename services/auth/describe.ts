// Principals described for a person: the API's GET /v1/me, the local sign-in list and the console's history
// ("who") all use this, so principal strings are read in one place (principal.ts) and named in one place (here).
import type { Me } from '../../contracts/api/me.ts';
import type { Person } from '../../contracts/api/views.ts';
import { findInstitution } from '../cases/institutions.ts';
import { guangxiCities } from '../seed/institutions.ts';
import { findDepartment } from '../topology/departments.ts';
import { parsePrincipal, REGION_CODE, type Principal } from './principal.ts';

const cityName = (code: string) => guangxiCities.find((c) => c.code === code)?.name;

export function describePrincipal(p: Exclude<Principal, { kind: 'system' }>, principal: string, person?: Person): Me {
  const who = person ? { person } : {};
  switch (p.kind) {
    case 'staff': {
      const institution = findInstitution(p.institutionId);
      return { principal, kind: 'staff', name: institution?.name ?? p.institutionId, ...(institution ? { institution, cityCode: institution.cityCode } : {}), ...who };
    }
    case 'department': {
      const dept = findDepartment(p.department)?.nameZh ?? p.department;
      // A city's bureau (南宁市公安局), or the department's region-wide system (公安局（全区）).
      const name = p.cityCode ? `${cityName(p.cityCode) ?? p.cityCode}市${dept}` : `${dept}（全区）`;
      return { principal, kind: 'department', name, department: p.department, ...(p.cityCode ? { cityCode: p.cityCode } : {}), ...who };
    }
    case 'supervisor': {
      const name = p.cityCode === REGION_CODE ? '自治区民政厅' : `${cityName(p.cityCode) ?? p.cityCode}市民政局`;
      return { principal, kind: 'supervisor', name, cityCode: p.cityCode, ...who };
    }
  }
}

/** A principal string as a person reads it (a history's `by`): the organisation's name, 系统 for the hub itself. */
export function principalName(by: string): string {
  if (by.startsWith('system:')) return '系统';
  const p = parsePrincipal(by);
  return p ? describePrincipal(p, by).name : by;
}

/** A person and the organisation they act for, as a person reads it: 张三（南宁市儿童福利院）; the organisation alone without one. */
export const withPerson = (org: string, person?: Person) => (person?.name ? `${person.name}（${org}）` : org);

/** Who did something (a history entry's `by` and `person`); the organisation alone for a machine. */
export const actorName = (who: { by: string; person?: Person }) => withPerson(principalName(who.by), who.person);
