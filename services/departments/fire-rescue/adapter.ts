// Fire and rescue adapter Lambda: the shared adapter with this department's wire mapping.
import { fireRescueTaskTypes } from '../../../contracts/fire-rescue/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'fire-rescue', toWire, taskTypes: fireRescueTaskTypes };
export const handler = lambdaAdapter(adapter);
