// The partner check's sample of each conscription task type: the case it is opened for, its opening input.
import { priorityEnlistmentV1 } from '../../../contracts/conscription/priority-enlistment.v1.ts';
import { sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [sampleOf(priorityEnlistmentV1)({ case: 'city-child', input: () => ({ placeCountyCode: '450103' }) })];
