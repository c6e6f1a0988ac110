// The facts the hub holds about a case. Task requests are built from these (see task-type.ts).
import * as z from 'zod/mini';
import { ChildId, DivisionCode, Gender, IdNumber, InstitutionId, IsoDate, ShortText } from './common.ts';
import { DisabilityCategory, DisabilityCertificateNumber, DisabilityGrade } from './disability-federation/fields.ts';
import { SchoolName, StudentRecordNumber } from './education/fields.ts';
import { DocumentNumber, HukouAddress } from './public-security/fields.ts';

export const Institution = z.object({
  institutionId: InstitutionId,
  kind: z.enum(['city-welfare', 'county-protection']),
  name: ShortText,
  cityCode: DivisionCode,
  countyCode: z.optional(DivisionCode),
});
export type Institution = z.infer<typeof Institution>;

/** What staff record when a child is admitted (POST /v1/children). */
export const ChildFacts = z.object({
  institutionId: InstitutionId,
  name: ShortText,
  gender: Gender,
  birthDate: IsoDate,
  admittedOn: IsoDate,
  idNumber: z.optional(IdNumber),
  parentsUnknown: z.boolean(),
  hukouRegistered: z.boolean(),
  disabled: z.boolean(),
  /** Both parents dead or declared missing (孤儿). */
  orphan: z.optional(z.boolean()),
  /** De-facto-unsupported child (事实无人抚养儿童). */
  factuallyUnsupported: z.optional(z.boolean()),
  /** The police report certificate (捡拾报案证明) when it already exists. */
  foundlingCertificateNumber: z.optional(ShortText),
  /** Where and when a foundling was found: needed for the police report when there is no certificate yet. */
  foundPlace: z.optional(ShortText),
  foundCountyCode: z.optional(DivisionCode),
  foundOn: z.optional(IsoDate),
  /** Schooling the child already has (a transfer moves the record, 学籍转移). */
  inSchool: z.optional(z.boolean()),
  schoolName: z.optional(SchoolName),
  studentRecordNumber: z.optional(StudentRecordNumber),
  /** Hukou the child already has. */
  hukouAddress: z.optional(HukouAddress),
  hukouRegistrationNumber: z.optional(DocumentNumber),
  /** Disability facts from the disability certificate (残疾人证), when known. */
  disabilityCategory: z.optional(DisabilityCategory),
  disabilityGrade: z.optional(DisabilityGrade),
  disabilityCertificateNumber: z.optional(DisabilityCertificateNumber),
});
export type ChildFacts = z.infer<typeof ChildFacts>;

export const Child = z.extend(ChildFacts, { childId: ChildId });
export type Child = z.infer<typeof Child>;

export interface CaseFacts {
  institution: Institution;
  /** Present when the task's subject is a child. */
  child?: Child;
}

