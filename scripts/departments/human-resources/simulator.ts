// A stand-in human resources and social security bureau. At 16: technical-school and employment guidance. On coming
// of age: what the wishes ask for (a technical school, training and guidance for work, assistance for a person with
// employment difficulties) with the training and social-insurance subsidies. Deterministic from the request.
import type * as z from 'zod/mini';
import { employmentSupportV1 } from '../../../contracts/human-resources/employment-support.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/human-resources/mapping.ts';

type SupportRequest = z.infer<typeof employmentSupportV1.request>;
type SupportResult = z.infer<typeof employmentSupportV1.result>;

export function support(r: SupportRequest, today: string): SupportResult {
  if (r.stage === 'guidance') return { services: ['employment-guidance'], subsidies: [], arrangedOn: today, note: '已开展技工教育和职业指导宣讲' };
  const wishes = new Set(r.wishes ?? []);
  const services: SupportResult['services'] = [];
  if (wishes.has('technical-school')) services.push('technical-school');
  if (wishes.has('work')) services.push('vocational-training', 'employment-guidance');
  if (wishes.has('work') && r.employmentDifficulty) services.push('employment-assistance');
  return {
    services,
    ...(wishes.has('technical-school') ? { technicalSchoolName: '广西机电技师学院' } : {}),
    subsidies: wishes.has('work') ? ['training', 'social-insurance'] : [],
    arrangedOn: today,
    ...(services.length ? {} : { note: '本人暂无培训和就业意愿' }),
  };
}

export const simulator: DepartmentSimulator = {
  department: 'human-resources',
  fromWire,
  results: { [employmentSupportV1.type]: (request, today) => support(request as SupportRequest, today) },
};
