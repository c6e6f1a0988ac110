// 捡拾报案证明: the police certificate that a newly found child's parents or other guardians cannot be found
// (policy 三(一)); with it the county civil-affairs bureau of the place where the child was found sends the child
// to the city institution. The police see who the child is, where and when the child was found: no school,
// disability or medical details.
import * as z from 'zod/mini';
import { ChildId, DivisionCode, Gender, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';
import { caseChild, DocumentNumber, IdNumberCanonical } from './fields.ts';

const FoundPlace = ShortText.check(z.describe('Where the child was found (捡拾地点), as precise as known'));
const FoundCountyCode = DivisionCode.check(z.describe('County-level division where the child was found (捡拾地县(市)), GB/T 2260'));
const FoundOn = IsoDate.check(z.describe('Date the child was found (捡拾日期)'));
const Circumstances = Reason.check(z.describe('How the child was found, belongings, notes left (捡拾经过), when known'));

export const FoundlingReportInput = z
  .strictObject({
    foundPlace: FoundPlace,
    foundCountyCode: FoundCountyCode,
    foundOn: FoundOn,
    circumstances: z.optional(Circumstances),
  }).check(z.meta({ title: 'public-security.foundling-report v1 input', description: 'Where and when the child was found' }));

export const FoundlingReportRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Name the child is known by (姓名), often given by the institution')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期), estimated')),
    idNumber: z.optional(IdNumberCanonical).check(z.describe('Resident identity number (公民身份号码), in the rare case one is known')),
    institutionId: InstitutionId.check(z.describe('Institution that holds the child now')),
    foundPlace: FoundPlace,
    foundCountyCode: FoundCountyCode,
    foundOn: FoundOn,
    circumstances: z.optional(Circumstances),
  }).check(z.meta({ title: 'public-security.foundling-report v1 request', description: '捡拾报案证明: what the police receive' }));

export const FoundlingReportResult = z
  .strictObject({
    certificateNumber: DocumentNumber.check(z.describe('Number of the report certificate (捡拾报案证明编号)')),
    issuedOn: IsoDate.check(z.describe('Date the certificate was issued (出具日期)')),
    policeStation: ShortText.check(z.describe('Police station that issued it (出具单位, 派出所)')),
  }).check(z.meta({ title: 'public-security.foundling-report v1 result', description: '捡拾报案证明: what the police return' }));

export const foundlingReportV1 = defineTaskType({
  type: 'public-security.foundling-report',
  version: 1,
  department: 'public-security',
  subject: 'child',
  titleZh: '捡拾报案证明',
  policy: '三(一)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'foundPlace', 'foundCountyCode', 'foundOn'],
  // The county where a child is found asks the police first, then sends the child to the city (三(一)).
  admission: {
    when: ['parentsUnknown'],
    unless: ['hasFoundlingCertificate'],
    input: { foundPlace: 'foundPlace', foundCountyCode: 'foundCountyCode', foundOn: 'foundOn' },
    at: ['county-protection', 'city-welfare'],
    policy: '三(一)',
  },
  feeds: { fields: { certificateNumber: 'foundlingCertificateNumber' } },
  input: FoundlingReportInput,
  request: FoundlingReportRequest,
  result: FoundlingReportResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'public-security.foundling-report');
    return {
      ...childIdentity(child),
      institutionId: child.institutionId,
      foundPlace: input.foundPlace,
      foundCountyCode: input.foundCountyCode,
      foundOn: input.foundOn,
      ...(input.circumstances ? { circumstances: input.circumstances } : {}),
    };
  },
  rules: [
    {
      id: 'issued-after-found', kind: 'not-before', field: 'issuedOn', other: 'request.foundOn',
      en: 'the certificate cannot be issued before the child was found',
      zh: '出具日期不能早于捡拾日期',
    },
  ],
});
