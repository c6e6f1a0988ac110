// The partner check's sample of each human-resources task type: the case it is opened for, its opening input.
import { employmentSupportV1 } from '../../../contracts/human-resources/employment-support.v1.ts';
import { sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(employmentSupportV1)({
    case: 'city-child',
    input: () => ({ wishes: ['technical-school', 'work'], labourCapacity: 'full', placeCountyCode: '450103', employmentDifficulty: true }),
  }),
];
