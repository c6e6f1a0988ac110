// A stand-in market regulation bureau. A periodic inspection finds the canteen good; one the institution asked for
// finds a general problem to remedy within 14 days. Guidance is given either way (四(二)). Deterministic.
import type * as z from 'zod/mini';
import { foodSafetyInspectionV1 } from '../../../contracts/market-regulation/food-safety-inspection.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/market-regulation/mapping.ts';

type InspectionRequest = z.infer<typeof foodSafetyInspectionV1.request>;
type InspectionResult = z.infer<typeof foodSafetyInspectionV1.result>;

export const REMEDIATION_DAYS = 14;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function inspection(r: InspectionRequest, today: string): InspectionResult {
  if (r.inspectionKind === 'periodic') return { hazardsFound: [], guidanceGiven: true, rating: 'good', inspectedOn: today };
  return {
    hazardsFound: [{ description: `${r.address ?? r.institutionName}：食品留样记录不全`, severity: 'general' }],
    remediationDeadline: addDays(today, REMEDIATION_DAYS),
    guidanceGiven: true,
    rating: 'fair',
    inspectedOn: today,
  };
}

export const simulator: DepartmentSimulator = {
  department: 'market-regulation',
  fromWire,
  results: { [foodSafetyInspectionV1.type]: (request, today) => inspection(request as InspectionRequest, today) },
};
