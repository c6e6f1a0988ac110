// A child's facts as they stand now: what staff recorded, plus what departments have since established
// (a certificate number, a hukou, a school). Derived on read from completed tasks, each through its contract's
// `feeds` (contracts/task-roles.ts), so no second write keeps the child item in step with its tasks.
import type { Child } from '../../contracts/case.ts';
import type { TaskView } from '../../contracts/api/views.ts';
import type { ChildFact } from '../../contracts/task-roles.ts';
import { findTaskType, taskTypes } from '../topology/task-types.ts';

type Done = Pick<TaskView, 'type' | 'contractVersion' | 'status' | 'result' | 'updatedAt'>;

const feedOf = (t: Pick<TaskView, 'type' | 'contractVersion'>) => findTaskType(t.type, t.contractVersion)?.contract.feeds;

export function effectiveChild(child: Child, tasks: Done[]): Child {
  const done = tasks.filter((t) => t.status === 'completed' && feedOf(t)).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  let facts: Child = { ...child };
  for (const t of done) {
    const feed = feedOf(t)!;
    const result = (t.result ?? {}) as Record<string, unknown>;
    const fields = Object.entries(feed.fields) as [string, ChildFact][];
    const fed = Object.fromEntries(fields.flatMap(([from, to]) => (result[from] === undefined ? [] : [[to, result[from]]])));
    facts = { ...facts, ...feed.set, ...fed };
  }
  return facts;
}

/** The task types whose result establishes a fact (the foundling report's certificate number), newest major last. */
export const typesFeeding = (fact: ChildFact): string[] => [
  ...new Set(taskTypes.filter((t) => Object.values(t.contract.feeds?.fields ?? {}).includes(fact)).map((t) => t.contract.type)),
];
