// 技工教育与就业服务: technical-school enrollment, vocational training and employment guidance or assistance, with the
// subsidies that apply, for an orphan in care (policy 四(二): 人力资源社会保障部门要…帮助有就读技工院校意愿的适龄孤儿接受
// 技工教育，对符合条件且有劳动能力、有培训和就业意愿的适龄孤儿按照规定提供职业技能培训和就业指导服务; 二(六): 开展多种形式的
// 职业培训，落实社会保险补贴、岗位补贴等政策…对符合就业困难人员条件的，纳入就业援助范围). Opened by the age-16 clock
// (guidance) and by the coming-of-age placement plan (with the young person's wishes).
// Allow-list (field minimisation): identity, the institution, the wishes and labour capacity the assessment recorded,
// the county of placement and whether employment assistance is asked for. No medical, disability, hukou or school facts.
import * as z from 'zod/mini';
import { Capacity, Wish, youngPersonFields } from '../coming-of-age-terms.ts';
import { DivisionCode, InstitutionId, IsoDate, Reason, ShortText } from '../common.ts';
import { caseChild, childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';

const Wishes = z.array(Wish).check(z.maxLength(4), z.describe('The young person’s wishes (本人意愿), from the capability assessment'));
const PlaceCountyCode = DivisionCode.check(z.describe('County of the place of placement (安置地县级行政区划代码)'));
const EmploymentDifficulty = z.boolean().check(z.describe('Asks for employment assistance as a person with employment difficulties (就业困难人员)'));

export const EmploymentSupportInput = z
  .strictObject({
    wishes: z.optional(Wishes),
    labourCapacity: z.optional(Capacity).check(z.describe('Labour capacity (劳动能力), from the capability assessment')),
    placeCountyCode: z.optional(PlaceCountyCode),
    employmentDifficulty: z.optional(EmploymentDifficulty),
  }).check(z.meta({ title: 'human-resources.employment-support v1 input', description: 'Empty at 16 (guidance); the assessment’s wishes on coming of age' }));

export const EmploymentSupportRequest = z
  .strictObject({
    ...youngPersonFields,
    institutionId: InstitutionId.check(z.describe('Institution that applies on the young person’s behalf')),
    stage: z.enum(['guidance', 'placement']).check(z.describe('guidance (16: 技工教育和职业指导) or placement (coming of age: 成年安置就业)')),
    wishes: z.optional(Wishes),
    labourCapacity: z.optional(Capacity),
    placeCountyCode: z.optional(PlaceCountyCode),
    employmentDifficulty: z.optional(EmploymentDifficulty),
  }).check(z.meta({ title: 'human-resources.employment-support v1 request', description: '技工教育与就业服务: what human resources receives' }));

export const Service = z
  .enum(['technical-school', 'vocational-training', 'employment-guidance', 'employment-assistance']).check(z.describe('technical-school (技工教育), vocational-training (职业技能培训), employment-guidance (就业指导), employment-assistance (就业援助)'));
export const Subsidy = z
  .enum(['social-insurance', 'post', 'training']).check(z.describe('social-insurance (社会保险补贴), post (岗位补贴), training (职业培训补贴)'));

export const EmploymentSupportResult = z
  .strictObject({
    services: z.array(Service).check(z.maxLength(4), z.describe('What was arranged (已落实的服务); empty when the young person declined')),
    technicalSchoolName: z.optional(ShortText).check(z.describe('The technical school enrolled in (技工院校), with technical-school')),
    subsidies: z.array(Subsidy).check(z.maxLength(3), z.describe('Subsidies granted (落实的补贴)')),
    arrangedOn: IsoDate.check(z.describe('When it was arranged (办理日期)')),
    note: z.optional(Reason).check(z.describe('What else, or why nothing (说明)')),
  }).check(z.meta({ title: 'human-resources.employment-support v1 result', description: '技工教育与就业服务: what human resources returns' }));

export const employmentSupportV1 = defineTaskType({
  type: 'human-resources.employment-support',
  version: 1,
  department: 'human-resources',
  subject: 'child',
  titleZh: '技工教育与就业服务',
  policy: '四(二), 二(六)',
  // At 16, while in a city institution's care (a child admitted after 17 meets it in the coming-of-age plan).
  clock: { event: 'age-16', leadMonths: 0, untilMonths: 12, policy: '四(二)' },
  placement: {
    anyOf: ['wantsTechnicalSchool', 'seeksEmployment'],
    input: { wishes: 'wishes', labourCapacity: 'labourCapacity', placeCountyCode: 'placeCountyCode', employmentDifficulty: 'employmentDifficulty' },
    policy: '二(六), 四(二)',
  },
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId'],
  zh: {
    fields: { stage: '阶段', wishes: '本人意愿', labourCapacity: '劳动能力', employmentDifficulty: '就业困难人员', services: '已落实的服务', technicalSchoolName: '技工院校', subsidies: '补贴', arrangedOn: '办理日期', note: '说明' },
    values: {
      guidance: '职业指导',
      placement: '成年安置',
      'technical-school': '技工教育',
      'vocational-training': '职业技能培训',
      'employment-guidance': '就业指导',
      'employment-assistance': '就业援助',
      'social-insurance': '社会保险补贴',
      post: '岗位补贴',
      training: '职业培训补贴',
    },
  },
  input: EmploymentSupportInput,
  request: EmploymentSupportRequest,
  result: EmploymentSupportResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'human-resources.employment-support');
    return { ...childIdentity(child), institutionId: child.institutionId, stage: input.wishes ? ('placement' as const) : ('guidance' as const), ...input };
  },
  rules: [
    {
      id: 'technical-school-named', kind: 'required', field: 'technicalSchoolName', when: { field: 'result.services', is: 'including', value: 'technical-school' },
      en: 'a technical-school enrollment names the school',
      zh: '技工教育须写明技工院校',
    },
    {
      id: 'school-only-for-technical', kind: 'absent', field: 'technicalSchoolName', unless: { field: 'result.services', is: 'including', value: 'technical-school' },
      en: 'a technical school is named only for a technical-school enrollment',
      zh: '仅在技工教育时填写技工院校',
    },
    {
      id: 'assistance-at-placement',
      kind: 'described',
      field: 'services',
      en: 'employment assistance is for a young person coming of age',
      zh: '就业援助仅适用于成年安置',
      holds: (result, request) => !result.services.includes('employment-assistance') || request.stage === 'placement',
    },
    {
      id: 'nothing-arranged-why', kind: 'required', field: 'note', when: { field: 'result.services', is: 'empty' },
      en: 'nothing arranged: say why',
      zh: '未落实任何服务时须说明原因',
    },
  ],
});
