// A stand-in fire and rescue detachment. A periodic inspection finds nothing; one the institution asked for
// (after a renovation, say) finds a general hazard to remedy within 30 days. Either way a drill is held and the
// evacuation plan reviewed (四(二), 二(九)). Deterministic from the request.
import type * as z from 'zod/mini';
import { safetyInspectionV1 } from '../../../contracts/fire-rescue/safety-inspection.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/fire-rescue/mapping.ts';

type InspectionRequest = z.infer<typeof safetyInspectionV1.request>;
type InspectionResult = z.infer<typeof safetyInspectionV1.result>;

/** Remediation period for a general hazard (责令限期改正). */
export const REMEDIATION_DAYS = 30;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function inspection(r: InspectionRequest, today: string): InspectionResult {
  const hazards =
    r.inspectionKind === 'requested'
      ? [{ description: `${r.address ?? r.institutionName}：部分疏散指示标志不亮，应急照明灯具损坏`, severity: 'general' as const }]
      : [];
  return {
    hazardsFound: hazards,
    ...(hazards.length > 0 ? { remediationDeadline: addDays(today, REMEDIATION_DAYS) } : {}),
    drillHeld: true,
    evacuationPlanReviewed: true,
    inspectedOn: today,
  };
}

export const simulator: DepartmentSimulator = {
  department: 'fire-rescue',
  fromWire,
  results: {
    [safetyInspectionV1.type]: (request, today) => inspection(request as InspectionRequest, today),
  },
};
