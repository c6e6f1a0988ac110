// 食品安全检查指导: food-safety guidance and inspection of an institution's kitchen and canteen, periodic or on request
// (policy 四(二): 市场监管部门要指导儿童福利机构加强食品安全管理; 二(九): 建立健全安全、食品…等内部管理制度). The subject is the
// institution. Allow-list (field minimisation): the institution's id, name and the premises' address: no child data at all.
import * as z from 'zod/mini';
import { InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { defineTaskType } from '../task-type.ts';

const InspectionKind = z.enum(['periodic', 'requested']).check(z.describe('periodic (日常监督检查) or requested by the institution (申请指导检查)'));
const Address = ShortText.check(z.describe('Address of the kitchen or canteen to inspect (食堂地址)'));
const RequestReason = Reason.check(z.describe('Why the institution asks, e.g. a new canteen or supplier (申请理由)'));

export const FoodSafetyInspectionInput = z
  .strictObject({ inspectionKind: InspectionKind, address: z.optional(Address), requestReason: z.optional(RequestReason) }).check(z.meta({ title: 'market-regulation.food-safety-inspection v1 input', description: 'What kind of inspection, and where' }));

export const FoodSafetyInspectionRequest = z
  .strictObject({
    institutionId: InstitutionId.check(z.describe('The institution to inspect')),
    institutionName: ShortText.check(z.describe('Its name (单位名称)')),
    address: z.optional(Address),
    inspectionKind: InspectionKind,
    requestReason: z.optional(RequestReason),
  }).check(z.meta({ title: 'market-regulation.food-safety-inspection v1 request', description: '食品安全检查: what market regulation receives' }));

export const FoodSafetyHazard = z
  .strictObject({
    description: Reason.check(z.describe('What and where the hazard is (问题描述)')),
    severity: z.enum(['general', 'serious']).check(z.describe('general (一般问题) or serious (严重问题, 责令停业整顿)')),
  }).check(z.describe('A food-safety hazard found (食品安全隐患)'));

export const FoodSafetyInspectionResult = z
  .strictObject({
    hazardsFound: z.array(FoodSafetyHazard).check(z.describe('Hazards found (发现的问题); empty when none')),
    remediationDeadline: z.optional(IsoDate).check(z.describe('Date by which they must be remedied (整改期限); required when hazards are found, after inspectedOn')),
    guidanceGiven: z.boolean().check(z.describe('Whether food-safety management guidance was given (食品安全管理指导)')),
    rating: z.enum(['good', 'fair', 'poor']).check(z.describe('Dynamic rating of the canteen (量化分级: 良好, 一般, 较差)')),
    inspectedOn: IsoDate.check(z.describe('Date of the inspection (检查日期)')),
  }).check(z.meta({ title: 'market-regulation.food-safety-inspection v1 result', description: '食品安全检查: what market regulation returns' }));

export const foodSafetyInspectionV1 = defineTaskType({
  type: 'market-regulation.food-safety-inspection',
  version: 1,
  department: 'market-regulation',
  subject: 'institution',
  titleZh: '食品安全检查指导',
  policy: '四(二), 二(九)',
  discloses: [],
  zh: {
    fields: { guidanceGiven: '食品安全管理指导', rating: '量化分级' },
    values: { serious: '严重问题', good: '良好', fair: '一般', poor: '较差' },
  },
  input: FoodSafetyInspectionInput,
  request: FoodSafetyInspectionRequest,
  result: FoodSafetyInspectionResult,
  // Reads nothing from facts.child: the inspection is about the kitchen, never about children.
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
      en: 'hazards found need a remediation deadline',
      zh: '发现问题时须填写整改期限',
    },
    {
      id: 'no-deadline-without-hazards', kind: 'absent', field: 'remediationDeadline', unless: { field: 'result.hazardsFound', is: 'non-empty' },
      en: 'a remediation deadline is set only when problems are found',
      zh: '仅在发现问题时填写整改期限',
    },
    {
      id: 'deadline-after-inspection', kind: 'after', field: 'remediationDeadline', other: 'result.inspectedOn',
      en: 'the remediation deadline must fall after the inspection',
      zh: '整改期限须晚于检查日期',
    },
  ],
});
