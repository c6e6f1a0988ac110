// Who a bearer token stands for, described for a person (GET /v1/me). The console asks the API rather than reading
// principal strings itself, so a change to their form (named people, city bureaus) stays in services/auth/.
import * as z from 'zod/mini';
import { DepartmentCode, DivisionCode } from '../common.ts';
import { Institution } from '../case.ts';
import { Person } from './views.ts';

export const PrincipalKind = z.enum(['staff', 'department', 'supervisor']);

export const Me = z.object({
  principal: z.string().check(z.describe('The principal string the token stands for, e.g. staff:CWI-450100')),
  kind: PrincipalKind,
  name: z.string().check(z.describe('The organisation, for a person: 南宁市儿童福利院, 南宁市公安局, 公安局（全区）, 南宁市民政局, 自治区民政厅')),
  person: z.optional(Person).check(z.describe('The person the token names, acting for the organisation; absent for a system')),
  institution: z.optional(Institution).check(z.describe('Staff: the institution they act for')),
  department: z.optional(DepartmentCode).check(z.describe('A department: its code')),
  cityCode: z.optional(DivisionCode).check(z.describe('Staff and supervisors: the city (450000: the region); a city bureau: its city')),
});
export type Me = z.infer<typeof Me>;

/** The local runtime's sign-in list (not part of the REST API, and absent on AWS: docs/security.md). */
/** Each entry's `principal` is the identity to sign in as: an organisation's own, or one of its people's (`…#u1`). */
export const LocalPrincipals = z.object({ principals: z.array(Me) });
export const LocalSignInRequest = z.strictObject({ principal: z.string().check(z.minLength(1), z.maxLength(200)) });
export const LocalSignInResponse = z.object({ token: z.string() });
