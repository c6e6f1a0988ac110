// 户口迁移: moving a transferred child's hukou from the county institution to the city institution (policy 三(一),
// and 四(二): 公安部门要及时办理…户口迁移手续). Where migration could harm the child's lawful rights and interests
// (户口迁移可能使儿童合法权益受损, e.g. land contract or collective-economy rights tied to the old hukou), the
// hukou may stay: the police then return an exemption with its reason, and the hub records it. The police see
// identity and both hukou ends: no school or disability data.
import * as z from 'zod/mini';
import { ChildId, Gender, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';
import { caseChild, DocumentNumber, HukouAddress, IdNumberCanonical, isSubstantiveReason } from './fields.ts';
import { hukouRegistrationV1 } from './hukou-registration.v1.ts';

const FromHukouAddress = HukouAddress.check(z.describe('Current hukou address (迁出地户籍地址)'));
const HukouRegistrationNumber = DocumentNumber.check(z.describe('Current household registration number (户号), when known'));
const ToInstitutionId = InstitutionId.check(z.describe('Institution the child moves to (迁入机构); its collective household receives the hukou'));
const ToHukouAddress = HukouAddress.check(z.describe('Address of the receiving collective household (迁入地址), when known'));

export const HukouMigrationInput = z
  .strictObject({
    fromHukouAddress: FromHukouAddress,
    hukouRegistrationNumber: z.optional(HukouRegistrationNumber),
    toInstitutionId: ToInstitutionId,
    toHukouAddress: z.optional(ToHukouAddress),
  }).check(z.meta({
    title: 'public-security.hukou-migration v1 input',
    description: 'Where the hukou is and where it should go',
  }));

export const HukouMigrationRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Child’s name (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期)')),
    idNumber: z.optional(IdNumberCanonical),
    fromHukouAddress: FromHukouAddress,
    hukouRegistrationNumber: z.optional(HukouRegistrationNumber),
    toInstitutionId: ToInstitutionId,
    toHukouAddress: z.optional(ToHukouAddress),
  }).check(z.meta({ title: 'public-security.hukou-migration v1 request', description: '户口迁移: what the police receive' }));

export const HukouMigrated = z
  .strictObject({
    outcome: z.literal('migrated').check(z.describe('The hukou moved (已迁移)')),
    newHukouAddress: HukouAddress.check(z.describe('New hukou address (迁入后户籍地址)')),
    newHukouRegistrationNumber: z.optional(DocumentNumber).check(z.describe('New household registration number (户号), if it changed')),
    migratedOn: IsoDate.check(z.describe('Date of migration (迁移日期)')),
  }).check(z.meta({ title: 'Hukou migrated' }));

export const HukouMigrationExempt = z
  .strictObject({
    outcome: z.literal('exempt').check(z.describe('The hukou stays where it is (不迁移户口), 三(一)')),
    reason: Reason.check(z.describe('How migration would harm the child’s lawful rights and interests (不迁移的理由)')),
  }).check(z.meta({ title: 'Hukou migration exempt' }));

export const HukouMigrationResult = z
  .discriminatedUnion('outcome', [HukouMigrated, HukouMigrationExempt]).check(z.meta({
    title: 'public-security.hukou-migration v1 result',
    description: '户口迁移: migrated, or exempt with the reason',
  }));

export const hukouMigrationV1 = defineTaskType({
  type: 'public-security.hukou-migration',
  version: 1,
  department: 'public-security',
  subject: 'child',
  titleZh: '户口迁移',
  policy: '三(一), 四(二)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'hukouRegistrationNumber', 'hukouAddress'],
  // Where the hukou goes is the transfer's destination, not something a caller chooses.
  workflow: {
    name: 'transfer',
    step: 'hukou-migration',
    boundInput: ['toInstitutionId', 'toHukouAddress'],
    // The hukou it moves is the child's as it stands (the transfer may name the address it moves from).
    inputFacts: { fromHukouAddress: 'hukouAddress', hukouRegistrationNumber: 'hukouRegistrationNumber' },
    // Hukou registration before hukou migration: it waits for a registration still under way.
    after: hukouRegistrationV1,
  },
  feeds: { fields: { newHukouAddress: 'hukouAddress', newHukouRegistrationNumber: 'hukouRegistrationNumber' } },
  input: HukouMigrationInput,
  request: HukouMigrationRequest,
  result: HukouMigrationResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'public-security.hukou-migration');
    return {
      ...childIdentity(child),
      fromHukouAddress: input.fromHukouAddress,
      ...(input.hukouRegistrationNumber ? { hukouRegistrationNumber: input.hukouRegistrationNumber } : {}),
      toInstitutionId: input.toInstitutionId,
      ...(input.toHukouAddress ? { toHukouAddress: input.toHukouAddress } : {}),
    };
  },
  rules: [
    {
      id: 'exemption-reason',
      kind: 'described',
      field: 'reason',
      en: 'an exemption needs a reason that says how migration would harm the child’s rights (三(一))',
      zh: '不迁移户口须写明迁移将如何损害儿童合法权益（政策三(一)）',
      holds: (result) => result.outcome !== 'exempt' || isSubstantiveReason(result.reason),
    },
  ],
});
