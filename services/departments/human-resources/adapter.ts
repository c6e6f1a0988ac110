// Human resources adapter Lambda: the shared adapter with this department's wire mapping.
import { humanResourcesTaskTypes } from '../../../contracts/human-resources/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'human-resources', toWire, taskTypes: humanResourcesTaskTypes };
export const handler = lambdaAdapter(adapter);
