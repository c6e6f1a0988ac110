// Which tasks an admission (接收) opens, decided from the child's facts by rules kept as data: each task type's
// `admission` on its contract (contracts/task-roles.ts), all of them listed in docs/task-types.md.
import type { Child } from '../../contracts/case.ts';
import type { AdmissionFact, AdmissionRule } from '../../contracts/task-roles.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import type { FieldIssue } from '../../contracts/api/errors.ts';
import { ValidationError } from '../lib/errors.ts';
import { findTaskType, taskTypes } from '../topology/task-types.ts';
import type { OpenTaskSpec } from './open-tasks.ts';

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** School age: from 6 (compulsory education, 义务教育法 art. 11) until 18, when senior secondary ends. */
export const SCHOOL_AGE = { from: 6, until: 18 } as const;

/** Facts the rules can test, derived from what staff recorded, on the admission date (or `on`: a clock's day). */
export function admissionFacts(child: Child, on = child.admittedOn): Record<AdmissionFact, boolean> {
  const age = ageOn(child.birthDate, on);
  return {
    parentsUnknown: child.parentsUnknown,
    noHukou: !child.hukouRegistered,
    disabled: child.disabled,
    schoolAge: age >= SCHOOL_AGE.from && age < SCHOOL_AGE.until,
    hasFoundlingCertificate: Boolean(child.foundlingCertificateNumber),
    inSchool: Boolean(child.inSchool),
  };
}

/** Every task type's admission rule (of its newest major: new tasks open with it), in topology order. */
export function admissionRules(): { contract: TaskTypeContract; rule: AdmissionRule }[] {
  const newest = taskTypes.filter((t) => findTaskType(t.contract.type) === t);
  return newest.flatMap(({ contract }) => (contract.admission ? [{ contract, rule: contract.admission }] : []));
}

export interface PlannedTask extends OpenTaskSpec {
  /** Index into the plan of the task this one waits for. */
  after?: number;
  /** The type it waits for, when that task may already exist on the child (opened before a transfer). */
  afterType?: string;
}

/**
 * The tasks an admission opens, in topology order. A rule's input comes from the child's facts; a fact the
 * task needs but staff did not record is reported as that field of the admission body (400).
 */
export function planAdmission(
  child: Child,
  options: { at?: 'city-welfare' | 'county-protection'; alreadyOpened?: string[] } = {},
): PlannedTask[] {
  const { at = 'city-welfare', alreadyOpened = [] } = options;
  const facts = admissionFacts(child);
  const chosen = admissionRules().filter(
    ({ contract, rule }) =>
      (rule.at ?? ['city-welfare']).includes(at) &&
      !alreadyOpened.includes(contract.type) &&
      rule.when.every((f) => facts[f]) &&
      !(rule.unless ?? []).some((f) => facts[f]),
  );
  const issues: FieldIssue[] = [];
  const plan: (PlannedTask & { rule: AdmissionRule })[] = [];
  for (const { contract, rule } of chosen) {
    const fromFacts = Object.entries(rule.input ?? {}) as [string, keyof Child][];
    const input = Object.fromEntries(fromFacts.flatMap(([field, fact]) => (child[fact] === undefined ? [] : [[field, child[fact]]])));
    const parsed = contract.input.safeParse(input);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '');
        const fact = fromFacts.find(([f]) => f === field)?.[1] ?? field;
        issues.push({ path: fact, message: `${i.message} (needed for ${contract.type}, policy ${rule.policy})` });
      }
      continue;
    }
    plan.push({ type: contract.type, input, rule, ...(rule.after ? { afterType: rule.after.type } : {}) });
  }
  if (issues.length) throw new ValidationError(issues, 'the admission lacks facts its tasks need');
  // A task waits for the one its rule names when the same admission opens that one too.
  return plan.map(({ rule: _rule, ...p }) => {
    const after = p.afterType ? plan.findIndex((q) => q.type === p.afterType) : -1;
    return after >= 0 ? { ...p, after } : p;
  });
}
