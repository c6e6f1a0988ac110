// Worked example: the housing bureau's wire format. In a real change: services/departments/housing/mapping.ts.
// Its zod schema per task type (`wireFormat`) is what the generated documents publish, code tables included.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { codeTable, defineWireFormat } from '../../../services/departments/wire-format.ts';
import { PublicRentalHousingRequest, publicRentalHousingV1 } from './public-rental-housing.v1.ts';

const YWLX = codeTable('业务类型 (business type)', { 'housing.public-rental-housing.v1': ['GZFBZ', '公租房保障', 'public rental housing, v1'] });
const XB = codeTable('性别 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });

const HousingWire = z
  .strictObject({
    ywlx: YWLX.only('housing.public-rental-housing.v1'),
    sqbh: z.string().describe('申请编号 (application number): the hub’s task id'),
    sqr: z
      .strictObject({
        xm: z.string().describe('姓名 (name)'),
        xb: XB.schema,
        csrq: z.string().describe('出生日期 (date of birth), YYYY-MM-DD'),
        sfzh: z.string().describe('身份证号 (identity number)'),
        hubId: z.string().describe('the hub’s child id'),
      })
      .describe('申请人 (the applicant)'),
    sqdw: z.string().describe('申请单位 (the institution applying on the applicant’s behalf)'),
  })
  .meta({ title: '公租房保障 (housing.public-rental-housing v1): the pushed body' });

export const wireFormat = defineWireFormat({
  modelledOn: '住房保障信息系统 (housing security information system)',
  bodies: [{ contract: publicRentalHousingV1, schema: HousingWire }],
});

export function toWire(envelope: Envelope): z.infer<typeof HousingWire> {
  if (envelope.type !== 'housing.public-rental-housing.v1') throw new Error(`housing cannot carry ${envelope.type}`);
  const r = PublicRentalHousingRequest.parse(envelope.data);
  return {
    ywlx: YWLX.codes[envelope.type],
    sqbh: envelope.taskid,
    sqr: { xm: r.name, xb: XB.codes[r.gender], csrq: r.birthDate, sfzh: r.idNumber, hubId: r.childId },
    sqdw: r.institutionId,
  };
}

export function fromWire(wire: unknown) {
  const w = HousingWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'housing.public-rental-housing',
    request: PublicRentalHousingRequest.parse({
      childId: w.sqr.hubId,
      name: w.sqr.xm,
      gender: XB.valueOf(w.sqr.xb),
      birthDate: w.sqr.csrq,
      idNumber: w.sqr.sfzh,
      institutionId: w.sqdw,
    }),
  };
}
