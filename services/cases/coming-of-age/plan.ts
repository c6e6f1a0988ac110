// The placement plan (二(六)): from the capability assessment, the tasks the departments owe the young person, by
// rules kept as data on each task type's contract (`placement`, contracts/task-roles.ts; all listed in
// docs/task-types.md). Pure: the assessment route writes what it returns.
import type { Child } from '../../../contracts/case.ts';
import type { CapabilityAssessment, PlacementFact, PlacementValues } from '../../../contracts/coming-of-age.ts';
import type { FieldIssue } from '../../../contracts/api/errors.ts';
import type { PlacementRule } from '../../../contracts/task-roles.ts';
import type { TaskTypeContract } from '../../../contracts/task-type.ts';
import { ValidationError } from '../../lib/errors.ts';
import { findTaskType, taskTypes } from '../../topology/task-types.ts';
import type { OpenTaskSpec } from '../open-tasks.ts';

/** What the rules test: the category, capacities and wishes the staff recorded, and the child's facts. */
export function placementFacts(a: CapabilityAssessment, child: Child): Record<PlacementFact, boolean> {
  const wishes = new Set(a.wishes);
  return {
    community: a.category === 'community',
    specialHardshipSupport: a.category !== 'community',
    welfareInstitution: a.category === 'welfare-institution',
    needsHousing: a.needsHousing,
    hasHukou: child.hukouRegistered,
    studying: a.studying,
    wantsTechnicalSchool: wishes.has('technical-school'),
    seeksEmployment: wishes.has('work') && a.labourCapacity !== 'none',
    wantsEnlistment: wishes.has('enlistment'),
    fitForService: a.labourCapacity === 'full' && a.selfCareCapacity === 'full' && !child.disabled,
  };
}

/** The values a rule's input can read. */
export function placementValues(a: CapabilityAssessment): PlacementValues {
  return {
    category: a.category,
    placeCountyCode: a.place.countyCode,
    placeAddress: a.place.address,
    ...(a.place.villageOrCommunity ? { villageOrCommunity: a.place.villageOrCommunity } : {}),
    ...(a.place.welfareInstitutionName ? { welfareInstitutionName: a.place.welfareInstitutionName } : {}),
    supportMode: a.category === 'welfare-institution' ? 'centralised' : 'dispersed',
    labourCapacity: a.labourCapacity,
    selfCareCapacity: a.selfCareCapacity,
    wishes: a.wishes,
    employmentDifficulty: a.employmentDifficulty ?? false,
  };
}

/** Every task type's placement rule (of its newest major), in topology order. */
export function placementRules(): { contract: TaskTypeContract; rule: PlacementRule }[] {
  const newest = taskTypes.filter((t) => findTaskType(t.contract.type) === t);
  return newest.flatMap(({ contract }) => (contract.placement ? [{ contract, rule: contract.placement }] : []));
}

export const holds = (rule: Pick<PlacementRule, 'when' | 'anyOf' | 'unless'>, facts: Record<PlacementFact, boolean>) =>
  (rule.when ?? []).every((f) => facts[f]) &&
  (!rule.anyOf?.length || rule.anyOf.some((f) => facts[f])) &&
  !(rule.unless ?? []).some((f) => facts[f]);

/**
 * The tasks the plan opens, each bound to the coming-of-age workflow with the input its rule reads from the
 * assessment. An input the task's contract refuses is reported as the assessment's field (400).
 */
export function planPlacement(a: CapabilityAssessment, child: Child): OpenTaskSpec[] {
  const facts = placementFacts(a, child);
  const values = placementValues(a) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const plan: OpenTaskSpec[] = [];
  for (const { contract, rule } of placementRules().filter(({ rule }) => holds(rule, facts))) {
    const fromValues = Object.entries(rule.input ?? {}) as [string, string][];
    const input = Object.fromEntries(fromValues.flatMap(([field, value]) => (values[value] === undefined ? [] : [[field, values[value]]])));
    const parsed = contract.input.safeParse(input);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: String(i.path[0] ?? ''), message: `${i.message} (needed for ${contract.type}, policy ${rule.policy})` });
      continue;
    }
    plan.push({
      type: contract.type,
      workflow: { name: 'coming-of-age', input },
      ...(contract.workflow?.inputFacts ? { inputFacts: contract.workflow.inputFacts as Record<string, string> } : {}),
    });
  }
  if (issues.length) throw new ValidationError(issues, 'the assessment lacks what its placement tasks need');
  return plan;
}
