// The human resources and social security bureau's task types (人力资源社会保障局), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { employmentSupportV1 } from './employment-support.v1.ts';

export { employmentSupportV1 };

export const humanResourcesTaskTypes: readonly TaskTypeContract[] = [employmentSupportV1];
