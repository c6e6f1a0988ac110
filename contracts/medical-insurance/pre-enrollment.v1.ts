// 医保预参保登记: medical insurance pre-enrollment with no waiting period (policy 二(三)).
import * as z from 'zod';
import { ChildId, Gender, IdNumberCanonical, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';

export const PreEnrollmentRequest = z
  .strictObject({
    childId: ChildId.describe('Hub child id'),
    name: ShortText.describe('Full name (姓名)'),
    gender: Gender.describe('Gender (性别)'),
    birthDate: IsoDate.describe('Date of birth (出生日期)'),
    idNumber: IdNumberCanonical.optional(),
    institutionId: InstitutionId.describe('The welfare institution that admitted the child and enrolls it'),
    admittedOn: IsoDate.describe('Date of admission (入院日期); enrollment is due from this day'),
    subsidyCategory: z
      .enum(['orphan', 'factually-unsupported', 'none'])
      .describe(
        'Whose personal contribution is subsidised (个人缴费资助): orphan (孤儿, incl. parents unknown), factually-unsupported (事实无人抚养儿童), none',
      ),
  })
  .meta({ title: 'medical-insurance.pre-enrollment v1 request' });

export const PreEnrollmentResult = z
  .strictObject({
    insuredBefore: z.boolean().describe('The child was already insured before this request (已参保)'),
    enrollmentNumber: z.string().trim().min(1).max(64).describe('Enrollment number (参保登记号)'),
    enrolledOn: IsoDate.describe('Enrollment date (参保日期)'),
    benefitStartDate: IsoDate.describe(
      'Benefit start date (待遇享受开始日期); must not be later than enrolledOn: no waiting period (不设待遇等待期)',
    ),
    contributionSubsidised: z.boolean().describe('The personal contribution is subsidised (个人缴费资助)'),
  })
  .meta({ title: 'medical-insurance.pre-enrollment v1 result' });

export const preEnrollmentV1 = defineTaskType({
  type: 'medical-insurance.pre-enrollment',
  version: 1,
  department: 'medical-insurance',
  subject: 'child',
  titleZh: '医保预参保登记',
  policy: '二(三)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'admittedOn'],
  admission: { when: ['parentsUnknown'], policy: '二(三)' },
  input: z.strictObject({}).meta({ title: 'medical-insurance.pre-enrollment v1 input' }),
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
