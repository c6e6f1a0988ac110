// Medical insurance adapter Lambda: the shared adapter with this department's wire mapping.
import { medicalInsuranceTaskTypes } from '../../../contracts/medical-insurance/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'medical-insurance', toWire, taskTypes: medicalInsuranceTaskTypes };
export const handler = lambdaAdapter(adapter);
