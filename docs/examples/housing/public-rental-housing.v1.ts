// Worked example (docs/adding-a-department.md): 公租房保障 for orphans who come of age (policy 二(六)).
// In a real change this file is contracts/housing/public-rental-housing.v1.ts.
import * as z from 'zod';
import { ChildId, Gender, IdNumberCanonical, InstitutionId, IsoDate, Reason, ShortText } from '../../../contracts/common.ts';
import { defineTaskType } from '../../../contracts/task-type.ts';

export const PublicRentalHousingRequest = z
  .strictObject({
    childId: ChildId,
    name: ShortText.describe('Name (姓名)'),
    gender: Gender,
    birthDate: IsoDate.describe('Date of birth: the applicant must be an adult'),
    idNumber: IdNumberCanonical,
    institutionId: InstitutionId.describe('Institution that applies on the young adult’s behalf'),
  })
  .meta({ title: 'housing.public-rental-housing v1 request' });

export const PublicRentalHousingResult = z
  .strictObject({
    approved: z.boolean().describe('Housing granted (公租房保障)'),
    address: ShortText.optional().describe('Address of the flat'),
    leaseStart: IsoDate.optional(),
    reason: Reason.optional().describe('Why not, when not approved'),
  })
  .meta({ title: 'housing.public-rental-housing v1 result' });

export const publicRentalHousingV1 = defineTaskType({
  type: 'housing.public-rental-housing',
  version: 1,
  department: 'housing',
  subject: 'child',
  titleZh: '公租房保障',
  policy: '二(六)',
  input: z.strictObject({}),
  request: PublicRentalHousingRequest,
  result: PublicRentalHousingResult,
  buildRequest({ child }) {
    if (!child) throw new Error('public-rental-housing needs a child');
    const { childId, name, gender, birthDate, idNumber, institutionId } = child;
    return { childId, name, gender, birthDate, idNumber: idNumber!, institutionId };
  },
  checkResult(result) {
    if (result.approved && (!result.address || !result.leaseStart))
      return [{ path: 'result.address', message: 'an approval names the flat and the lease start' }];
    if (!result.approved && !result.reason) return [{ path: 'result.reason', message: 'a refusal gives its reason' }];
    return [];
  },
});
