// The conscription office's wire format, modelled on its online conscription system's referral (全国征兵网, 兵役登记
// 推荐): pinyin-initial field names (yzxx 应征信息, xm 姓名, xb 性别, csrq 出生日期, gmsfhm 公民身份号码, tjdw 推荐单位,
// djd 登记地 行政区划, yxtj 优先推荐). Identity and place only. Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { priorityEnlistmentV1 } from '../../../contracts/conscription/priority-enlistment.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

type EnlistmentRequest = z.infer<typeof priorityEnlistmentV1.request>;

const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'conscription.priority-enlistment.v1': ['YXRW', '优先安排入伍', 'priority enlistment, v1'],
});
const XB = codeTable('性别代码 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const YXTJ = codeTable('优先推荐 (referred with priority)', { yes: ['1', '是：孤儿成年，同等条件下优先', 'yes: an orphan coming of age, first under equal conditions'] });

const text = (zh: string) => z.string().check(z.describe(zh));

export const ConscriptionWire = z
  .strictObject({
    ywlx: YWLX.only('conscription.priority-enlistment.v1'),
    sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
    sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
    bjqx: z.optional(text('办结期限 (deadline), ISO 8601 with offset')),
    yzxx: z
      .strictObject({
        hubId: text('the hub’s id of the young person'),
        xm: text('姓名 (name)'),
        xb: XB.schema,
        csrq: text('出生日期 (date of birth), YYYY-MM-DD'),
        gmsfhm: z.optional(text('公民身份号码 (identity number)')),
      }).check(z.describe('应征信息 (the young person)')),
    tjdw: text('推荐单位 (the institution referring the young person)'),
    djd: text('登记地 (county of registration: the place of placement, 行政区划代码)'),
    yxtj: YXTJ.schema,
  }).check(z.meta({ title: '优先安排入伍 (conscription.priority-enlistment v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '全国征兵网 (national online conscription system), 兵役登记推荐',
  bodies: [{ contract: priorityEnlistmentV1, schema: ConscriptionWire }],
});
export type ConscriptionWire = z.infer<typeof ConscriptionWire>;

export function toWire(envelope: Envelope): ConscriptionWire {
  if (envelope.department !== 'conscription') throw new Error(`an envelope for ${envelope.department} is not for conscription`);
  if (envelope.type !== 'conscription.priority-enlistment.v1') throw new Error(`conscription has no wire mapping for ${envelope.type}`);
  const r = priorityEnlistmentV1.request.parse(envelope.data);
  return {
    ywlx: YWLX.codes[envelope.type],
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
    yzxx: { hubId: r.childId, xm: r.name, xb: XB.codes[r.gender], csrq: r.birthDate, ...(r.idNumber ? { gmsfhm: r.idNumber } : {}) },
    tjdw: r.institutionId,
    djd: r.placeCountyCode,
    yxtj: YXTJ.codes.yes,
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: 'conscription.priority-enlistment'; request: EnlistmentRequest } {
  const w = ConscriptionWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'conscription.priority-enlistment',
    request: priorityEnlistmentV1.request.parse({
      childId: w.yzxx.hubId,
      name: w.yzxx.xm,
      gender: XB.valueOf(w.yzxx.xb),
      birthDate: w.yzxx.csrq,
      ...(w.yzxx.gmsfhm ? { idNumber: w.yzxx.gmsfhm } : {}),
      institutionId: w.tjdw,
      placeCountyCode: w.djd,
    }),
  };
}
