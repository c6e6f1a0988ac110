// Civil-affairs adapter Lambda: the shared adapter with this department's wire mapping.
import { civilAffairsTaskTypes } from '../../../contracts/civil-affairs/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'civil-affairs', toWire, taskTypes: civilAffairsTaskTypes };
export const handler = lambdaAdapter(adapter);
