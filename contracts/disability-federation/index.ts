// The disabled persons' federation's task types (残联), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { rehabAssistanceV1 } from './rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from './rehab-point-certification.v1.ts';

export { rehabAssistanceV1, rehabPointCertificationV1 };

export const disabilityFederationTaskTypes: readonly TaskTypeContract[] = [
  rehabPointCertificationV1,
  rehabAssistanceV1,
];
