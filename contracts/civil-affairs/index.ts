// The civil-affairs bureau of the place of placement (安置地县级民政局), for the topology (docs/decisions/0014-clocks-and-coming-of-age.md).
import type { TaskTypeContract } from '../task-type.ts';
import { specialHardshipRecognitionV1 } from './special-hardship-recognition.v1.ts';

export { specialHardshipRecognitionV1 };

export const civilAffairsTaskTypes: readonly TaskTypeContract[] = [specialHardshipRecognitionV1];
