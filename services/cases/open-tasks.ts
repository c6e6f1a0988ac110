// Turns "open these task types for this case" into task items: the input is checked against the contract,
// the request is built from the case (field-level minimisation) and checked too, the deadline is computed.
import type { CaseFacts, Child } from '../../contracts/case.ts';
import type { WorkflowName } from '../../contracts/task-roles.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import type { FieldIssue } from '../../contracts/api/errors.ts';
import type { Who } from '../auth/who.ts';
import { echo, ValidationError } from '../lib/errors.ts';
import { fieldIssues } from '../lib/zod-issues.ts';
import { deadlineFor } from '../calendar/working-days.ts';
import { newTaskId } from '../state/keys.ts';
import { newTaskItem, type TaskItem } from '../state/tasks.ts';
import { findTaskType } from '../topology/task-types.ts';

export interface OpenTaskSpec {
  type: string;
  input?: unknown;
  /** Index, in the same list, of a task this one waits for. */
  after?: number;
  /** Ids of existing tasks this one waits for. */
  waitingFor?: string[];
  /** Input fields taken from the child's facts as they stand when the task goes out. */
  inputFacts?: Record<string, string>;
  /** The workflow opening the task, and the input fields it binds (a transfer: where the child goes). */
  workflow?: { name: WorkflowName; input: Record<string, unknown> };
}

/**
 * Input that sets a field the task type's workflow owns (contract `workflow.boundInput`): refused, whoever gives it,
 * at opening or in a correction, because those fields come from the workflow only.
 */
export function boundInputIssues(contract: TaskTypeContract, input: unknown, prefix: string): FieldIssue[] {
  const workflow = contract.workflow;
  if (!workflow || !input || typeof input !== 'object') return [];
  return workflow.boundInput
    .filter((field) => field in input)
    .map((field) => ({ path: `${prefix}.${field}`, message: `set by the ${workflow.name} this task belongs to; it cannot be given` }));
}

/** The bound fields a workflow supplies, and nothing else it might carry. */
const boundInput = (contract: TaskTypeContract, spec: OpenTaskSpec) =>
  Object.fromEntries((contract.workflow?.boundInput ?? []).flatMap((k) => (spec.workflow?.input[k] === undefined ? [] : [[k, spec.workflow.input[k]]])));

/** The input a task goes out with: what was given, plus fields read from the child's current facts. */
export function taskInput(given: unknown, inputFacts: Record<string, string> | undefined, child: Child | undefined) {
  const fromFacts = Object.fromEntries(
    Object.entries(inputFacts ?? {}).flatMap(([field, fact]) => {
      const v = (child as Record<string, unknown> | undefined)?.[fact];
      return v === undefined ? [] : [[field, v]];
    }),
  );
  return { ...fromFacts, ...(given as Record<string, unknown> | undefined) };
}

/**
 * The input a task keeps: what was given and what its workflow bound, not the facts read for it (those are read
 * again whenever the request is rebuilt, so a later correction of the child's facts reaches the department).
 */
function storedInput(parsed: Record<string, unknown>, own: Record<string, unknown>, inputFacts: Record<string, string> | undefined) {
  const readFromFacts = new Set(Object.keys(inputFacts ?? {}).filter((k) => !(k in own)));
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => !readFromFacts.has(k)));
}

/**
 * The division a task belongs to (docs/decisions/0013-jurisdictions.md): where the child was found, for a task whose
 * input names the county (the foundling report: the police of that county's city investigate), else the city of
 * the child's institution.
 */
function jurisdictionOf(facts: CaseFacts, input: unknown): string {
  const county = (input as { foundCountyCode?: unknown } | null)?.foundCountyCode;
  return typeof county === 'string' && /^\d{6}$/.test(county) ? county : facts.institution.cityCode;
}

export function buildTaskItems(facts: CaseFacts, specs: OpenTaskSpec[], who: Who, now: Date): TaskItem[] {
  const issues: FieldIssue[] = [];
  const items: TaskItem[] = [];
  const subjectId = facts.child?.childId ?? facts.institution.institutionId;
  const ids = specs.map(() => newTaskId(subjectId));
  specs.forEach((spec, n) => {
    const where = specs.length > 1 ? `tasks.${n}` : '';
    const entry = findTaskType(spec.type);
    if (!entry) {
      issues.push({ path: [where, 'type'].filter(Boolean).join('.'), message: `unknown task type ${echo(spec.type)}` });
      return;
    }
    const { contract } = entry;
    const subjectOk = contract.subject === 'child' ? Boolean(facts.child) : !facts.child;
    if (!subjectOk) {
      issues.push({ path: [where, 'type'].filter(Boolean).join('.'), message: `${spec.type} is opened for ${contract.subject === 'child' ? 'a child' : 'an institution'}` });
      return;
    }
    if (contract.workflow && spec.workflow?.name !== contract.workflow.name) {
      issues.push({
        path: [where, 'type'].filter(Boolean).join('.'),
        message: `${spec.type} belongs to a ${contract.workflow.name}: it is opened with the ${contract.workflow.name}, not by hand`,
      });
      return;
    }
    const bound = boundInputIssues(contract, spec.input, [where, 'input'].filter(Boolean).join('.'));
    if (bound.length) {
      issues.push(...bound);
      return;
    }
    const waitingFor = [...(spec.waitingFor ?? []), ...(spec.after !== undefined ? [ids[spec.after]!] : [])];
    const own = { ...(spec.input as Record<string, unknown> | undefined), ...boundInput(contract, spec) };
    const given = taskInput(own, spec.inputFacts, facts.child);
    const input = contract.input.safeParse(given);
    const request = input.success ? contract.request.safeParse(contract.buildRequest(facts, input.data)) : undefined;
    // A waiting task's request is built when it is released: its prerequisite may establish what it needs.
    if (!waitingFor.length && !input.success) {
      issues.push(...fieldIssues(input.error, [where, 'input'].filter(Boolean).join('.')));
      return;
    }
    if (!waitingFor.length && !request?.success) {
      // The case lacks something the department needs: name it as the case's field.
      issues.push(...fieldIssues(request!.error!, [where, 'case'].filter(Boolean).join('.')));
      return;
    }
    items.push(
      newTaskItem(
        {
          taskId: ids[n]!,
          type: contract.type,
          contractVersion: contract.version,
          department: contract.department,
          subjectId,
          institutionId: facts.institution.institutionId,
          cityCode: facts.institution.cityCode,
          jurisdiction: jurisdictionOf(facts, input.success ? input.data : own),
          deadline: deadlineFor(now, entry.deadlineWorkingDays),
          input: storedInput(input.success ? (input.data as Record<string, unknown>) : own, own, spec.inputFacts),
          ...(spec.inputFacts ? { inputFacts: spec.inputFacts } : {}),
          request: request?.success ? request.data : null,
          ...(waitingFor.length ? { waitingFor } : {}),
        },
        who,
        now.toISOString(),
      ),
    );
  });
  if (issues.length) throw new ValidationError(issues);
  return items;
}
