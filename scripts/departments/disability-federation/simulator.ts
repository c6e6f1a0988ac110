// A stand-in Disabled Persons' Federation. It certifies an applying institution as a designated rehabilitation
// point for three years from the day it decides (四(二): welfare institutions get priority), and enrols a disabled
// child in rehabilitation assistance (二(四)) at the child's own institution, with a plan drawn from the needs the
// institution assessed, or from the disability category when no needs were sent. Deterministic from the request.
import type * as z from 'zod/mini';
import { rehabAssistanceV1 } from '../../../contracts/disability-federation/rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from '../../../contracts/disability-federation/rehab-point-certification.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/disability-federation/mapping.ts';

type CertificationRequest = z.infer<typeof rehabPointCertificationV1.request>;
type CertificationResult = z.infer<typeof rehabPointCertificationV1.result>;
type AssistanceRequest = z.infer<typeof rehabAssistanceV1.request>;
type AssistanceResult = z.infer<typeof rehabAssistanceV1.result>;

const AREA_ZH: Record<string, string> = {
  visual: '视力',
  hearing: '听力',
  speech: '言语',
  physical: '肢体',
  intellectual: '智力',
  autism: '孤独症',
  mental: '精神',
  multiple: '多重',
};

/** The last day of a validity of `years` years starting on `from` (YYYY-MM-DD). */
export function validUntil(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}

export function certification(r: CertificationRequest, today: string): CertificationResult {
  return {
    certified: true,
    certificateNumber: `桂残康定〔${today.slice(0, 4)}〕${r.institutionId.slice(4)}号`,
    validFrom: today,
    validUntil: validUntil(today, 3),
  };
}

export function assistance(r: AssistanceRequest, today: string): AssistanceResult {
  const areas = r.rehabNeeds ?? (r.disabilityCategory ? [r.disabilityCategory] : []);
  const focus = areas.length > 0 ? `${areas.map((a) => AREA_ZH[a]).join('、')}康复训练` : '综合评估后的个性化康复训练';
  return {
    enrolled: true,
    planSummary: `${focus}，每周5次、每次40分钟，为期12个月；每6个月评估一次并调整方案`,
    rehabInstitution: { name: r.institutionName, institutionId: r.institutionId },
    startDate: today,
  };
}

export const simulator: DepartmentSimulator = {
  department: 'disability-federation',
  fromWire,
  results: {
    [rehabPointCertificationV1.type]: (request, today) => certification(request as CertificationRequest, today),
    [rehabAssistanceV1.type]: (request, today) => assistance(request as AssistanceRequest, today),
  },
};
