// The Healthcare Security Bureau's task types (医疗保障局), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { preEnrollmentV1 } from './pre-enrollment.v1.ts';

export { preEnrollmentV1 };

export const medicalInsuranceTaskTypes: readonly TaskTypeContract[] = [preEnrollmentV1];
