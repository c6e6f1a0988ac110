// Worked example. In a real change: scripts/departments/housing/simulator.ts.
import type { DepartmentSimulator } from '../../../scripts/simulators/simulator.ts';
import { fromWire } from './mapping.ts';

export const simulator: DepartmentSimulator = {
  department: 'housing',
  fromWire,
  results: {
    'housing.public-rental-housing': (_request, today) => ({
      approved: true,
      address: '南宁市青秀区公租房小区 3 栋 502',
      leaseStart: today,
    }),
  },
};
