// The partner check's sample of each housing task type: the case it is opened for, its opening input.
import { publicRentalHousingV1 } from '../../../contracts/housing/public-rental-housing.v1.ts';
import { SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(publicRentalHousingV1)({
    case: 'city-child',
    input: () => ({ placeCountyCode: '450103', placeAddress: `南宁市青秀区新竹街道竹溪社区（${SAMPLE_MARK}）` }),
  }),
];
