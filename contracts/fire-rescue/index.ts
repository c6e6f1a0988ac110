// The fire and rescue detachment's task types (消防救援支队), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { safetyInspectionV1 } from './safety-inspection.v1.ts';

export { safetyInspectionV1 };

export const fireRescueTaskTypes: readonly TaskTypeContract[] = [safetyInspectionV1];
