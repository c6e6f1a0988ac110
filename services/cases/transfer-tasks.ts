// The tasks a transfer (移交, policy 三(一), 四(二)) opens for a child: the task type carrying each of its steps,
// found through the contracts' `workflow` (contracts/task-roles.ts), never by name.
import type { TransferRequest } from '../../contracts/api/transfers.ts';
import type { Child } from '../../contracts/case.ts';
import type { TransferStep } from '../../contracts/task-roles.ts';
import type { TaskItem } from '../state/tasks.ts';
import { findTaskType, taskTypes } from '../topology/task-types.ts';
import type { OpenTaskSpec } from './open-tasks.ts';

/** The child's task of that type that still counts (not cancelled or rejected). */
export const openOfType = (tasks: TaskItem[], type: string) =>
  tasks.find((t) => t.type === type && !['cancelled', 'rejected'].includes(t.status));

/** The task type carrying a step of the transfer (its newest major), if the topology has one. */
export const transferStep = (step: TransferStep) =>
  taskTypes.find((t) => t.contract.workflow?.name === 'transfer' && t.contract.workflow.step === step && findTaskType(t.contract.type) === t)
    ?.contract;

/** The tasks a transfer opens for one child: the hukou migration when the hukou moves, the record transfer when in school. */
export function transferTasks(child: Child, tasks: TaskItem[], hukou: TransferRequest['children'][number]['hukou'], to: string): OpenTaskSpec[] {
  const opens: { step: TransferStep; input?: Record<string, unknown> }[] = [];
  if (hukou.decision === 'migrate') opens.push({ step: 'hukou-migration', input: hukou.fromHukouAddress ? { fromHukouAddress: hukou.fromHukouAddress } : {} });
  if (child.inSchool) opens.push({ step: 'school-record-transfer' });
  return opens.flatMap(({ step, input }) => {
    const contract = transferStep(step);
    if (!contract) return [];
    const role = contract.workflow!;
    const prior = role.after ? openOfType(tasks, role.after.type) : undefined;
    return [
      {
        type: contract.type,
        ...(input ? { input } : {}),
        // Where the child goes is the transfer's: the tasks take it from here, never from a caller's input.
        workflow: { name: 'transfer' as const, input: { toInstitutionId: to } },
        ...(role.inputFacts ? { inputFacts: role.inputFacts as Record<string, string> } : {}),
        // The task it waits for, when that one is still under way (hukou registration before migration).
        ...(prior && prior.status !== 'completed' ? { waitingFor: [prior.taskId] } : {}),
      },
    ];
  });
}
