// Turns "open these task types for this case" into task items: the input is checked against the contract,
// the request is built from the case (field-level minimisation) and checked too, the deadline is computed.
import type { CaseFacts, Child } from '../../contracts/case.ts';
import type { FieldIssue } from '../lib/errors.ts';
import { ValidationError, zodIssues } from '../lib/errors.ts';
import { deadlineFor } from '../calendar/working-days.ts';
import { newTaskId } from '../state/keys.ts';
import { newTaskItem, type TaskItem } from '../state/tasks.ts';
import { findTaskType } from '../topology.ts';

export interface OpenTaskSpec {
  type: string;
  input?: unknown;
  /** Index, in the same list, of a task this one waits for. */
  after?: number;
  /** Ids of existing tasks this one waits for. */
  waitingFor?: string[];
  /** Input fields taken from the child's facts as they stand when the task goes out. */
  inputFacts?: Record<string, string>;
}

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

export function buildTaskItems(facts: CaseFacts, specs: OpenTaskSpec[], by: string, now: Date): TaskItem[] {
  const issues: FieldIssue[] = [];
  const items: TaskItem[] = [];
  const subjectId = facts.child?.childId ?? facts.institution.institutionId;
  const ids = specs.map(() => newTaskId(subjectId));
  specs.forEach((spec, n) => {
    const where = specs.length > 1 ? `tasks.${n}` : '';
    const entry = findTaskType(spec.type);
    if (!entry) {
      issues.push({ path: [where, 'type'].filter(Boolean).join('.'), message: `unknown task type ${spec.type}` });
      return;
    }
    const { contract } = entry;
    const subjectOk = contract.subject === 'child' ? Boolean(facts.child) : !facts.child;
    if (!subjectOk) {
      issues.push({ path: [where, 'type'].filter(Boolean).join('.'), message: `${spec.type} is opened for ${contract.subject === 'child' ? 'a child' : 'an institution'}` });
      return;
    }
    const waitingFor = [...(spec.waitingFor ?? []), ...(spec.after !== undefined ? [ids[spec.after]!] : [])];
    const given = taskInput(spec.input, spec.inputFacts, facts.child);
    const input = contract.input.safeParse(given);
    const request = input.success ? contract.request.safeParse(contract.buildRequest(facts, input.data)) : undefined;
    // A waiting task's request is built when it is released: its prerequisite may establish what it needs.
    if (!waitingFor.length && !input.success) {
      issues.push(...zodIssues(input.error, [where, 'input'].filter(Boolean).join('.')));
      return;
    }
    if (!waitingFor.length && !request?.success) {
      // The case lacks something the department needs: name it as the case's field.
      issues.push(...zodIssues(request!.error!, [where, 'case'].filter(Boolean).join('.')));
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
          deadline: deadlineFor(now, entry.deadlineWorkingDays),
          input: (input.success ? input.data : spec.input ?? {}) as Record<string, unknown>,
          ...(spec.inputFacts ? { inputFacts: spec.inputFacts } : {}),
          request: request?.success ? request.data : null,
          ...(waitingFor.length ? { waitingFor } : {}),
        },
        by,
        now.toISOString(),
      ),
    );
  });
  if (issues.length) throw new ValidationError(issues);
  return items;
}
