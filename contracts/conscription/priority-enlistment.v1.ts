// 优先安排入伍: priority enlistment under equal conditions for an orphan coming of age who wishes to serve and meets
// the requirements (policy 二(六): 对符合参军要求的，同等条件下优先安排入伍; 四(二): 兵役机关要做好符合参军条件人员的应征入伍
// 相关工作). Opened by the coming-of-age placement plan only; the conscription office decides who meets the requirements.
// Allow-list (field minimisation): identity, the institution applying and the county of placement (where the young
// person registers for service). No medical, disability, hukou or school history: the office's own medical examination
// and political review decide, not the hub's records.
import * as z from 'zod/mini';
import { youngPersonFields } from '../coming-of-age-terms.ts';
import { DivisionCode, InstitutionId, IsoDate, Reason } from '../common.ts';
import { caseChild, childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';

const PlaceCountyCode = DivisionCode.check(z.describe('County of the place of placement, whose conscription office registers the young person (安置地县级行政区划代码)'));

export const PriorityEnlistmentInput = z
  .strictObject({ placeCountyCode: PlaceCountyCode }).check(z.meta({ title: 'conscription.priority-enlistment v1 input', description: 'Where the young person is placed (from the capability assessment)' }));

export const PriorityEnlistmentRequest = z
  .strictObject({
    ...youngPersonFields,
    institutionId: InstitutionId.check(z.describe('Institution that applies on the young person’s behalf')),
    placeCountyCode: PlaceCountyCode,
  }).check(z.meta({ title: 'conscription.priority-enlistment v1 request', description: '优先安排入伍: what the conscription office receives' }));

export const EnlistmentOutcome = z
  .enum(['enlisted', 'awaiting-call-up', 'not-selected']).check(z.describe('enlisted (批准入伍), awaiting-call-up (已兵役登记, 待征集), not-selected (未被批准入伍)'));

export const PriorityEnlistmentResult = z
  .strictObject({
    registered: z.boolean().check(z.describe('Registered for military service (兵役登记)')),
    outcome: EnlistmentOutcome,
    enlistedOn: z.optional(IsoDate).check(z.describe('Date of enlistment (入伍日期), when enlisted')),
    reason: z.optional(Reason).check(z.describe('Why not, when not selected (未批准原因)')),
  }).check(z.meta({ title: 'conscription.priority-enlistment v1 result', description: '优先安排入伍: what the conscription office returns' }));

export const priorityEnlistmentV1 = defineTaskType({
  type: 'conscription.priority-enlistment',
  version: 1,
  department: 'conscription',
  subject: 'child',
  titleZh: '优先安排入伍',
  policy: '二(六), 四(二)',
  workflow: { name: 'coming-of-age', step: 'placement', boundInput: ['placeCountyCode'] },
  placement: { when: ['wantsEnlistment', 'fitForService'], input: { placeCountyCode: 'placeCountyCode' }, policy: '二(六)' },
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId'],
  zh: {
    fields: { registered: '兵役登记', outcome: '征集结果', enlistedOn: '入伍日期' },
    values: { enlisted: '批准入伍', 'awaiting-call-up': '待征集', 'not-selected': '未被批准入伍' },
  },
  input: PriorityEnlistmentInput,
  request: PriorityEnlistmentRequest,
  result: PriorityEnlistmentResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'conscription.priority-enlistment');
    return { ...childIdentity(child), institutionId: child.institutionId, placeCountyCode: input.placeCountyCode };
  },
  rules: [
    {
      id: 'enlistment-date', kind: 'required', field: 'enlistedOn', when: { field: 'result.outcome', is: 'equal', value: 'enlisted' },
      en: 'an enlistment gives its date',
      zh: '批准入伍须填写入伍日期',
    },
    {
      id: 'date-only-for-enlistment', kind: 'absent', field: 'enlistedOn', unless: { field: 'result.outcome', is: 'equal', value: 'enlisted' },
      en: 'an enlistment date is given only for an enlistment',
      zh: '仅在批准入伍时填写入伍日期',
    },
    {
      id: 'not-selected-reason', kind: 'required', field: 'reason', when: { field: 'result.outcome', is: 'equal', value: 'not-selected' },
      en: 'a young person not selected is told why',
      zh: '未被批准入伍须说明原因',
    },
    {
      id: 'registered-first', kind: 'equal', field: 'registered', value: true, when: { field: 'result.outcome', is: 'not-equal', value: 'not-selected' },
      en: 'a call-up follows registration',
      zh: '征集须先进行兵役登记',
    },
  ],
});
