// 康复救助: enrolling a disabled child of the institution in disabled children's rehabilitation assistance
// (policy 二(四): 各地残联对于符合条件的儿童，应当优先纳入残疾儿童康复救助保障范围). The federation sees the
// child's identity and disability facts: no school, hukou or police data, and no medical record.
import * as z from 'zod/mini';
import { ChildId, Gender, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';
import {
  caseChild,
  DisabilityCategory,
  DisabilityCertificateNumber,
  DisabilityGrade,
  IdNumberCanonical,
  RehabArea,
} from './fields.ts';

/** GB/T 26341 category codes, the 19th character of a disability certificate number. */
const categoryByDigit = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;

const RehabNeeds = z
  .array(RehabArea).check(z.minLength(1), z.refine((a) => new Set(a).size === a.length, 'each area once'), z.describe('Areas in which the child needs rehabilitation (康复需求), as assessed by the institution (二(四))'));

export const RehabAssistanceInput = z
  .strictObject({
    disabilityCategory: z.optional(DisabilityCategory),
    disabilityGrade: z.optional(DisabilityGrade),
    disabilityCertificateNumber: z.optional(DisabilityCertificateNumber),
    rehabNeeds: z.optional(RehabNeeds),
  }).check(z.superRefine((input, ctx) => {
    const cert = input.disabilityCertificateNumber;
    if (!cert) return;
    if (input.disabilityCategory && categoryByDigit[Number(cert[18]) - 1] !== input.disabilityCategory) {
      ctx.addIssue({ code: 'custom', path: ['disabilityCategory'], message: 'disagrees with the certificate number' });
    }
    if (input.disabilityGrade !== undefined && Number(cert[19]) !== input.disabilityGrade) {
      ctx.addIssue({ code: 'custom', path: ['disabilityGrade'], message: 'disagrees with the certificate number' });
    }
  }), z.meta({ title: 'disability-federation.rehab-assistance v1 input', description: 'Disability facts staff know' }));

export const RehabAssistanceRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Child’s name (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期): assistance depends on age')),
    idNumber: z.optional(IdNumberCanonical),
    institutionId: InstitutionId.check(z.describe('Institution the child lives in')),
    institutionName: ShortText.check(z.describe('Name of that institution (儿童福利机构名称)')),
    disabilityCategory: z.optional(DisabilityCategory),
    disabilityGrade: z.optional(DisabilityGrade),
    disabilityCertificateNumber: z.optional(DisabilityCertificateNumber),
    rehabNeeds: z.optional(RehabNeeds),
  }).check(z.meta({
    title: 'disability-federation.rehab-assistance v1 request',
    description: '康复救助: what the federation receives',
  }));

export const RehabInstitution = z
  .strictObject({
    name: ShortText.check(z.describe('Name of the rehabilitation institution (康复机构名称)')),
    institutionId: z.optional(InstitutionId).check(z.describe('Its hub id, when it is a child welfare institution')),
  }).check(z.describe('Designated institution that delivers the rehabilitation (定点康复机构)'));

export const RehabAssistanceResult = z
  .strictObject({
    enrolled: z.boolean().check(z.describe('Whether the child is enrolled in rehabilitation assistance (纳入康复救助)')),
    planSummary: z.optional(Reason).check(z.describe('Summary of the rehabilitation plan (康复方案摘要); when enrolled')),
    rehabInstitution: z.optional(RehabInstitution),
    startDate: z.optional(IsoDate).check(z.describe('First day of assisted rehabilitation (救助开始日期); when enrolled')),
    reason: z.optional(Reason).check(z.describe('Why the child is not enrolled (未纳入理由); when not enrolled')),
  }).check(z.meta({
    title: 'disability-federation.rehab-assistance v1 result',
    description: '康复救助: what the federation returns',
  }));

export const rehabAssistanceV1 = defineTaskType({
  type: 'disability-federation.rehab-assistance',
  version: 1,
  department: 'disability-federation',
  subject: 'child',
  titleZh: '康复救助',
  policy: '二(四)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'disabilityCategory', 'disabilityGrade', 'disabilityCertificateNumber'],
  admission: {
    when: ['disabled'],
    input: {
      disabilityCategory: 'disabilityCategory',
      disabilityGrade: 'disabilityGrade',
      disabilityCertificateNumber: 'disabilityCertificateNumber',
    },
    policy: '二(四)',
  },
  input: RehabAssistanceInput,
  request: RehabAssistanceRequest,
  result: RehabAssistanceResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'disability-federation.rehab-assistance');
    const cert = input.disabilityCertificateNumber;
    // The certificate number spells out category and grade: send them even when staff did not type them.
    const category = input.disabilityCategory ?? (cert ? categoryByDigit[Number(cert[18]) - 1] : undefined);
    const grade = input.disabilityGrade ?? (cert ? Number(cert[19]) : undefined);
    return {
      ...childIdentity(child),
      institutionId: child.institutionId,
      institutionName: facts.institution.name,
      ...(category ? { disabilityCategory: category } : {}),
      ...(grade !== undefined ? { disabilityGrade: grade } : {}),
      ...(cert ? { disabilityCertificateNumber: cert } : {}),
      ...(input.rehabNeeds ? { rehabNeeds: input.rehabNeeds } : {}),
    };
  },
  rules: [
    {
      id: 'plan-summary-if-enrolled', kind: 'required', field: 'planSummary', when: { field: 'result.enrolled', is: 'equal', value: true },
      en: 'an enrolment needs planSummary',
      zh: '纳入康复救助时须填写此项',
    },
    {
      id: 'rehab-institution-if-enrolled', kind: 'required', field: 'rehabInstitution', when: { field: 'result.enrolled', is: 'equal', value: true },
      en: 'an enrolment needs rehabInstitution',
      zh: '纳入康复救助时须填写此项',
    },
    {
      id: 'start-date-if-enrolled', kind: 'required', field: 'startDate', when: { field: 'result.enrolled', is: 'equal', value: true },
      en: 'an enrolment needs startDate',
      zh: '纳入康复救助时须填写此项',
    },
    {
      id: 'refusal-reason', kind: 'required', field: 'reason', when: { field: 'result.enrolled', is: 'equal', value: false },
      en: 'a refusal needs its reason',
      zh: '须写明理由',
    },
    {
      id: 'plan-summary-only-if-enrolled', kind: 'absent', field: 'planSummary', unless: { field: 'result.enrolled', is: 'equal', value: true },
      en: 'planSummary is given only when the child is enrolled',
      zh: '仅在纳入康复救助时填写此项',
    },
    {
      id: 'rehab-institution-only-if-enrolled', kind: 'absent', field: 'rehabInstitution', unless: { field: 'result.enrolled', is: 'equal', value: true },
      en: 'rehabInstitution is given only when the child is enrolled',
      zh: '仅在纳入康复救助时填写此项',
    },
    {
      id: 'start-date-only-if-enrolled', kind: 'absent', field: 'startDate', unless: { field: 'result.enrolled', is: 'equal', value: true },
      en: 'startDate is given only when the child is enrolled',
      zh: '仅在纳入康复救助时填写此项',
    },
  ],
});
