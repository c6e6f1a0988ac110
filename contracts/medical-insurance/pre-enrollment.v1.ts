// 医保预参保登记: medical insurance pre-enrollment with no waiting period (policy 二(三)).
import * as z from 'zod/mini';
import { ChildId, Gender, IdNumberCanonical, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';

export const PreEnrollmentRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('Hub child id')),
    name: ShortText.check(z.describe('Full name (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期)')),
    idNumber: z.optional(IdNumberCanonical),
    institutionId: InstitutionId.check(z.describe('The welfare institution that admitted the child and enrolls it')),
    admittedOn: IsoDate.check(z.describe('Date of admission (入院日期); enrollment is due from this day')),
    subsidyCategory: z
      .enum(['orphan', 'factually-unsupported', 'none']).check(z.describe('Whose personal contribution is subsidised (个人缴费资助): orphan (孤儿, incl. parents unknown), factually-unsupported (事实无人抚养儿童), none')),
  }).check(z.meta({ title: 'medical-insurance.pre-enrollment v1 request' }));

export const PreEnrollmentResult = z
  .strictObject({
    insuredBefore: z.boolean().check(z.describe('The child was already insured before this request (已参保)')),
    enrollmentNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.describe('Enrollment number (参保登记号)')),
    enrolledOn: IsoDate.check(z.describe('Enrollment date (参保日期)')),
    benefitStartDate: IsoDate.check(z.describe('Benefit start date (待遇享受开始日期); must not be later than enrolledOn: no waiting period (不设待遇等待期)')),
    contributionSubsidised: z.boolean().check(z.describe('The personal contribution is subsidised (个人缴费资助)')),
  }).check(z.meta({ title: 'medical-insurance.pre-enrollment v1 result' }));

export const preEnrollmentV1 = defineTaskType({
  type: 'medical-insurance.pre-enrollment',
  version: 1,
  department: 'medical-insurance',
  subject: 'child',
  titleZh: '医保预参保登记',
  policy: '二(三)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'admittedOn'],
  admission: { when: ['parentsUnknown'], policy: '二(三)' },
  input: z.strictObject({}).check(z.meta({ title: 'medical-insurance.pre-enrollment v1 input' })),
  request: PreEnrollmentRequest,
  result: PreEnrollmentResult,
  buildRequest({ child }) {
    if (!child) throw new Error('pre-enrollment needs a child');
    // Children whose parents cannot be found are supported as orphans are (policy 二(三)).
    const subsidyCategory: z.infer<typeof PreEnrollmentRequest>['subsidyCategory'] =
      child.orphan || child.parentsUnknown ? 'orphan' : child.factuallyUnsupported ? 'factually-unsupported' : 'none';
    return {
      ...childIdentity(child),
      institutionId: child.institutionId,
      admittedOn: child.admittedOn,
      subsidyCategory,
    };
  },
  rules: [
    {
      id: 'no-waiting-period', kind: 'not-after', field: 'benefitStartDate', other: 'result.enrolledOn',
      en: 'benefits must start on the enrollment date: the policy forbids a waiting period (二(三))',
      zh: '待遇享受开始日期不得晚于参保日期：政策规定不设待遇等待期（二(三)）',
    },
    {
      id: 'contribution-subsidised', kind: 'equal', field: 'contributionSubsidised', value: true, when: { field: 'request.subsidyCategory', is: 'not-equal', value: 'none' },
      en: 'the personal contribution of a child in a subsidy category must be subsidised',
      zh: '该儿童属于资助对象，个人缴费须予以资助',
    },
  ],
});
