// The public security bureau's task types (公安局), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { dnaComparisonV1 } from './dna-comparison.v1.ts';
import { foundlingReportV1 } from './foundling-report.v1.ts';
import { hukouMigrationV1 } from './hukou-migration.v1.ts';
import { hukouRegistrationV1 } from './hukou-registration.v1.ts';
import { placementHukouV1 } from './placement-hukou.v1.ts';

export { dnaComparisonV1, foundlingReportV1, hukouMigrationV1, hukouRegistrationV1, placementHukouV1 };

export const publicSecurityTaskTypes: readonly TaskTypeContract[] = [
  foundlingReportV1,
  hukouRegistrationV1,
  hukouMigrationV1,
  dnaComparisonV1,
  placementHukouV1,
];
