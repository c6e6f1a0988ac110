// The housing and urban-rural development bureau's task types (住房城乡建设局), for the topology.
import type { TaskTypeContract } from '../task-type.ts';
import { publicRentalHousingV1 } from './public-rental-housing.v1.ts';

export { publicRentalHousingV1 };

export const housingTaskTypes: readonly TaskTypeContract[] = [publicRentalHousingV1];
