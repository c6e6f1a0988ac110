// The departments and their task types: who the hub works with, what it asks of each, in how many working days.
// Adding a department is a contract file, an adapter, a simulator and one entry in `departments`.
import type { DepartmentCode } from '../../contracts/common.ts';
import { defaultSignatureScheme, type SignatureScheme } from '../../contracts/push.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { schoolPlacementV1, schoolRecordTransferV1 } from '../../contracts/education/index.ts';
import { dnaComparisonV1, foundlingReportV1, hukouMigrationV1, hukouRegistrationV1, placementHukouV1 } from '../../contracts/public-security/index.ts';
import { rehabAssistanceV1, rehabPointCertificationV1 } from '../../contracts/disability-federation/index.ts';
import { safetyInspectionV1 } from '../../contracts/fire-rescue/index.ts';
import { publicRentalHousingV1 } from '../../contracts/housing/index.ts';
import { employmentSupportV1 } from '../../contracts/human-resources/index.ts';
import { priorityEnlistmentV1 } from '../../contracts/conscription/index.ts';
import { specialHardshipRecognitionV1 } from '../../contracts/civil-affairs/index.ts';
import { foodSafetyInspectionV1 } from '../../contracts/market-regulation/index.ts';

export interface TaskTypeEntry {
  contract: TaskTypeContract;
  /** Deadline from opening, in working days on the public-holiday calendar. */
  deadlineWorkingDays: number;
  /** Working days past the deadline at which an open task is escalated to the city's supervisor, then the region's. */
  escalateAfter?: Escalation;
}

export interface Escalation {
  city: number;
  region: number;
}

/** Escalation when a task type sets none: a week late to the city's supervisor, four weeks to the region's. */
export const defaultEscalation: Escalation = { city: 5, region: 20 };

export interface DepartmentEntry {
  code: DepartmentCode;
  nameZh: string;
  nameEn: string;
  /** push: the adapter POSTs each task to the department's endpoint; pull: the department reads its inbox. */
  delivery: 'push' | 'pull';
  /** The MAC its pushes are signed with (contracts/push.ts); absent: HMAC-SHA256. */
  signature?: SignatureScheme;
  taskTypes: TaskTypeEntry[];
}

// Deadlines are working days from opening (services/calendar); none is set by the policy text, see
// docs/task-types.md for the reasoning behind each.
export const departments: DepartmentEntry[] = [
  {
    code: 'medical-insurance',
    nameZh: '医疗保障局',
    nameEn: 'Healthcare Security Bureau',
    delivery: 'push',
    // The national medical-insurance platform asks for 国密 (SM2/SM3) cryptography: docs/decisions/0012-sm3-signatures.md.
    signature: 'hmac-sm3',
    taskTypes: [{ contract: preEnrollmentV1, deadlineWorkingDays: 5 }],
  },
  {
    code: 'education',
    nameZh: '教育局',
    nameEn: 'Education Bureau',
    delivery: 'push',
    taskTypes: [
      { contract: schoolPlacementV1, deadlineWorkingDays: 10 },
      { contract: schoolRecordTransferV1, deadlineWorkingDays: 10 },
    ],
  },
  {
    code: 'public-security',
    nameZh: '公安局',
    nameEn: 'Public Security Bureau',
    delivery: 'push',
    taskTypes: [
      // A foundling's police report holds up its hukou and every later step: escalated sooner.
      { contract: foundlingReportV1, deadlineWorkingDays: 3, escalateAfter: { city: 2, region: 5 } },
      { contract: hukouRegistrationV1, deadlineWorkingDays: 15 },
      { contract: hukouMigrationV1, deadlineWorkingDays: 10 },
      { contract: dnaComparisonV1, deadlineWorkingDays: 10 },
      { contract: placementHukouV1, deadlineWorkingDays: 10 },
    ],
  },
  {
    code: 'disability-federation',
    nameZh: '残联',
    nameEn: "Disabled Persons' Federation",
    delivery: 'push',
    taskTypes: [
      { contract: rehabPointCertificationV1, deadlineWorkingDays: 20 },
      { contract: rehabAssistanceV1, deadlineWorkingDays: 15 },
    ],
  },
  {
    code: 'fire-rescue',
    nameZh: '消防救援支队',
    nameEn: 'Fire and Rescue Detachment',
    delivery: 'push',
    taskTypes: [{ contract: safetyInspectionV1, deadlineWorkingDays: 10 }],
  },
  {
    code: 'housing',
    nameZh: '住房城乡建设局',
    nameEn: 'Housing and Urban-Rural Development Bureau',
    delivery: 'push',
    taskTypes: [{ contract: publicRentalHousingV1, deadlineWorkingDays: 20 }],
  },
  {
    code: 'human-resources',
    nameZh: '人力资源社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    delivery: 'push',
    taskTypes: [{ contract: employmentSupportV1, deadlineWorkingDays: 15 }],
  },
  {
    code: 'conscription',
    nameZh: '征兵办公室',
    nameEn: 'Conscription Office',
    delivery: 'push',
    taskTypes: [{ contract: priorityEnlistmentV1, deadlineWorkingDays: 20 }],
  },
  {
    code: 'civil-affairs',
    nameZh: '民政局（安置地）',
    nameEn: 'Civil Affairs Bureau of the place of placement',
    delivery: 'push',
    taskTypes: [{ contract: specialHardshipRecognitionV1, deadlineWorkingDays: 20 }],
  },
  {
    code: 'market-regulation',
    nameZh: '市场监管局',
    nameEn: 'Market Regulation Bureau',
    delivery: 'push',
    taskTypes: [{ contract: foodSafetyInspectionV1, deadlineWorkingDays: 10 }],
  },
];

/** How long staff have to answer a department's request for information (working days). */
export const informationDeadlineWorkingDays = 5;

export const taskTypes: TaskTypeEntry[] = departments.flatMap((d) => d.taskTypes);

/**
 * A task type's entry: the given major version (a task keeps the version it was opened with), or the newest
 * one when opening a task. Two majors of one type can live side by side while departments move over.
 */
export function findTaskType(type: string, version?: number): TaskTypeEntry | undefined {
  const all = taskTypes.filter((t) => t.contract.type === type);
  if (version !== undefined) return all.find((t) => t.contract.version === version);
  return all.sort((a, b) => b.contract.version - a.contract.version)[0];
}

export function findDepartment(code: string): DepartmentEntry | undefined {
  return departments.find((d) => d.code === code);
}

/** The signature scheme of a department's pushes. */
export const signatureOf = (code: string): SignatureScheme => findDepartment(code)?.signature ?? defaultSignatureScheme;
