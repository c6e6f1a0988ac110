// A stand-in housing bureau: every orphan coming of age is granted a public rental flat with priority, the lease
// starting today, in the county of placement. Deterministic from the request.
import type * as z from 'zod/mini';
import { publicRentalHousingV1 } from '../../../contracts/housing/public-rental-housing.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/housing/mapping.ts';

type HousingRequest = z.infer<typeof publicRentalHousingV1.request>;

export const simulator: DepartmentSimulator = {
  department: 'housing',
  fromWire,
  results: {
    [publicRentalHousingV1.type]: (request, today) => ({
      approved: true,
      housingKind: 'public-rental',
      address: `${(request as HousingRequest).placeAddress}公租房小区 1 栋 101`,
      leaseStart: today,
    }),
  },
};
