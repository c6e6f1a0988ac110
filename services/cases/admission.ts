// Which tasks an admission opens, decided from the child's facts by rules kept as data (DOMAIN.md, 接收).
import type { Child } from '../../contracts/case.ts';
import { ValidationError, type FieldIssue } from '../lib/errors.ts';
import { findTaskType } from '../topology.ts';
import type { OpenTaskSpec } from './open-tasks.ts';

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** School age: from 6 (compulsory education, 义务教育法 art. 11) until 18, when senior secondary ends. */
export const SCHOOL_AGE = { from: 6, until: 18 } as const;

/** Facts the rules can test, derived from what staff recorded. */
export function admissionFacts(child: Child) {
  const age = ageOn(child.birthDate, child.admittedOn);
  return {
    parentsUnknown: child.parentsUnknown,
    noHukou: !child.hukouRegistered,
    disabled: child.disabled,
    schoolAge: age >= SCHOOL_AGE.from && age < SCHOOL_AGE.until,
    hasFoundlingCertificate: Boolean(child.foundlingCertificateNumber),
    inSchool: Boolean(child.inSchool),
  };
}
export type AdmissionFact = keyof ReturnType<typeof admissionFacts>;

export interface AdmissionRule {
  /** Where the rule applies: admission into a city institution (default) or a county centre taking a child in. */
  at?: ('city-welfare' | 'county-protection')[];
  /** Every fact listed must hold. */
  when: AdmissionFact[];
  /** None of these may hold. */
  unless?: AdmissionFact[];
  open: string;
  /** The task's input, field by field, from the child's recorded facts. */
  input?: Record<string, keyof Child>;
  /** Dispatched only once this task type (opened by the same admission) completes. */
  after?: string;
  policy: string;
}

export const admissionRules: AdmissionRule[] = [
  {
    when: ['parentsUnknown'],
    unless: ['hasFoundlingCertificate'],
    open: 'public-security.foundling-report',
    input: { foundPlace: 'foundPlace', foundCountyCode: 'foundCountyCode', foundOn: 'foundOn' },
    // The county where a child is found asks the police first, then sends the child to the city (三(一)).
    at: ['county-protection', 'city-welfare'],
    policy: '三(一)',
  },
  { when: ['parentsUnknown'], open: 'public-security.dna-comparison', policy: '四(二)' },
  { when: ['parentsUnknown'], open: 'medical-insurance.pre-enrollment', policy: '二(三)' },
  { when: ['noHukou'], open: 'public-security.hukou-registration', after: 'public-security.foundling-report', policy: '四(二)' },
  // A child already in school moves its record instead (学籍转移, opened by the transfer).
  { when: ['schoolAge'], unless: ['inSchool'], open: 'education.school-placement', policy: '二(五)' },
  {
    when: ['disabled'],
    open: 'disability-federation.rehab-assistance',
    input: {
      disabilityCategory: 'disabilityCategory',
      disabilityGrade: 'disabilityGrade',
      disabilityCertificateNumber: 'disabilityCertificateNumber',
    },
    policy: '二(四)',
  },
];

export interface PlannedTask extends OpenTaskSpec {
  /** Index into the plan of the task this one waits for. */
  after?: number;
  /** The type it waits for, when that task may already exist on the child (opened before a transfer). */
  afterType?: string;
}

/**
 * The tasks an admission opens, in rule order. A rule's input comes from the child's facts; a fact the
 * task needs but staff did not record is reported as that field of the admission body (400).
 */
export function planAdmission(
  child: Child,
  options: { at?: 'city-welfare' | 'county-protection'; alreadyOpened?: string[]; rules?: AdmissionRule[] } = {},
): PlannedTask[] {
  const { at = 'city-welfare', alreadyOpened = [], rules = admissionRules } = options;
  const facts = admissionFacts(child);
  const chosen = rules.filter(
    (r) =>
      findTaskType(r.open) &&
      (r.at ?? ['city-welfare']).includes(at) &&
      !alreadyOpened.includes(r.open) &&
      r.when.every((f) => facts[f]) &&
      !(r.unless ?? []).some((f) => facts[f]),
  );
  const issues: FieldIssue[] = [];
  const plan: PlannedTask[] = [];
  for (const rule of chosen) {
    if (plan.some((p) => p.type === rule.open)) continue;
    const input = Object.fromEntries(
      Object.entries(rule.input ?? {}).flatMap(([field, fact]) => (child[fact] === undefined ? [] : [[field, child[fact]]])),
    );
    const parsed = findTaskType(rule.open)!.contract.input.safeParse(input);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '');
        issues.push({ path: rule.input?.[field] ?? field, message: `${i.message} (needed for ${rule.open}, policy ${rule.policy})` });
      }
      continue;
    }
    const after = rule.after ? plan.findIndex((p) => p.type === rule.after) : -1;
    plan.push({ type: rule.open, input, ...(after >= 0 ? { after } : {}), ...(rule.after ? { afterType: rule.after } : {}) });
  }
  if (issues.length) throw new ValidationError(issues, 'the admission lacks facts its tasks need');
  return plan;
}
