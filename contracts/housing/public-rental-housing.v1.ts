// 住房保障: public rental or other guaranteed housing, with priority, for an orphan who comes of age and returns to a
// village or community (policy 二(六): 符合公共租赁住房条件或其他保障性住房供应条件的，要优先安排; 四(二): 住房城乡建设部门要
// 对孤儿成年后符合住房保障条件的优先实施保障). Opened by the coming-of-age placement plan only.
// Allow-list (field minimisation): who the applicant is (name, gender, birth date, identity number), the institution
// applying for them and the place of placement. No disability, medical, hukou or school facts: the housing rule needs none.
import * as z from 'zod/mini';
import { youngPersonFields } from '../coming-of-age-terms.ts';
import { DivisionCode, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { caseChild, childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';

const PlaceCountyCode = DivisionCode.check(z.describe('County of the place of placement, whose housing office decides (安置地县级行政区划代码)'));
const PlaceAddress = ShortText.check(z.describe('Address of the village or community of placement (安置地址)'));

export const PublicRentalHousingInput = z
  .strictObject({ placeCountyCode: PlaceCountyCode, placeAddress: PlaceAddress }).check(z.meta({ title: 'housing.public-rental-housing v1 input', description: 'Where the young person is placed (from the capability assessment)' }));

export const PublicRentalHousingRequest = z
  .strictObject({
    ...youngPersonFields,
    institutionId: InstitutionId.check(z.describe('Institution that applies on the young person’s behalf (申请机构)')),
    placeCountyCode: PlaceCountyCode,
    placeAddress: PlaceAddress,
    priority: z.literal(true).check(z.describe('An orphan coming of age: arranged with priority (优先安排, 二(六))')),
  }).check(z.meta({ title: 'housing.public-rental-housing v1 request', description: '住房保障: what the housing bureau receives' }));

export const HousingKind = z
  .enum(['public-rental', 'other-guaranteed']).check(z.describe('public-rental (公共租赁住房) or other guaranteed housing (其他保障性住房)'));

export const PublicRentalHousingResult = z
  .strictObject({
    approved: z.boolean().check(z.describe('Housing granted (准予保障)')),
    housingKind: z.optional(HousingKind),
    address: z.optional(ShortText).check(z.describe('Address of the flat (房源地址)')),
    leaseStart: z.optional(IsoDate).check(z.describe('Start of the lease (租赁起始日)')),
    reason: z.optional(Reason).check(z.describe('Why not, when not approved (不予保障理由)')),
  }).check(z.meta({ title: 'housing.public-rental-housing v1 result', description: '住房保障: what the housing bureau returns' }));

export const publicRentalHousingV1 = defineTaskType({
  type: 'housing.public-rental-housing',
  version: 1,
  department: 'housing',
  subject: 'child',
  titleZh: '住房保障（优先安排）',
  policy: '二(六), 四(二)',
  workflow: { name: 'coming-of-age', step: 'placement', boundInput: ['placeCountyCode', 'placeAddress'] },
  placement: {
    when: ['community', 'needsHousing'],
    input: { placeCountyCode: 'placeCountyCode', placeAddress: 'placeAddress' },
    policy: '二(六)',
  },
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId'],
  zh: {
    fields: { placeCountyCode: '安置地县（区）', placeAddress: '安置地址', priority: '优先安排', approved: '准予保障', housingKind: '保障方式', leaseStart: '租赁起始日' },
    values: { 'public-rental': '公共租赁住房', 'other-guaranteed': '其他保障性住房', true: '是' },
  },
  input: PublicRentalHousingInput,
  request: PublicRentalHousingRequest,
  result: PublicRentalHousingResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'housing.public-rental-housing');
    return { ...childIdentity(child), institutionId: child.institutionId, ...input, priority: true as const };
  },
  rules: [
    {
      id: 'housing-kind', kind: 'required', field: 'housingKind', when: { field: 'result.approved', is: 'equal', value: true },
      en: 'an approval names the housing kind',
      zh: '准予保障须写明保障方式',
    },
    {
      id: 'address', kind: 'required', field: 'address', when: { field: 'result.approved', is: 'equal', value: true },
      en: 'an approval names the flat',
      zh: '准予保障须写明房源地址',
    },
    {
      id: 'lease-start', kind: 'required', field: 'leaseStart', when: { field: 'result.approved', is: 'equal', value: true },
      en: 'an approval names the lease start',
      zh: '准予保障须写明租赁起始日',
    },
    {
      id: 'refusal-reason', kind: 'required', field: 'reason', when: { field: 'result.approved', is: 'equal', value: false },
      en: 'a refusal of housing gives its reason',
      zh: '不予保障须说明理由',
    },
  ],
});
