// A stand-in Healthcare Security Bureau: enrolls every child on the day it hears of it, benefits from the
// same day (no waiting period), contribution subsidised for orphans and de-facto-unsupported children.
import type * as z from 'zod/mini';
import type { PreEnrollmentResult } from '../../../contracts/medical-insurance/pre-enrollment.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/medical-insurance/mapping.ts';

export const simulator: DepartmentSimulator = {
  department: 'medical-insurance',
  fromWire,
  results: {
    'medical-insurance.pre-enrollment': (request, today): z.infer<typeof PreEnrollmentResult> => {
      const r = request as { childId: string; subsidyCategory: string };
      return {
        insuredBefore: false,
        enrollmentNumber: `YB45${r.childId.slice(-10)}`,
        enrolledOn: today,
        benefitStartDate: today,
        contributionSubsidised: r.subsidyCategory !== 'none',
      };
    },
  },
};
