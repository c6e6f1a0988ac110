// The sample case of the partner check: an institution of each kind and a child whose facts call for every child
// task type, every name marked as a test (联调测试) so a department can recognise and discard the traffic. Each
// department says which case and input its task types' samples use (scripts/departments/<code>/samples.ts).
import type * as z from 'zod/mini';
import { Child, Institution, type CaseFacts } from '../../contracts/case.ts';
import { gb11643CheckChar } from '../../contracts/common.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';

/** Marks every name the samples carry, so a department can recognise (and discard) test traffic. */
export const SAMPLE_MARK = '联调测试';

/** The city institution of the samples: a task that moves a child moves it here. */
export const cityInstitution = Institution.parse({
  institutionId: 'CWI-450100',
  kind: 'city-welfare',
  name: `南宁市儿童福利院（${SAMPLE_MARK}）`,
  cityCode: '450100',
});

const countyInstitution = Institution.parse({
  institutionId: 'MPC-450123',
  kind: 'county-protection',
  name: `隆安县未成年人救助保护中心（${SAMPLE_MARK}）`,
  cityCode: '450100',
  countyCode: '450123',
});

const BIRTH_DATE = '2016-03-01';
/** A valid GB 11643 number: 隆安县, the sample birth date, a girl's sequence (even), its check character. */
const first17 = `450123${BIRTH_DATE.replaceAll('-', '')}002`;
export const SAMPLE_ID_NUMBER = first17 + gb11643CheckChar(first17);

/** Today in China (UTC+8), YYYY-MM-DD. */
export const chinaDate = (now: number) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/** The sample child: parents unknown, no hukou yet, disabled, in school, so every child task type has its facts. */
function sampleChild(childId: string, institution: Institution, today: string): Child {
  return Child.parse({
    childId,
    institutionId: institution.institutionId,
    name: `${SAMPLE_MARK}儿童`,
    gender: 'female',
    birthDate: BIRTH_DATE,
    admittedOn: today,
    idNumber: SAMPLE_ID_NUMBER,
    parentsUnknown: true,
    hukouRegistered: false,
    disabled: true,
    orphan: true,
    foundlingCertificateNumber: `450123公捡字〔${today.slice(0, 4)}〕0001号`,
    inSchool: true,
    schoolName: `隆安县城厢镇中心小学（${SAMPLE_MARK}）`,
    studentRecordNumber: `G${SAMPLE_ID_NUMBER}`,
    hukouAddress: `广西壮族自治区隆安县未成年人救助保护中心集体户（${SAMPLE_MARK}）`,
    hukouRegistrationNumber: '450123901',
    disabilityCategory: 'physical',
    disabilityGrade: 2,
    disabilityCertificateNumber: `${SAMPLE_ID_NUMBER}42`,
  });
}

export type SampleCase = 'city-child' | 'county-child' | 'institution';

/** A task type's sample: which case it is opened for, and its opening input. */
export interface SampleSpec {
  contract: TaskTypeContract;
  case: SampleCase;
  input: (today: string) => unknown;
}

/**
 * A department's sample of one of its task types: `sampleOf(contract)({ case, input })`. Two calls, so that the
 * contract is known before the input is checked against its input schema.
 */
export const sampleOf =
  <C extends TaskTypeContract>(contract: C) =>
  (spec: { case: SampleCase; input: (today: string) => z.input<C['input']> }): SampleSpec => ({ contract, ...spec });

export function sampleCase(kind: SampleCase, childId: string, today: string): CaseFacts {
  if (kind === 'institution') return { institution: cityInstitution };
  const institution = kind === 'city-child' ? cityInstitution : countyInstitution;
  return { institution, child: sampleChild(childId, institution, today) };
}

