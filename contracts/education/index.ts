// The education bureau's task types (教育局), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { schoolPlacementV1 } from './school-placement.v1.ts';
import { schoolRecordTransferV1 } from './school-record-transfer.v1.ts';

export { schoolPlacementV1, schoolRecordTransferV1 };

export const educationTaskTypes: readonly TaskTypeContract[] = [schoolPlacementV1, schoolRecordTransferV1];
