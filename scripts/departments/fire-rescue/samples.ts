// The partner check's sample of each fire-rescue task type: the case it is opened for, its opening input.
import { safetyInspectionV1 } from '../../../contracts/fire-rescue/safety-inspection.v1.ts';
import { SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(safetyInspectionV1)({
    case: 'institution',
    input: () => ({
      inspectionKind: 'requested',
      address: `南宁市（${SAMPLE_MARK}）`,
      requestReason: `${SAMPLE_MARK}：合作方自检样例，非真实申请`,
    }),
  }),
];
