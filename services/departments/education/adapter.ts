// Education Bureau adapter Lambda: the shared adapter with this department's wire mapping.
import { educationTaskTypes } from '../../../contracts/education/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'education', toWire, taskTypes: educationTaskTypes };
export const handler = lambdaAdapter(adapter);
