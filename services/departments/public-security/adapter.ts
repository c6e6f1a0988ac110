// Public Security Bureau adapter Lambda: the shared adapter with this department's wire mapping.
import { publicSecurityTaskTypes } from '../../../contracts/public-security/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'public-security', toWire, taskTypes: publicSecurityTaskTypes };
export const handler = lambdaAdapter(adapter);
