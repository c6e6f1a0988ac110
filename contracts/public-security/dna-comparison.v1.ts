// 采血比对: blood sampling and comparison against the missing-persons DNA database for a child whose parents
// cannot be found (policy 四(二): 对查找不到父母及其他监护人的儿童进行采血比对). The police need to find and
// identify the child and link the sample to the foundling report: no school, disability or medical data.
import * as z from 'zod/mini';
import { ChildId, Gender, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { defineTaskType } from '../task-type.ts';
import { caseChild, DocumentNumber } from './fields.ts';

export const DnaComparisonInput = z
  .strictObject({}).check(z.meta({ title: 'public-security.dna-comparison v1 input', description: 'Nothing: the case holds what is needed' }));

export const DnaComparisonRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Name the child is known by (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期), estimated')),
    institutionId: InstitutionId.check(z.describe('Institution where the child can be sampled')),
    institutionName: ShortText.check(z.describe('Name of that institution (儿童福利机构名称)')),
    foundlingCertificateNumber: z.optional(DocumentNumber).check(z.describe('Number of the foundling report certificate (捡拾报案证明编号), linking the sample to the police case')),
  }).check(z.meta({ title: 'public-security.dna-comparison v1 request', description: '采血比对: what the police receive' }));

export const DnaComparisonResult = z
  .strictObject({
    sampleId: DocumentNumber.check(z.describe('Id of the blood sample (样本编号)')),
    sampledOn: IsoDate.check(z.describe('Date the blood was sampled (采血日期)')),
    compared: z.boolean().check(z.describe('Whether the sample has been compared against the database (已比对)')),
    matchFound: z.boolean().check(z.describe('Whether the comparison found a likely parent (比中)')),
    matchCaseReference: z.optional(DocumentNumber).check(z.describe('Police case the match belongs to (比中案件编号); only with a match')),
  }).check(z.meta({ title: 'public-security.dna-comparison v1 result', description: '采血比对: what the police return' }));

export const dnaComparisonV1 = defineTaskType({
  type: 'public-security.dna-comparison',
  version: 1,
  department: 'public-security',
  subject: 'child',
  titleZh: '采血比对',
  policy: '四(二)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'institutionId', 'foundlingCertificateNumber'],
  admission: { when: ['parentsUnknown'], policy: '四(二)' },
  input: DnaComparisonInput,
  request: DnaComparisonRequest,
  result: DnaComparisonResult,
  buildRequest(facts) {
    const child = caseChild(facts, 'public-security.dna-comparison');
    return {
      childId: child.childId,
      name: child.name,
      gender: child.gender,
      birthDate: child.birthDate,
      institutionId: child.institutionId,
      institutionName: facts.institution.name,
      ...(child.foundlingCertificateNumber ? { foundlingCertificateNumber: child.foundlingCertificateNumber } : {}),
    };
  },
  rules: [
    {
      id: 'match-compared', kind: 'equal', field: 'compared', value: true, when: { field: 'result.matchFound', is: 'equal', value: true },
      en: 'a match needs a comparison: compared must be true',
      zh: '比中须以已比对为前提',
    },
    {
      id: 'match-case', kind: 'required', field: 'matchCaseReference', when: { field: 'result.matchFound', is: 'equal', value: true },
      en: 'a match must name the police case it belongs to',
      zh: '比中时须填写比中案件编号',
    },
    {
      id: 'case-only-with-match', kind: 'absent', field: 'matchCaseReference', unless: { field: 'result.matchFound', is: 'equal', value: true },
      en: 'a case reference is given only with a match',
      zh: '未比中时不填写比中案件编号',
    },
  ],
});
