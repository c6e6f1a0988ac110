// A stand-in conscription office: the young person is registered for service and awaits the next call-up (the
// medical examination and political review are the office's, not the hub's). Deterministic.
import { priorityEnlistmentV1 } from '../../../contracts/conscription/priority-enlistment.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/conscription/mapping.ts';

export const simulator: DepartmentSimulator = {
  department: 'conscription',
  fromWire,
  results: { [priorityEnlistmentV1.type]: () => ({ registered: true, outcome: 'awaiting-call-up' }) },
};
