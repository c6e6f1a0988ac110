// The market regulation bureau's task types (市场监管局), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { foodSafetyInspectionV1 } from './food-safety-inspection.v1.ts';

export { foodSafetyInspectionV1 };

export const marketRegulationTaskTypes: readonly TaskTypeContract[] = [foodSafetyInspectionV1];
