// The conscription office's task types (人民政府征兵办公室, 兵役机关), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { priorityEnlistmentV1 } from './priority-enlistment.v1.ts';

export { priorityEnlistmentV1 };

export const conscriptionTaskTypes: readonly TaskTypeContract[] = [priorityEnlistmentV1];
