// Sample tasks for the partner check: built exactly as the hub builds a real task (the contract's `buildRequest`
// from a case, `taskEnvelope`, the department's `toWire`), from a sample case whose names say it is a test
// (联调测试). Pure apart from the ids, which the caller passes in (fresh per run, so a department that dedupes on
// the idempotency key never mistakes this run's samples for the last run's).
import * as z from 'zod';
import type { TaskView } from '../../contracts/api/views.ts';
import { Child, Institution, type CaseFacts } from '../../contracts/case.ts';
import { gb11643CheckChar } from '../../contracts/common.ts';
import { Envelope } from '../../contracts/envelope.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import type { DepartmentEntry, TaskTypeEntry } from '../../services/topology.ts';
import type { DepartmentMapping } from '../departments/modules.ts';

/** Marks every name the samples carry, so a department can recognise (and discard) test traffic. */
export const SAMPLE_MARK = '联调测试';

const cityInstitution = Institution.parse({
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
const chinaDate = (now: number) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

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

type CaseKind = 'city-child' | 'county-child' | 'institution';

/**
 * The case and the opening input of each task type's sample. A task type without an entry is opened for a child
 * of the city institution with an empty input; if that does not build, `buildSample` says which entry to add.
 */
const sampleSpecs: Record<string, { case: CaseKind; input: (today: string) => unknown }> = {
  'medical-insurance.pre-enrollment': { case: 'city-child', input: () => ({}) },
  'education.school-placement': { case: 'city-child', input: () => ({ level: 'primary', grade: 3 }) },
  'education.school-record-transfer': {
    case: 'county-child',
    input: () => ({
      fromSchoolName: `隆安县城厢镇中心小学（${SAMPLE_MARK}）`,
      studentRecordNumber: `G${SAMPLE_ID_NUMBER}`,
      toInstitutionId: cityInstitution.institutionId,
    }),
  },
  'public-security.foundling-report': {
    case: 'county-child',
    input: (today) => ({
      foundPlace: `隆安县城厢镇汽车站候车室（${SAMPLE_MARK}）`,
      foundCountyCode: '450123',
      foundOn: today,
      circumstances: `${SAMPLE_MARK}：合作方自检样例，非真实案件`,
    }),
  },
  'public-security.hukou-registration': { case: 'city-child', input: () => ({}) },
  'public-security.hukou-migration': {
    case: 'county-child',
    input: () => ({
      fromHukouAddress: `广西壮族自治区隆安县未成年人救助保护中心集体户（${SAMPLE_MARK}）`,
      hukouRegistrationNumber: '450123901',
      toInstitutionId: cityInstitution.institutionId,
    }),
  },
  'public-security.dna-comparison': { case: 'city-child', input: () => ({}) },
  'disability-federation.rehab-point-certification': {
    case: 'institution',
    input: () => ({
      servicesOffered: [
        { area: 'physical', interventions: ['rehabilitation-training', 'assistive-devices'] },
        { area: 'intellectual', interventions: ['rehabilitation-training'] },
      ],
      rehabProfessionalCount: 6,
      address: `南宁市（${SAMPLE_MARK}）`,
    }),
  },
  'disability-federation.rehab-assistance': {
    case: 'city-child',
    input: () => ({ disabilityCertificateNumber: `${SAMPLE_ID_NUMBER}42`, rehabNeeds: ['physical'] }),
  },
  'fire-rescue.safety-inspection': {
    case: 'institution',
    input: () => ({
      inspectionKind: 'requested',
      address: `南宁市（${SAMPLE_MARK}）`,
      requestReason: `${SAMPLE_MARK}：合作方自检样例，非真实申请`,
    }),
  },
};

export function sampleCase(kind: CaseKind, childId: string, today: string): CaseFacts {
  if (kind === 'institution') return { institution: cityInstitution };
  const institution = kind === 'city-child' ? cityInstitution : countyInstitution;
  return { institution, child: sampleChild(childId, institution, today) };
}

export interface Sample {
  taskType: string;
  taskId: string;
  envelope: Envelope;
  /** The department's wire format, as the adapter pushes it. */
  wire: unknown;
  /** The exact bytes pushed (and signed). */
  body: string;
  /** The idempotency key the adapter sends: the envelope id. */
  idempotencyKey: string;
}

/** Fresh ids: `CH` + a ULID for the child; the task id is its owner's id, `.T`, a ULID (services/state/keys.ts). */
export interface SampleIds {
  ulid(): string;
}

export function buildSample(
  department: DepartmentEntry,
  entry: TaskTypeEntry,
  mapping: Pick<DepartmentMapping, 'toWire'>,
  ids: SampleIds,
  now: number,
): Sample {
  const { contract } = entry;
  const today = chinaDate(now);
  const spec = sampleSpecs[contract.type] ?? { case: contract.subject === 'child' ? 'city-child' : 'institution', input: () => ({}) };
  const facts = sampleCase(spec.case, `CH${ids.ulid()}`, today);
  let request: unknown;
  try {
    request = contract.request.parse(contract.buildRequest(facts, contract.input.parse(spec.input(today))));
  } catch (err) {
    const why =
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
        : (err as Error).message;
    throw new Error(
      `cannot build a sample ${contract.type} task (${why.slice(0, 300)}); ` +
        'give it a sample case and input in scripts/partner-check/samples.ts',
    );
  }
  const subjectId = facts.child?.childId ?? facts.institution.institutionId;
  const time = new Date(now).toISOString();
  const task: TaskView = {
    taskId: `${subjectId}.T${ids.ulid()}`,
    type: contract.type,
    contractVersion: contract.version,
    department: department.code,
    subjectId,
    institutionId: facts.institution.institutionId,
    cityCode: facts.institution.cityCode,
    status: 'dispatched',
    deadline: new Date(now + entry.deadlineWorkingDays * 86_400_000).toISOString(),
    overdue: false,
    request,
    history: [],
    createdAt: time,
    updatedAt: time,
  };
  // The adapter only maps envelopes that parse: a sample that would not is the checker's bug, not the department's.
  const envelope = Envelope.parse(taskEnvelope(task, time));
  const wire = mapping.toWire(envelope);
  return { taskType: contract.type, taskId: task.taskId, envelope, wire, body: JSON.stringify(wire), idempotencyKey: envelope.id };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The dotted path of the first field (depth first) whose value is `value`, or undefined. */
export function pathOfValue(value: unknown, target: string, at: string[] = []): string[] | undefined {
  if (value === target) return at;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = pathOfValue(v, target, [...at, k]);
      if (found) return found;
    }
  }
  return undefined;
}

function without(value: unknown, path: string[]): Json {
  const copy = structuredClone(value) as Json;
  let parent = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, Json>;
  delete parent[path.at(-1)!];
  return copy;
}

const refuses = (mapping: Pick<DepartmentMapping, 'fromWire'>, wire: unknown) => {
  try {
    mapping.fromWire(wire);
    return false;
  } catch {
    return true;
  }
};

/**
 * The sample with one required field removed: the field carrying the task id when the department's own wire
 * schema (its `fromWire`) refuses the sample without it, else the first top-level field whose absence it refuses.
 * Undefined when no single missing field makes the sample unreadable (the check then says so).
 */
export function withoutRequiredField(
  sample: Sample,
  mapping: Pick<DepartmentMapping, 'fromWire'>,
): { field: string; carriesTaskId: boolean; body: string } | undefined {
  const candidates: string[][] = [];
  const idPath = pathOfValue(sample.wire, sample.taskId);
  if (idPath && idPath.length > 0) candidates.push(idPath);
  if (sample.wire && typeof sample.wire === 'object') candidates.push(...Object.keys(sample.wire).map((k) => [k]));
  for (const path of candidates) {
    const wire = without(sample.wire, path);
    if (refuses(mapping, wire)) return { field: path.join('.'), carriesTaskId: path === idPath, body: JSON.stringify(wire) };
  }
  return undefined;
}

/** A body that is JSON but not the department's format: the hub's own envelope, unmapped (a plausible hub bug). */
export function foreignFormatBody(sample: Sample, mapping: Pick<DepartmentMapping, 'fromWire'>): string {
  if (refuses(mapping, sample.envelope)) return JSON.stringify(sample.envelope);
  return JSON.stringify({ unexpected: SAMPLE_MARK });
}

/** A body that is not JSON at all, as a broken proxy or a truncated write would deliver. */
export const notJsonBody = (sample: Sample) => sample.body.slice(0, Math.max(1, Math.floor(sample.body.length / 2)));
