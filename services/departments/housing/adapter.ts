// Housing adapter Lambda: the shared adapter with this department's wire mapping.
import { housingTaskTypes } from '../../../contracts/housing/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'housing', toWire, taskTypes: housingTaskTypes };
export const handler = lambdaAdapter(adapter);
