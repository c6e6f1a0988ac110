// Disabled Persons' Federation adapter Lambda: the shared adapter with this department's wire mapping.
import { disabilityFederationTaskTypes } from '../../../contracts/disability-federation/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'disability-federation', toWire, taskTypes: disabilityFederationTaskTypes };
export const handler = lambdaAdapter(adapter);
