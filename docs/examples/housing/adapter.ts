// Worked example. In a real change: services/departments/housing/adapter.ts.
import type { DepartmentAdapter } from '../../../services/adapters/adapter.ts';
import { lambdaAdapter } from '../../../services/adapters/lambda.ts';
import { toWire } from './mapping.ts';

export const adapter: DepartmentAdapter = { department: 'housing', toWire };
export const handler = lambdaAdapter(adapter);
