// Helpers the department mapping tests share: an envelope as dispatch builds it, and a fixed "today".
import { TaskView } from '../../contracts/api/views.ts';
import { Envelope } from '../../contracts/envelope.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';

export const TODAY = '2026-11-20';
export const TIME = '2026-11-20T02:00:00.000Z';
export const DEADLINE = '2026-12-04T23:59:59+08:00';

export const taskIdOf = (subjectId: string) => `${subjectId}.T01JDABCDEFGHJKMNPQRSTVWXYZ`;

/** A dispatched task as the state table answers it, parsed through its view schema (a factory that drifts fails). */
export function taskView(task: Pick<TaskView, 'type' | 'contractVersion' | 'department' | 'subjectId' | 'request'> & Partial<TaskView>): TaskView {
  return TaskView.parse({
    taskId: taskIdOf(task.subjectId),
    institutionId: 'CWI-450100',
    cityCode: '450100',
    status: 'dispatched',
    deadline: DEADLINE,
    overdue: false,
    history: [],
    createdAt: TIME,
    updatedAt: TIME,
    ...task,
  });
}

/** The envelope dispatch puts on the department's queue for a task of that contract carrying `request`. */
export function envelopeFor(
  contract: Pick<TaskTypeContract, 'type' | 'version' | 'department'>,
  request: unknown,
  subjectId: string,
  overrides: Partial<Pick<TaskView, 'deadline' | 'department' | 'type' | 'contractVersion'>> = {},
): Envelope {
  const task = taskView({ type: contract.type, contractVersion: contract.version, department: contract.department, subjectId, request, ...overrides });
  // The adapter reads only envelopes that parse; a test envelope that would not is a broken test.
  return Envelope.parse(taskEnvelope(task, TIME));
}

/** A deep copy with one change, for malformed-body tests. */
export function altered<T>(value: T, change: (copy: any) => void): unknown {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}
