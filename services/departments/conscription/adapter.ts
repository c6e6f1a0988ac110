// Conscription office adapter Lambda: the shared adapter with this department's wire mapping.
import { conscriptionTaskTypes } from '../../../contracts/conscription/index.ts';
import type { DepartmentAdapter } from '../../adapters/adapter.ts';
import { lambdaAdapter } from '../../adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'conscription', toWire, taskTypes: conscriptionTaskTypes };
export const handler = lambdaAdapter(adapter);
