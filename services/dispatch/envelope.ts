// Builds the CloudEvents envelope a department's queue carries for a task.
import type { Envelope } from '../../contracts/envelope.ts';
import { schemaId } from '../../contracts/task-type.ts';
import type { TaskView } from '../../contracts/api/views.ts';

export function taskEnvelope(task: TaskView, time: string): Envelope {
  return {
    specversion: '1.0',
    // A redelivery or a re-dispatch carries the same id: consumers dedupe on it. Only a corrected request
    // (information supplied by staff) is a new delivery, with a new id.
    id: (task.requestVersion ?? 1) > 1 ? `${task.taskId}~${task.requestVersion}` : task.taskId,
    source: 'child-welfare-hub',
    type: `${task.type}.v${task.contractVersion}`,
    subject: task.subjectId,
    time,
    dataschema: schemaId({ type: task.type, version: task.contractVersion }, 'request'),
    datacontenttype: 'application/json',
    taskid: task.taskId,
    department: task.department,
    deadline: task.deadline,
    data: task.request,
  };
}
