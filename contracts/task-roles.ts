// A task type's part in the hub's shared mechanisms, declared on its contract (task-type.ts) and typed against its
// own schemas: an input field, a result field or a child fact that does not exist fails to compile
// (test/unit/contract-types.test.ts). Admission, derived facts and the transfer read these through the topology.
import type * as z from 'zod/mini';
import type { Child, Institution } from './case.ts';
import type { PlacementFact, PlacementValue } from './coming-of-age.ts';

/** A fact the hub keeps about a child (contracts/case.ts). */
export type ChildFact = keyof Child;

/** Keys of every member of a union (a result may be one of several shapes). */
type KeysOf<T> = T extends unknown ? keyof T & string : never;
type ValueOf<T, K extends string> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** The child facts a value can establish: those whose type it fits. */
type FactFor<V> = { [F in ChildFact]-?: [NonNullable<V>] extends [NonNullable<Child[F]>] ? F : never }[ChildFact];

/** Input field → the child fact it is read from. */
export type InputFromFacts<In extends z.ZodMiniType> = { [K in KeysOf<z.input<In>>]?: ChildFact };

/** A task type, by reference: its contract (task-type.ts), so a misspelt type cannot be named. */
export interface TaskTypeRef {
  type: string;
}

/**
 * What a completed task establishes about the child, derived on read (the child item keeps what staff recorded):
 * the certificate number of a foundling report, the hukou of a registration, the school of a placement.
 */
export interface ResultFeed<Res extends z.ZodMiniType = z.ZodMiniType> {
  /** Result field → the child fact it establishes (the field's type must fit the fact's). */
  fields: { [K in KeysOf<z.output<Res>>]?: FactFor<ValueOf<z.output<Res>, K>> };
  /** Facts that hold once the task completes. */
  set?: Partial<Child>;
}

/** The facts an admission rule can test (derived from the child: services/cases/admission.ts). */
export const admissionFactNames = ['parentsUnknown', 'noHukou', 'disabled', 'schoolAge', 'hasFoundlingCertificate', 'inSchool'] as const;
export type AdmissionFact = (typeof admissionFactNames)[number];

/** When admitting a child opens the task: rules as data (docs/decisions/0007-workflows.md). */
export interface AdmissionRule<In extends z.ZodMiniType = z.ZodMiniType> {
  /** Where the rule applies: admission into a city institution (default) or a county centre taking a child in. */
  at?: Institution['kind'][];
  /** Every fact listed must hold. */
  when: AdmissionFact[];
  /** None of these may hold. */
  unless?: AdmissionFact[];
  /** The task's input, field by field, from the child's recorded facts. */
  input?: InputFromFacts<In>;
  /** Dispatched only once this task type, opened by the same admission, completes. */
  after?: TaskTypeRef;
  /** The policy section that asks for it. */
  policy: string;
}

/** The dates in a child's life the hub keeps a clock for (services/cases/clock-events.ts computes them). */
export const clockEventNames = [
  /** 1 September of the year the child turns 6: the school year it starts school in. */
  'school-age',
  /** The 16th birthday: technical school and vocational guidance (四(二)). */
  'age-16',
  /** The 18th birthday: coming of age (二(六)). */
  'age-18',
] as const;
export type ClockEvent = (typeof clockEventNames)[number];

/**
 * What a child's clock opens ahead of time, once per child (rules as data, docs/decisions/0014-clocks-and-coming-of-age.md):
 * the daily clock sweep opens it from `leadMonths` before the event while the child is in care, facts permitting.
 */
export interface ClockRule<In extends z.ZodMiniType = z.ZodMiniType> {
  event: ClockEvent;
  /** Opened this many months before the event (0: on the day). */
  leadMonths: number;
  /** No longer opened this many months after the event (a child admitted later is the admission's); none: while in care. */
  untilMonths?: number;
  /** Where the rule applies (default: a city institution's care). */
  at?: Institution['kind'][];
  /** Facts (as on the sweep's day) that must all hold, and none of `unless`. */
  when?: AdmissionFact[];
  unless?: AdmissionFact[];
  /** The task's input, field by field, from the child's facts. */
  input?: InputFromFacts<In>;
  policy: string;
}

/**
 * Whether the coming-of-age placement plan opens the task, from the capability assessment (能力评估, 二(六)): every
 * fact of `when`, at least one of `anyOf`, none of `unless`. The input comes from the assessment, field by field.
 */
export interface PlacementRule<In extends z.ZodMiniType = z.ZodMiniType> {
  when?: PlacementFact[];
  anyOf?: PlacementFact[];
  unless?: PlacementFact[];
  input?: { [K in KeysOf<z.input<In>>]?: PlacementValue };
  policy: string;
}

/** The workflows that open tasks of their own, and the steps a task type can carry in each. */
export interface WorkflowSteps {
  /** A county centre hands children to the city institution (移交, 三(一)): the hukou moves, the school record moves. */
  transfer: 'hukou-migration' | 'school-record-transfer';
  /** A young person in care comes of age (二(六)): the placement plan opens what the assessment calls for. */
  'coming-of-age': 'placement';
}
export type WorkflowName = keyof WorkflowSteps;
export type TransferStep = WorkflowSteps['transfer'];

/**
 * A task type that belongs to a workflow. Only that workflow opens it, never a caller by hand, and the `boundInput`
 * fields (where the child goes) come from the workflow, never from free input: not when the task is opened, not in
 * a later correction (supply-information).
 */
export interface WorkflowRole<In extends z.ZodMiniType = z.ZodMiniType, W extends WorkflowName = WorkflowName> {
  name: W;
  /** The step of the workflow a task of this type carries. */
  step: WorkflowSteps[W];
  boundInput: readonly (keyof z.infer<In> & string)[];
  /** Input read from the child's facts whenever the request is built (so a later correction reaches the department). */
  inputFacts?: InputFromFacts<In>;
  /** A task type of the same child that must complete first, when it is still under way. */
  after?: TaskTypeRef;
}
