// Sample tasks for the partner check: built exactly as the hub builds a real task (the contract's `buildRequest`
// from a case, `taskEnvelope`, the department's `toWire`), from the sample case (sample-case.ts) with the opening
// input its department gives (scripts/departments/<code>/samples.ts). Pure apart from the ids, which the caller
// passes in (fresh per run, so a department that dedupes on the idempotency key never mistakes this run's samples
// for the last run's).
import * as z from 'zod/mini';
import type { TaskView } from '../../contracts/api/views.ts';
import { Envelope } from '../../contracts/envelope.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import type { DepartmentEntry, TaskTypeEntry } from '../../services/topology.ts';
import type { DepartmentMapping } from '../departments/modules.ts';
import { chinaDate, sampleCase, type SampleSpec } from './sample-case.ts';

export interface Sample {
  taskType: string;
  taskId: string;
  envelope: Envelope;
  /** The department's wire format, as the adapter pushes it. */
  wire: unknown;
  /** The exact bytes pushed (and signed). */
  body: string;
  /** The idempotency key the adapter sends: the envelope id. */
  idempotencyKey: string;
}

/** Fresh ids: `CH` + a ULID for the child; the task id is its owner's id, `.T`, a ULID (services/state/keys.ts). */
export interface SampleIds {
  ulid(): string;
}

export function buildSample(
  department: DepartmentEntry,
  entry: TaskTypeEntry,
  mapping: Pick<DepartmentMapping, 'toWire'>,
  ids: SampleIds,
  now: number,
  /** The department's samples (scripts/departments/<code>/samples.ts); a task type without one gets an empty input. */
  samples: readonly SampleSpec[] = [],
): Sample {
  const { contract } = entry;
  const today = chinaDate(now);
  const spec = samples.find((s) => s.contract === contract) ?? {
    case: contract.subject === 'child' ? 'city-child' : 'institution',
    input: () => ({}),
  };
  const facts = sampleCase(spec.case, `CH${ids.ulid()}`, today);
  let request: unknown;
  try {
    request = contract.request.parse(contract.buildRequest(facts, contract.input.parse(spec.input(today))));
  } catch (err) {
    const why =
      err instanceof z.core.$ZodError
        ? err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
        : (err as Error).message;
    throw new Error(
      `cannot build a sample ${contract.type} task (${why.slice(0, 300)}); ` +
        `give it a sample case and input in scripts/departments/${department.code}/samples.ts`,
    );
  }
  const subjectId = facts.child?.childId ?? facts.institution.institutionId;
  const time = new Date(now).toISOString();
  const task: TaskView = {
    taskId: `${subjectId}.T${ids.ulid()}`,
    type: contract.type,
    contractVersion: contract.version,
    department: department.code,
    subjectId,
    institutionId: facts.institution.institutionId,
    cityCode: facts.institution.cityCode,
    status: 'dispatched',
    deadline: new Date(now + entry.deadlineWorkingDays * 86_400_000).toISOString(),
    overdue: false,
    request,
    history: [],
    createdAt: time,
    updatedAt: time,
  };
  // The adapter only maps envelopes that parse: a sample that would not is the checker's bug, not the department's.
  const envelope = Envelope.parse(taskEnvelope(task, time));
  const wire = mapping.toWire(envelope);
  return { taskType: contract.type, taskId: task.taskId, envelope, wire, body: JSON.stringify(wire), idempotencyKey: envelope.id };
}

