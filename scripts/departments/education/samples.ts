// The partner check's sample of each education task type: the case it is opened for, its opening input.
import { schoolPlacementV1 } from '../../../contracts/education/school-placement.v1.ts';
import { schoolRecordTransferV1 } from '../../../contracts/education/school-record-transfer.v1.ts';
import { cityInstitution, SAMPLE_ID_NUMBER, SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(schoolPlacementV1)({ case: 'city-child', input: () => ({ level: 'primary', grade: 3 }) }),
  // The record moves with a child the county centre hands to the city.
  sampleOf(schoolRecordTransferV1)({
    case: 'county-child',
    input: () => ({
      fromSchoolName: `隆安县城厢镇中心小学（${SAMPLE_MARK}）`,
      studentRecordNumber: `G${SAMPLE_ID_NUMBER}`,
      toInstitutionId: cityInstitution.institutionId,
    }),
  }),
];
