// Market regulation adapter Lambda: the shared adapter with this department's wire mapping.
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'market-regulation', toWire };
export const handler = lambdaAdapter(adapter);
