// The partner check's sample of each medical-insurance task type: the case it is opened for, its opening input.
import { preEnrollmentV1 } from '../../../contracts/medical-insurance/pre-enrollment.v1.ts';
import { sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [sampleOf(preEnrollmentV1)({ case: 'city-child', input: () => ({}) })];
