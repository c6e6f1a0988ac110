// The human resources and social security bureau's wire format, modelled on its public employment service platform's
// application (公共就业服务申请): pinyin-initial field names (grxx 个人信息, xm 姓名, xb 性别, csrq 出生日期, sfzh 身份证号,
// sqdw 申请单位, jd 阶段, yy 意愿, ldnl 劳动能力, azd 安置地, jykn 就业困难人员). Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { employmentSupportV1 } from '../../../contracts/human-resources/employment-support.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

type SupportRequest = z.infer<typeof employmentSupportV1.request>;

const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'human-resources.employment-support.v1': ['JGJY', '技工教育与就业服务', 'technical-school and employment support, v1'],
});
const XB = codeTable('性别代码 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const JD = codeTable('阶段 (stage)', {
  guidance: ['1', '适龄职业指导（16周岁）', 'guidance at 16'],
  placement: ['2', '成年安置', 'placement on coming of age'],
});
const YY = codeTable('本人意愿 (wish)', {
  study: ['01', '继续就学'],
  'technical-school': ['02', '就读技工院校'],
  work: ['03', '就业'],
  enlistment: ['04', '参军入伍'],
});
const LDNL = codeTable('劳动能力 (labour capacity)', { full: ['1', '完全具备'], partial: ['2', '部分具备'], none: ['3', '不具备'] });
const JYKN = codeTable('就业困难人员 (asks for employment assistance)', { yes: ['1', '是'], no: ['0', '否'] });

const text = (zh: string) => z.string().check(z.describe(zh));

export const HumanResourcesWire = z
  .strictObject({
    ywlx: YWLX.only('human-resources.employment-support.v1'),
    sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
    sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
    bjqx: z.optional(text('办结期限 (deadline), ISO 8601 with offset')),
    grxx: z
      .strictObject({
        hubId: text('the hub’s id of the young person'),
        xm: text('姓名 (name)'),
        xb: XB.schema,
        csrq: text('出生日期 (date of birth), YYYY-MM-DD'),
        sfzh: z.optional(text('身份证号 (identity number)')),
      }).check(z.describe('个人信息 (the young person)')),
    sqdw: text('申请单位 (the institution applying on the young person’s behalf)'),
    jd: JD.schema,
    yy: z.optional(z.array(YY.schema).check(z.describe('本人意愿 (wishes), from the capability assessment'))),
    ldnl: z.optional(LDNL.schema),
    azd: z.optional(text('安置地 (county of the place of placement, 行政区划代码)')),
    jykn: z.optional(JYKN.schema),
  }).check(z.meta({ title: '技工教育与就业服务 (human-resources.employment-support v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '公共就业服务信息平台 (public employment service platform), 公共就业服务申请',
  bodies: [{ contract: employmentSupportV1, schema: HumanResourcesWire }],
});
export type HumanResourcesWire = z.infer<typeof HumanResourcesWire>;

export function toWire(envelope: Envelope): HumanResourcesWire {
  if (envelope.department !== 'human-resources') throw new Error(`an envelope for ${envelope.department} is not for human resources`);
  if (envelope.type !== 'human-resources.employment-support.v1') throw new Error(`human resources has no wire mapping for ${envelope.type}`);
  const r = employmentSupportV1.request.parse(envelope.data);
  return {
    ywlx: YWLX.codes[envelope.type],
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
    grxx: { hubId: r.childId, xm: r.name, xb: XB.codes[r.gender], csrq: r.birthDate, ...(r.idNumber ? { sfzh: r.idNumber } : {}) },
    sqdw: r.institutionId,
    jd: JD.codes[r.stage],
    ...(r.wishes ? { yy: r.wishes.map((w) => YY.codes[w]) } : {}),
    ...(r.labourCapacity ? { ldnl: LDNL.codes[r.labourCapacity] } : {}),
    ...(r.placeCountyCode ? { azd: r.placeCountyCode } : {}),
    ...(r.employmentDifficulty !== undefined ? { jykn: JYKN.codes[r.employmentDifficulty ? 'yes' : 'no'] } : {}),
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: 'human-resources.employment-support'; request: SupportRequest } {
  const w = HumanResourcesWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'human-resources.employment-support',
    request: employmentSupportV1.request.parse({
      childId: w.grxx.hubId,
      name: w.grxx.xm,
      gender: XB.valueOf(w.grxx.xb),
      birthDate: w.grxx.csrq,
      ...(w.grxx.sfzh ? { idNumber: w.grxx.sfzh } : {}),
      institutionId: w.sqdw,
      stage: JD.valueOf(w.jd),
      ...(w.yy ? { wishes: w.yy.map((c) => YY.valueOf(c)) } : {}),
      ...(w.ldnl ? { labourCapacity: LDNL.valueOf(w.ldnl) } : {}),
      ...(w.azd ? { placeCountyCode: w.azd } : {}),
      ...(w.jykn ? { employmentDifficulty: JYKN.valueOf(w.jykn) === 'yes' } : {}),
    }),
  };
}
