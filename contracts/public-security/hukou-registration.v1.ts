// 落户: registering a child who has no hukou, on the institution's collective household (policy 四(二):
// 公安部门要及时办理儿童落户). A foundling is registered on the strength of the report certificate (三(一)), so
// the request carries it when it exists. The police see identity and institution: no school or disability data.
import * as z from 'zod/mini';
import { ChildId, Gender, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { defineTaskType } from '../task-type.ts';
import { caseChild, DocumentNumber, genderOfIdNumber, HukouAddress, IdNumberCanonical } from './fields.ts';
import { foundlingReportV1 } from './foundling-report.v1.ts';

export const HukouRegistrationInput = z
  .strictObject({}).check(z.meta({
    title: 'public-security.hukou-registration v1 input',
    description: 'Nothing: the case holds what is needed',
  }));

export const HukouRegistrationRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Name to register (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期), estimated for a foundling')),
    institutionId: InstitutionId.check(z.describe('Institution whose collective household (集体户) the child joins')),
    institutionName: ShortText.check(z.describe('Name of that institution (儿童福利机构名称)')),
    admittedOn: IsoDate.check(z.describe('Date the institution admitted the child (入院日期)')),
    parentsUnknown: z.boolean().check(z.describe('Parents and other guardians cannot be found (查找不到父母或其他监护人)')),
    foundlingCertificateNumber: z.optional(DocumentNumber).check(z.describe('Number of the foundling report certificate (捡拾报案证明编号), when the child is a foundling and it exists')),
  }).check(z.meta({ title: 'public-security.hukou-registration v1 request', description: '落户: what the police receive' }));

export const HukouRegistrationResult = z
  .strictObject({
    hukouRegistrationNumber: DocumentNumber.check(z.describe('Household registration number (户号) of the collective household')),
    address: HukouAddress.check(z.describe('Registered hukou address (户籍地址): the institution’s collective household')),
    registeredOn: IsoDate.check(z.describe('Date of registration (登记日期)')),
    idNumber: z.optional(IdNumberCanonical).check(z.describe('Resident identity number (公民身份号码) assigned on registration')),
  }).check(z.meta({ title: 'public-security.hukou-registration v1 result', description: '落户: what the police return' }));

export const hukouRegistrationV1 = defineTaskType({
  type: 'public-security.hukou-registration',
  version: 1,
  department: 'public-security',
  subject: 'child',
  titleZh: '落户',
  policy: '四(二)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'institutionId', 'admittedOn', 'parentsUnknown', 'foundlingCertificateNumber'],
  // A foundling is registered under the certificate its report establishes.
  admission: { when: ['noHukou'], after: foundlingReportV1, policy: '四(二)' },
  feeds: {
    fields: { hukouRegistrationNumber: 'hukouRegistrationNumber', address: 'hukouAddress', idNumber: 'idNumber' },
    set: { hukouRegistered: true },
  },
  input: HukouRegistrationInput,
  request: HukouRegistrationRequest,
  result: HukouRegistrationResult,
  buildRequest(facts) {
    const child = caseChild(facts, 'public-security.hukou-registration');
    return {
      childId: child.childId,
      name: child.name,
      gender: child.gender,
      birthDate: child.birthDate,
      institutionId: child.institutionId,
      institutionName: facts.institution.name,
      admittedOn: child.admittedOn,
      parentsUnknown: child.parentsUnknown,
      ...(child.foundlingCertificateNumber ? { foundlingCertificateNumber: child.foundlingCertificateNumber } : {}),
    };
  },
  rules: [
    {
      id: 'registered-after-birth', kind: 'not-before', field: 'registeredOn', other: 'request.birthDate',
      en: 'a child cannot be registered before birth',
      zh: '登记日期不能早于出生日期',
    },
    {
      id: 'id-number-gender',
      kind: 'described',
      field: 'idNumber',
      en: 'the identity number’s gender digit (GB 11643, 17th character) disagrees with the child’s gender',
      zh: '公民身份号码的性别位（第17位）与儿童性别不符',
      holds: (result, request) => !result.idNumber || genderOfIdNumber(result.idNumber) === request.gender,
    },
  ],
});
