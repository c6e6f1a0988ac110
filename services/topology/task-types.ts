// What the hub asks of each department: its task types (the contracts, from the department's own contract folder),
// each with the working days it has to answer and when a late task is escalated. The registry of the schemas: only
// code that opens, validates or describes a task of any type imports it (the APIs, the sweeps that open or release
// tasks, the contract documents). Code that needs only the departments reads ./departments.ts; an adapter carries its
// own department's contracts (its `DepartmentAdapter.taskTypes`), not this registry.
import type { DepartmentCode } from '../../contracts/common.ts';
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
import { departments } from './departments.ts';

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

// Deadlines are working days from opening (services/calendar); none is set by the policy text, see
// docs/task-types.md for the reasoning behind each. One entry per department of ./departments.ts (test/unit/topology.test.ts).
export const taskTypesByDepartment: Record<DepartmentCode, TaskTypeEntry[]> = {
  'medical-insurance': [{ contract: preEnrollmentV1, deadlineWorkingDays: 5 }],
  education: [
    { contract: schoolPlacementV1, deadlineWorkingDays: 10 },
    { contract: schoolRecordTransferV1, deadlineWorkingDays: 10 },
  ],
  'public-security': [
    // A foundling's police report holds up its hukou and every later step: escalated sooner.
    { contract: foundlingReportV1, deadlineWorkingDays: 3, escalateAfter: { city: 2, region: 5 } },
    { contract: hukouRegistrationV1, deadlineWorkingDays: 15 },
    { contract: hukouMigrationV1, deadlineWorkingDays: 10 },
    { contract: dnaComparisonV1, deadlineWorkingDays: 10 },
    { contract: placementHukouV1, deadlineWorkingDays: 10 },
  ],
  'disability-federation': [
    { contract: rehabPointCertificationV1, deadlineWorkingDays: 20 },
    { contract: rehabAssistanceV1, deadlineWorkingDays: 15 },
  ],
  'fire-rescue': [{ contract: safetyInspectionV1, deadlineWorkingDays: 10 }],
  housing: [{ contract: publicRentalHousingV1, deadlineWorkingDays: 20 }],
  'human-resources': [{ contract: employmentSupportV1, deadlineWorkingDays: 15 }],
  conscription: [{ contract: priorityEnlistmentV1, deadlineWorkingDays: 20 }],
  'civil-affairs': [{ contract: specialHardshipRecognitionV1, deadlineWorkingDays: 20 }],
  'market-regulation': [{ contract: foodSafetyInspectionV1, deadlineWorkingDays: 10 }],
};

/** A department's task types (none for a code the topology does not know). */
export const taskTypesOf = (code: string): TaskTypeEntry[] => taskTypesByDepartment[code] ?? [];

export const taskTypes: TaskTypeEntry[] = departments.flatMap((d) => taskTypesOf(d.code));

/**
 * A task type's entry: the given major version (a task keeps the version it was opened with), or the newest
 * one when opening a task. Two majors of one type can live side by side while departments move over.
 */
export function findTaskType(type: string, version?: number): TaskTypeEntry | undefined {
  const all = taskTypes.filter((t) => t.contract.type === type);
  if (version !== undefined) return all.find((t) => t.contract.version === version);
  return all.sort((a, b) => b.contract.version - a.contract.version)[0];
}
