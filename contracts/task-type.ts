// What every task type declares: its schemas, how its request is built from the case, the rules a result must
// meet beyond its shape, and its part in the hub's shared mechanisms (which admission opens it, which facts its
// result establishes, which workflow step it carries). The schemas are the published contract; the rest is data
// and pure functions, read by services/cases/ through the topology, so no shared code names a task type.
import type * as z from 'zod/mini';
import type { DepartmentCode } from './common.ts';
import type { CaseFacts } from './case.ts';
import { checkRules, type DeclaredRule, type RuleViolation } from './result-rules.ts';
import type { AdmissionRule, ChildFact, ClockRule, PlacementRule, ResultFeed, WorkflowRole } from './task-roles.ts';

export type { RuleViolation };

export interface TaskTypeContract<
  Req extends z.ZodMiniType = z.ZodMiniType,
  Res extends z.ZodMiniType = z.ZodMiniType,
  In extends z.ZodMiniType = z.ZodMiniType,
> {
  /** `<department>.<name>`, as the catalogue in docs/task-types.md lists it. */
  type: string;
  version: number;
  department: DepartmentCode;
  subject: 'child' | 'institution';
  titleZh: string;
  /** Policy section the task comes from, e.g. 二(三). */
  policy: string;
  /** What a caller may supply when opening the task (merged into the request). */
  input: In;
  /** What the department receives: only the fields its task needs. */
  request: Req;
  /** What the department returns on completion. */
  result: Res;
  /**
   * Set when the task type belongs to a workflow. Only that workflow opens it, never a caller by hand, and the
   * `boundInput` fields (where the child goes) come from the workflow, never from free input: not when the task
   * is opened, not in a later correction (supply-information).
   */
  workflow?: WorkflowRole<In>;
  /** When admitting a child opens a task of this type (services/cases/admission.ts plans from every type's rule). */
  admission?: AdmissionRule<In>;
  /** What a completed task of this type establishes about the child (services/cases/facts.ts). */
  feeds?: ResultFeed<Res>;
  /** When a child's clock opens it ahead of a date in the child's life (services/cases/clocks.ts). */
  clock?: ClockRule<In>;
  /** When the coming-of-age placement plan opens it (services/cases/coming-of-age/plan.ts); needs the workflow role too. */
  placement?: PlacementRule<In>;
  /**
   * The allow-list of the child's facts the request may carry (field minimisation), written down where the request is
   * built; test/security/field-disclosure.test.ts checks the request, the envelope and the pushed body of every
   * task type, built from a child with every fact, against it. An institution's task discloses none: `[]`.
   */
  discloses: readonly ChildFact[];
  /** Chinese names of the fields, values and messages this contract adds, for the console (services/console/src/i18n/). */
  zh?: ContractZh;
  /** Builds the request from the case. Field-level minimisation happens here and only here. */
  buildRequest(facts: CaseFacts, input: z.infer<In>): z.infer<Req>;
  /**
   * The rules a well-shaped result must meet (answered with 422, not 400), as data (contracts/result-rules.ts): the
   * hub checks them and the result schema publishes them as `x-rules`.
   */
  rules: readonly DeclaredRule<z.infer<Res>, z.infer<Req>>[];
  /** The rules checked: every one the result breaks (made by defineTaskType from `rules`, never written by hand). */
  checkResult(result: z.infer<Res>, request: z.infer<Req>): RuleViolation[];
}

/** A contract's own words for people: field → label, value → label, an English message → its Chinese. */
export interface ContractZh {
  fields?: Record<string, string>;
  values?: Record<string, string>;
  messages?: Record<string, string>;
}

export function defineTaskType<Req extends z.ZodMiniType, Res extends z.ZodMiniType, In extends z.ZodMiniType>(
  contract: Omit<TaskTypeContract<Req, Res, In>, 'checkResult'>,
): TaskTypeContract<Req, Res, In> {
  const rules = contract.rules as readonly DeclaredRule<any, any>[];
  return { ...contract, checkResult: (result, request) => checkRules(rules, result as never, request as never) };
}

export const schemaId = (t: Pick<TaskTypeContract, 'type' | 'version'>, part: 'request' | 'result') =>
  `https://child-welfare-hub.example/contracts/${t.type}.v${t.version}.${part}.json`;
