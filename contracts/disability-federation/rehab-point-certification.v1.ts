// 康复救助定点机构认定: certifying a child welfare institution as a designated rehabilitation-assistance service
// institution (policy 二(四): 儿童福利机构应当符合残疾儿童康复救助定点服务机构条件; 四(二): 残联…同等条件下要优先
// 将符合条件的儿童福利机构纳入). The subject is the institution: the federation sees what it offers, no child data.
import * as z from 'zod/mini';
import { DivisionCode, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { defineTaskType } from '../task-type.ts';
import { RehabArea, RehabIntervention } from './fields.ts';

export const RehabService = z
  .strictObject({
    area: RehabArea,
    interventions: z.array(RehabIntervention).check(z.minLength(1), z.describe('What the institution provides in that area')),
  }).check(z.describe('One rehabilitation area the institution serves (康复服务项目)'));

const ServicesOffered = z
  .array(RehabService).check(z.minLength(1), z.refine((s) => new Set(s.map((x) => x.area)).size === s.length, 'each area once'), z.describe('Rehabilitation services the institution offers (提供的康复服务), each area once'));
const RehabProfessionalCount = z.int().check(z.gte(0), z.describe('Rehabilitation professionals on staff (康复专业技术人员数)'));
const InstitutionAddress = ShortText.check(z.describe('Address of the institution (机构地址)'));

export const RehabPointCertificationInput = z
  .strictObject({
    servicesOffered: ServicesOffered,
    rehabProfessionalCount: z.optional(RehabProfessionalCount),
    address: z.optional(InstitutionAddress),
  }).check(z.meta({
    title: 'disability-federation.rehab-point-certification v1 input',
    description: 'What the institution applies with',
  }));

export const RehabPointCertificationRequest = z
  .strictObject({
    institutionId: InstitutionId.check(z.describe('The applying institution')),
    institutionName: ShortText.check(z.describe('Its name (机构名称)')),
    institutionKind: z
      .enum(['city-welfare', 'county-protection']).check(z.describe('city-welfare (设区市级儿童福利机构) or county-protection (县级未成年人救助保护机构); both get priority (四(二))')),
    cityCode: DivisionCode.check(z.describe('City (设区市) division code, GB/T 2260')),
    countyCode: z.optional(DivisionCode).check(z.describe('County division code, for a county institution')),
    address: z.optional(InstitutionAddress),
    servicesOffered: ServicesOffered,
    rehabProfessionalCount: z.optional(RehabProfessionalCount),
  }).check(z.meta({
    title: 'disability-federation.rehab-point-certification v1 request',
    description: '康复救助定点机构认定: what the federation receives',
  }));

export const RehabPointCertificationResult = z
  .strictObject({
    certified: z.boolean().check(z.describe('Whether the institution is certified (认定结果)')),
    certificateNumber: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))).check(z.describe('Certificate number (定点机构编号); when certified')),
    validFrom: z.optional(IsoDate).check(z.describe('First day of validity (有效期起); when certified')),
    validUntil: z.optional(IsoDate).check(z.describe('Last day of validity (有效期止); when certified, after validFrom')),
    certifiedAreas: z.optional(z.array(RehabArea)).check(z.describe('Areas the certification covers, when narrower than those applied for (认定服务类别)')),
    reason: z.optional(Reason).check(z.describe('Why the institution is not certified (不予认定理由); when not certified')),
  }).check(z.meta({
    title: 'disability-federation.rehab-point-certification v1 result',
    description: '康复救助定点机构认定: what the federation returns',
  }));

export const rehabPointCertificationV1 = defineTaskType({
  type: 'disability-federation.rehab-point-certification',
  version: 1,
  department: 'disability-federation',
  subject: 'institution',
  titleZh: '康复救助定点机构认定',
  policy: '二(四), 四(二)',
  discloses: [],
  input: RehabPointCertificationInput,
  request: RehabPointCertificationRequest,
  result: RehabPointCertificationResult,
  buildRequest({ institution }, input) {
    return {
      institutionId: institution.institutionId,
      institutionName: institution.name,
      institutionKind: institution.kind,
      cityCode: institution.cityCode,
      ...(institution.countyCode ? { countyCode: institution.countyCode } : {}),
      ...(input.address ? { address: input.address } : {}),
      servicesOffered: input.servicesOffered,
      ...(input.rehabProfessionalCount !== undefined ? { rehabProfessionalCount: input.rehabProfessionalCount } : {}),
    };
  },
  rules: [
    {
      id: 'certificate-number', kind: 'required', field: 'certificateNumber', when: { field: 'result.certified', is: 'equal', value: true },
      en: 'a certification needs its certificate number',
      zh: '予以认定时须填写证书编号',
    },
    {
      id: 'valid-from', kind: 'required', field: 'validFrom', when: { field: 'result.certified', is: 'equal', value: true },
      en: 'a certification needs a validity period',
      zh: '予以认定时须填写有效期',
    },
    {
      id: 'valid-until', kind: 'required', field: 'validUntil', when: { field: 'result.certified', is: 'equal', value: true },
      en: 'a certification needs a validity period',
      zh: '予以认定时须填写有效期',
    },
    {
      id: 'areas-applied-for',
      kind: 'described',
      field: 'certifiedAreas',
      en: 'every certified area was applied for',
      zh: '认定的服务类别须在申请范围内',
      holds: (result, request) => (result.certifiedAreas ?? []).every((area) => request.servicesOffered.some((s) => s.area === area)),
    },
    {
      id: 'refusal-reason', kind: 'required', field: 'reason', when: { field: 'result.certified', is: 'equal', value: false },
      en: 'a refusal needs its reason',
      zh: '须写明理由',
    },
    {
      id: 'certificate-number-only-if-certified', kind: 'absent', field: 'certificateNumber', unless: { field: 'result.certified', is: 'equal', value: true },
      en: 'certificateNumber is given only when the institution is certified',
      zh: '仅在予以认定时填写此项',
    },
    {
      id: 'valid-from-only-if-certified', kind: 'absent', field: 'validFrom', unless: { field: 'result.certified', is: 'equal', value: true },
      en: 'validFrom is given only when the institution is certified',
      zh: '仅在予以认定时填写此项',
    },
    {
      id: 'valid-until-only-if-certified', kind: 'absent', field: 'validUntil', unless: { field: 'result.certified', is: 'equal', value: true },
      en: 'validUntil is given only when the institution is certified',
      zh: '仅在予以认定时填写此项',
    },
    {
      id: 'certified-areas-only-if-certified', kind: 'absent', field: 'certifiedAreas', unless: { field: 'result.certified', is: 'equal', value: true },
      en: 'certifiedAreas is given only when the institution is certified',
      zh: '仅在予以认定时填写此项',
    },
    {
      id: 'validity-order', kind: 'after', field: 'validUntil', other: 'result.validFrom',
      en: 'validity must end after it starts',
      zh: '有效期止须晚于有效期起',
    },
  ],
});
