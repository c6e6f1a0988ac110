// The facts the hub holds about a case. Task requests are built from these (see task-type.ts).
import * as z from 'zod';
import { ChildId, DivisionCode, Gender, IdNumber, InstitutionId, IsoDate, ShortText } from './common.ts';
import { DisabilityCategory, DisabilityCertificateNumber, DisabilityGrade } from './disability-federation/fields.ts';
import { SchoolName, StudentRecordNumber } from './education/fields.ts';
import { DocumentNumber, HukouAddress } from './public-security/fields.ts';

export const Institution = z.object({
  institutionId: InstitutionId,
  kind: z.enum(['city-welfare', 'county-protection']),
  name: ShortText,
  cityCode: DivisionCode,
  countyCode: DivisionCode.optional(),
});
export type Institution = z.infer<typeof Institution>;

/** What staff record when a child is admitted (POST /v1/children). */
export const ChildFacts = z.object({
  institutionId: InstitutionId,
  name: ShortText,
  gender: Gender,
  birthDate: IsoDate,
  admittedOn: IsoDate,
  idNumber: IdNumber.optional(),
  parentsUnknown: z.boolean(),
  hukouRegistered: z.boolean(),
  disabled: z.boolean(),
  /** Both parents dead or declared missing (孤儿). */
  orphan: z.boolean().optional(),
  /** De-facto-unsupported child (事实无人抚养儿童). */
  factuallyUnsupported: z.boolean().optional(),
  /** The police report certificate (捡拾报案证明) when it already exists. */
  foundlingCertificateNumber: ShortText.optional(),
  /** Where and when a foundling was found: needed for the police report when there is no certificate yet. */
  foundPlace: ShortText.optional(),
  foundCountyCode: DivisionCode.optional(),
  foundOn: IsoDate.optional(),
  /** Schooling the child already has (a transfer moves the record, 学籍转移). */
  inSchool: z.boolean().optional(),
  schoolName: SchoolName.optional(),
  studentRecordNumber: StudentRecordNumber.optional(),
  /** Hukou the child already has. */
  hukouAddress: HukouAddress.optional(),
  hukouRegistrationNumber: DocumentNumber.optional(),
  /** Disability facts from the disability certificate (残疾人证), when known. */
  disabilityCategory: DisabilityCategory.optional(),
  disabilityGrade: DisabilityGrade.optional(),
  disabilityCertificateNumber: DisabilityCertificateNumber.optional(),
});
export type ChildFacts = z.infer<typeof ChildFacts>;

export const Child = ChildFacts.extend({ childId: ChildId });
export type Child = z.infer<typeof Child>;

export interface CaseFacts {
  institution: Institution;
  /** Present when the task's subject is a child. */
  child?: Child;
}

