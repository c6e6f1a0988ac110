// 消防安全检查: fire-safety inspection of an institution, periodic or on request (policy 四(二): 应急管理部门和消防
// 救援机构要督促指导儿童福利机构做好消防安全教育培训、火灾隐患排查整治、灭火和应急疏散预案编制及演练; 二(九):
// 制定、完善突发事件应急预案并定期组织演练). The subject is the institution: fire rescue sees no child data at all.
import * as z from 'zod/mini';
import { InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { defineTaskType } from '../task-type.ts';

const InspectionKind = z
  .enum(['periodic', 'requested']).check(z.describe('periodic (定期检查) or requested by the institution (申请检查)'));
const InstitutionAddress = ShortText.check(z.describe('Address of the premises to inspect (检查地址)'));
const RequestReason = Reason.check(z.describe('Why the institution asks for an inspection, e.g. after renovation (申请理由)'));

export const SafetyInspectionInput = z
  .strictObject({
    inspectionKind: InspectionKind,
    address: z.optional(InstitutionAddress),
    requestReason: z.optional(RequestReason),
  }).check(z.meta({ title: 'fire-rescue.safety-inspection v1 input', description: 'What kind of inspection, and where' }));

export const SafetyInspectionRequest = z
  .strictObject({
    institutionId: InstitutionId.check(z.describe('The institution to inspect')),
    institutionName: ShortText.check(z.describe('Its name (机构名称)')),
    address: z.optional(InstitutionAddress),
    inspectionKind: InspectionKind,
    requestReason: z.optional(RequestReason),
  }).check(z.meta({ title: 'fire-rescue.safety-inspection v1 request', description: '消防安全检查: what fire rescue receives' }));

export const HazardSeverity = z
  .enum(['general', 'major']).check(z.describe('general (一般火灾隐患) or major (重大火灾隐患, GB 35181)'));

export const Hazard = z
  .strictObject({
    description: Reason.check(z.describe('What and where the hazard is (隐患描述)')),
    severity: HazardSeverity,
  }).check(z.describe('A fire hazard found (火灾隐患)'));

export const SafetyInspectionResult = z
  .strictObject({
    hazardsFound: z.array(Hazard).check(z.describe('Fire hazards found (发现的火灾隐患); empty when none')),
    remediationDeadline: z.optional(IsoDate).check(z.describe('Date by which the hazards must be remedied (整改期限); required when hazards are found, after inspectedOn')),
    drillHeld: z.boolean().check(z.describe('Whether a fire and evacuation drill was held or verified (灭火和应急疏散演练)')),
    evacuationPlanReviewed: z.boolean().check(z.describe('Whether the evacuation plan was reviewed (应急疏散预案审查)')),
    inspectedOn: IsoDate.check(z.describe('Date of the inspection (检查日期)')),
  }).check(z.meta({ title: 'fire-rescue.safety-inspection v1 result', description: '消防安全检查: what fire rescue returns' }));

export const safetyInspectionV1 = defineTaskType({
  type: 'fire-rescue.safety-inspection',
  version: 1,
  department: 'fire-rescue',
  subject: 'institution',
  titleZh: '消防安全检查',
  policy: '四(二), 二(九)',
  discloses: [],
  input: SafetyInspectionInput,
  request: SafetyInspectionRequest,
  result: SafetyInspectionResult,
  // Deliberately reads nothing from facts.child: the inspection is about premises, never about children.
  buildRequest({ institution }, input) {
    return {
      institutionId: institution.institutionId,
      institutionName: institution.name,
      ...(input.address ? { address: input.address } : {}),
      inspectionKind: input.inspectionKind,
      ...(input.requestReason ? { requestReason: input.requestReason } : {}),
    };
  },
  rules: [
    {
      id: 'deadline-with-hazards', kind: 'required', field: 'remediationDeadline', when: { field: 'result.hazardsFound', is: 'non-empty' },
      en: 'hazards found need a remediation deadline (整改期限)',
      zh: '发现火灾隐患时须填写整改期限',
    },
    {
      id: 'no-deadline-without-hazards', kind: 'absent', field: 'remediationDeadline', unless: { field: 'result.hazardsFound', is: 'non-empty' },
      en: 'a remediation deadline is set only when hazards are found',
      zh: '未发现火灾隐患时不填写整改期限',
    },
    {
      id: 'deadline-after-inspection', kind: 'after', field: 'remediationDeadline', other: 'result.inspectedOn',
      en: 'the remediation deadline must fall after the inspection',
      zh: '整改期限须晚于检查日期',
    },
  ],
});
