// The housing bureau's wire format, modelled on a housing-security application (住房保障申请): pinyin-initial field
// names (sqr 申请人, xm 姓名, xb 性别 GB/T 2261.1, csrq 出生日期, sfzh 身份证号, sqdw 申请单位, azd 安置地, xzqh 行政区划,
// yxap 优先安排). The business type `ywlx` leaves room for a second task type. Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { publicRentalHousingV1 } from '../../../contracts/housing/public-rental-housing.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

type HousingRequest = z.infer<typeof publicRentalHousingV1.request>;

const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'housing.public-rental-housing.v1': ['ZFBZ', '住房保障', 'housing security (public rental or other guaranteed housing), v1'],
});
const XB = codeTable('性别代码 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const YXAP = codeTable('优先安排 (arranged with priority)', { yes: ['1', '是：孤儿成年（二(六)）', 'yes: an orphan coming of age'] });

const text = (zh: string) => z.string().check(z.describe(zh));

export const HousingWire = z
  .strictObject({
    ywlx: YWLX.only('housing.public-rental-housing.v1'),
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
      }).check(z.describe('申请人 (the applicant)')),
    sqdw: text('申请单位 (the institution applying on the applicant’s behalf)'),
    azd: z
      .strictObject({ xzqh: text('行政区划代码 (county of the place of placement)'), dz: text('地址 (address of placement)') }).check(z.describe('安置地 (the place of placement)')),
    yxap: YXAP.schema,
  }).check(z.meta({ title: '住房保障 (housing.public-rental-housing v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '住房保障信息系统 (housing security information system), 住房保障申请',
  bodies: [{ contract: publicRentalHousingV1, schema: HousingWire }],
});
export type HousingWire = z.infer<typeof HousingWire>;

export function toWire(envelope: Envelope): HousingWire {
  if (envelope.department !== 'housing') throw new Error(`an envelope for ${envelope.department} is not for housing`);
  if (envelope.type !== 'housing.public-rental-housing.v1') throw new Error(`housing has no wire mapping for ${envelope.type}`);
  const r = publicRentalHousingV1.request.parse(envelope.data);
  return {
    ywlx: YWLX.codes[envelope.type],
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
    sqr: { hubId: r.childId, xm: r.name, xb: XB.codes[r.gender], csrq: r.birthDate, ...(r.idNumber ? { sfzh: r.idNumber } : {}) },
    sqdw: r.institutionId,
    azd: { xzqh: r.placeCountyCode, dz: r.placeAddress },
    yxap: YXAP.codes.yes,
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: 'housing.public-rental-housing'; request: HousingRequest } {
  const w = HousingWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'housing.public-rental-housing',
    request: publicRentalHousingV1.request.parse({
      childId: w.sqr.hubId,
      name: w.sqr.xm,
      gender: XB.valueOf(w.sqr.xb),
      birthDate: w.sqr.csrq,
      ...(w.sqr.sfzh ? { idNumber: w.sqr.sfzh } : {}),
      institutionId: w.sqdw,
      placeCountyCode: w.azd.xzqh,
      placeAddress: w.azd.dz,
      priority: true,
    }),
  };
}
