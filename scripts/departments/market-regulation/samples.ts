// The partner check's sample of each market-regulation task type: the case it is opened for, its opening input.
import { foodSafetyInspectionV1 } from '../../../contracts/market-regulation/food-safety-inspection.v1.ts';
import { SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(foodSafetyInspectionV1)({
    case: 'institution',
    input: () => ({ inspectionKind: 'requested', address: `南宁市（${SAMPLE_MARK}）`, requestReason: `${SAMPLE_MARK}：合作方自检样例，非真实申请` }),
  }),
];
