// The partner check's sample of each civil-affairs task type: the case it is opened for, its opening input.
import { specialHardshipRecognitionV1 } from '../../../contracts/civil-affairs/special-hardship-recognition.v1.ts';
import { SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(specialHardshipRecognitionV1)({
    case: 'city-child',
    input: () => ({
      placeCountyCode: '450103',
      supportMode: 'centralised',
      welfareInstitutionName: `南宁市社会福利院（${SAMPLE_MARK}）`,
      labourCapacity: 'none',
      selfCareCapacity: 'partial',
    }),
  }),
];
