// The civil-affairs bureau's wire format, modelled on the social assistance information system's special-hardship
// application (社会救助信息系统, 特困人员供养申请): pinyin-initial field names (sqr 申请人, xm 姓名, xb 性别, csrq 出生日期,
// sfzh 身份证号, sfcj 是否残疾, sqdw 申请单位, xzqh 受理地行政区划, gyfs 供养方式, gyjg 供养机构, ldnl 劳动能力, zlnl 自理能力).
// The county code routes the application to the bureau of the place of placement. Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { specialHardshipRecognitionV1 } from '../../../contracts/civil-affairs/special-hardship-recognition.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

type RecognitionRequest = z.infer<typeof specialHardshipRecognitionV1.request>;

const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'civil-affairs.special-hardship-recognition.v1': ['TKRD', '特困人员认定', 'special-hardship recognition, v1'],
});
const XB = codeTable('性别代码 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const SFCJ = codeTable('是否残疾 (disabled)', { yes: ['1', '是'], no: ['0', '否'] });
const GYFS = codeTable('供养方式 (form of support)', {
  dispersed: ['1', '分散供养', 'dispersed (in the community)'],
  centralised: ['2', '集中供养', 'centralised (in a social welfare institution)'],
});
const LDNL = codeTable('劳动能力 (labour capacity)', { full: ['1', '完全具备'], partial: ['2', '部分具备'], none: ['3', '不具备'] });
const ZLNL = codeTable('生活自理能力 (self-care capacity)', { full: ['1', '完全具备'], partial: ['2', '部分具备'], none: ['3', '不具备'] });

const text = (zh: string) => z.string().check(z.describe(zh));

export const CivilAffairsWire = z
  .strictObject({
    ywlx: YWLX.only('civil-affairs.special-hardship-recognition.v1'),
    sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
    sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
    bjqx: z.optional(text('办结期限 (deadline), ISO 8601 with offset')),
    sqr: z
      .strictObject({
        hubId: text('the hub’s id of the young person'),
        xm: text('姓名 (name)'),
        xb: XB.schema,
        csrq: text('出生日期 (date of birth), YYYY-MM-DD'),
        sfzh: z.optional(text('身份证号 (identity number)')),
        sfcj: SFCJ.schema,
      }).check(z.describe('申请人 (the applicant)')),
    sqdw: text('申请单位 (the institution applying on the applicant’s behalf)'),
    xzqh: text('受理地行政区划代码 (county of the place of placement, whose civil-affairs bureau decides)'),
    gyfs: GYFS.schema,
    gyjg: z.optional(text('供养机构 (the social welfare institution, for centralised support)')),
    ldnl: LDNL.schema,
    zlnl: ZLNL.schema,
  }).check(z.meta({ title: '特困人员认定 (civil-affairs.special-hardship-recognition v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '社会救助信息系统 (social assistance information system), 特困人员供养申请',
  bodies: [{ contract: specialHardshipRecognitionV1, schema: CivilAffairsWire }],
});
export type CivilAffairsWire = z.infer<typeof CivilAffairsWire>;

export function toWire(envelope: Envelope): CivilAffairsWire {
  if (envelope.department !== 'civil-affairs') throw new Error(`an envelope for ${envelope.department} is not for civil affairs`);
  if (envelope.type !== 'civil-affairs.special-hardship-recognition.v1') throw new Error(`civil affairs has no wire mapping for ${envelope.type}`);
  const r = specialHardshipRecognitionV1.request.parse(envelope.data);
  return {
    ywlx: YWLX.codes[envelope.type],
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
    sqr: {
      hubId: r.childId,
      xm: r.name,
      xb: XB.codes[r.gender],
      csrq: r.birthDate,
      ...(r.idNumber ? { sfzh: r.idNumber } : {}),
      sfcj: SFCJ.codes[r.disabled ? 'yes' : 'no'],
    },
    sqdw: r.institutionId,
    xzqh: r.placeCountyCode,
    gyfs: GYFS.codes[r.supportMode],
    ...(r.welfareInstitutionName ? { gyjg: r.welfareInstitutionName } : {}),
    ldnl: LDNL.codes[r.labourCapacity],
    zlnl: ZLNL.codes[r.selfCareCapacity],
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: 'civil-affairs.special-hardship-recognition'; request: RecognitionRequest } {
  const w = CivilAffairsWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'civil-affairs.special-hardship-recognition',
    request: specialHardshipRecognitionV1.request.parse({
      childId: w.sqr.hubId,
      name: w.sqr.xm,
      gender: XB.valueOf(w.sqr.xb),
      birthDate: w.sqr.csrq,
      ...(w.sqr.sfzh ? { idNumber: w.sqr.sfzh } : {}),
      institutionId: w.sqdw,
      disabled: SFCJ.valueOf(w.sqr.sfcj) === 'yes',
      placeCountyCode: w.xzqh,
      supportMode: GYFS.valueOf(w.gyfs),
      ...(w.gyjg ? { welfareInstitutionName: w.gyjg } : {}),
      labourCapacity: LDNL.valueOf(w.ldnl),
      selfCareCapacity: ZLNL.valueOf(w.zlnl),
    }),
  };
}
