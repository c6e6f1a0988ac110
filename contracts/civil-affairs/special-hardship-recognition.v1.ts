// 特困人员认定: recognition as a person in special hardship by the civil-affairs bureau of the county of placement, for an
// orphan coming of age without labour or self-care capacity (policy 二(六): 对符合特困人员认定条件的，按规定纳入特困人员救助
// 供养，或转入社会福利机构，按照集中供养特困人员保障政策予以安置). Dispersed support (分散供养) at home in the community, or
// centralised support (集中供养) in a social welfare institution. Opened by the coming-of-age placement plan only.
// Allow-list (field minimisation): identity, the institution, the county and mode of support, the capacities the
// assessment recorded and whether the young person is disabled (the recognition rests on 无劳动能力, of which disability
// is evidence). No hukou or school facts, no medical records.
import * as z from 'zod/mini';
import { Capacity, youngPersonFields } from '../coming-of-age-terms.ts';
import { DivisionCode, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { caseChild, childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';

const PlaceCountyCode = DivisionCode.check(z.describe('County of the place of placement, whose civil-affairs bureau recognises (安置地县级行政区划代码)'));
export const SupportMode = z.enum(['dispersed', 'centralised']).check(z.describe('dispersed (分散供养) or centralised (集中供养, in a social welfare institution)'));
const WelfareInstitutionName = ShortText.check(z.describe('The social welfare institution for centralised support (供养机构)'));

export const SpecialHardshipInput = z
  .strictObject({
    placeCountyCode: PlaceCountyCode,
    supportMode: SupportMode,
    welfareInstitutionName: z.optional(WelfareInstitutionName),
    labourCapacity: Capacity.check(z.describe('Labour capacity (劳动能力), from the capability assessment')),
    selfCareCapacity: Capacity.check(z.describe('Self-care capacity (生活自理能力), from the capability assessment')),
  }).check(z.meta({ title: 'civil-affairs.special-hardship-recognition v1 input', description: 'From the capability assessment' }));

export const SpecialHardshipRequest = z
  .strictObject({
    ...youngPersonFields,
    institutionId: InstitutionId.check(z.describe('Institution that applies on the young person’s behalf')),
    disabled: z.boolean().check(z.describe('Disabled (残疾): evidence of no labour capacity')),
    placeCountyCode: PlaceCountyCode,
    supportMode: SupportMode,
    welfareInstitutionName: z.optional(WelfareInstitutionName),
    labourCapacity: Capacity,
    selfCareCapacity: Capacity,
  }).check(z.meta({ title: 'civil-affairs.special-hardship-recognition v1 request', description: '特困人员认定: what the civil-affairs bureau receives' }));

export const SpecialHardshipResult = z
  .strictObject({
    recognised: z.boolean().check(z.describe('Recognised as a person in special hardship (认定为特困人员)')),
    supportMode: z.optional(SupportMode),
    certificateNumber: z.optional(ShortText).check(z.describe('Number of the support certificate (特困人员救助供养证编号)')),
    supportFrom: z.optional(IsoDate).check(z.describe('Support starts (供养起始日期)')),
    reason: z.optional(Reason).check(z.describe('Why not, when not recognised (不予认定理由)')),
  }).check(z.meta({ title: 'civil-affairs.special-hardship-recognition v1 result', description: '特困人员认定: what the civil-affairs bureau returns' }));

export const specialHardshipRecognitionV1 = defineTaskType({
  type: 'civil-affairs.special-hardship-recognition',
  version: 1,
  department: 'civil-affairs',
  subject: 'child',
  titleZh: '特困人员认定',
  policy: '二(六)',
  workflow: {
    name: 'coming-of-age',
    step: 'placement',
    boundInput: ['placeCountyCode', 'supportMode', 'welfareInstitutionName', 'labourCapacity', 'selfCareCapacity'],
  },
  placement: {
    when: ['specialHardshipSupport'],
    input: {
      placeCountyCode: 'placeCountyCode',
      supportMode: 'supportMode',
      welfareInstitutionName: 'welfareInstitutionName',
      labourCapacity: 'labourCapacity',
      selfCareCapacity: 'selfCareCapacity',
    },
    policy: '二(六)',
  },
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'disabled'],
  zh: {
    fields: { supportMode: '供养方式', welfareInstitutionName: '供养机构', selfCareCapacity: '生活自理能力', recognised: '认定为特困人员', certificateNumber: '救助供养证编号', supportFrom: '供养起始日期' },
    values: { dispersed: '分散供养', centralised: '集中供养' },
    messages: {
      'centralised support names its social welfare institution': '集中供养须写明供养机构',
    },
  },
  input: SpecialHardshipInput.check(z.superRefine((i, ctx) => {
    if (i.supportMode === 'centralised' && !i.welfareInstitutionName) {
      ctx.addIssue({ code: 'custom', path: ['welfareInstitutionName'], message: 'centralised support names its social welfare institution' });
    }
  })),
  request: SpecialHardshipRequest,
  result: SpecialHardshipResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'civil-affairs.special-hardship-recognition');
    return { ...childIdentity(child), institutionId: child.institutionId, disabled: child.disabled, ...input };
  },
  rules: [
    {
      id: 'support-mode', kind: 'required', field: 'supportMode', when: { field: 'result.recognised', is: 'equal', value: true },
      en: 'a recognition gives the mode of support',
      zh: '认定为特困人员须写明供养方式',
    },
    {
      id: 'certificate-number', kind: 'required', field: 'certificateNumber', when: { field: 'result.recognised', is: 'equal', value: true },
      en: 'a recognition gives the certificate number',
      zh: '认定为特困人员须写明证件编号',
    },
    {
      id: 'support-from', kind: 'required', field: 'supportFrom', when: { field: 'result.recognised', is: 'equal', value: true },
      en: 'a recognition gives the start of support',
      zh: '认定为特困人员须写明供养起始日期',
    },
    {
      id: 'refusal-reason', kind: 'required', field: 'reason', when: { field: 'result.recognised', is: 'equal', value: false },
      en: 'a refusal of recognition gives its reason',
      zh: '不予认定须说明理由',
    },
  ],
});
