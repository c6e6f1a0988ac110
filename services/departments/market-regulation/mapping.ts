// The market regulation bureau's wire format, modelled on the food-safety supervision system's inspection record
// (食品安全监督检查): pinyin-initial field names (dwxx 单位信息, dwbm 单位编码, dwmc 单位名称, dwdz 单位地址, jclx 检查类型,
// sqly 申请理由). The premises only: no child data exists in the request, none is added. Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { foodSafetyInspectionV1 } from '../../../contracts/market-regulation/food-safety-inspection.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

type InspectionRequest = z.infer<typeof foodSafetyInspectionV1.request>;

const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'market-regulation.food-safety-inspection.v1': ['SPAQJC', '食品安全检查', 'food-safety inspection, v1'],
});
const JCLX = codeTable('检查类型 (kind of inspection)', {
  periodic: ['01', '日常监督检查', 'periodic (routine supervision)'],
  requested: ['03', '申请指导检查', 'requested by the institution (guidance)'],
});

const text = (zh: string) => z.string().check(z.describe(zh));

export const MarketRegulationWire = z
  .strictObject({
    ywlx: YWLX.only('market-regulation.food-safety-inspection.v1'),
    sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
    sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
    bjqx: z.optional(text('办结期限 (deadline), ISO 8601 with offset')),
    dwxx: z
      .strictObject({
        dwbm: text('单位编码 (the institution’s id)'),
        dwmc: text('单位名称 (its name)'),
        dwdz: z.optional(text('单位地址 (address of the kitchen or canteen)')),
      }).check(z.describe('单位信息 (the institution whose kitchen and canteen are inspected)')),
    jcxx: z
      .strictObject({ jclx: JCLX.schema, sqly: z.optional(text('申请理由 (why the institution asks for it)')) }).check(z.describe('检查信息 (the inspection)')),
  }).check(z.meta({ title: '食品安全检查 (market-regulation.food-safety-inspection v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '食品安全监督管理系统 (food-safety supervision system), 食品安全监督检查',
  bodies: [{ contract: foodSafetyInspectionV1, schema: MarketRegulationWire }],
});
export type MarketRegulationWire = z.infer<typeof MarketRegulationWire>;

export function toWire(envelope: Envelope): MarketRegulationWire {
  if (envelope.department !== 'market-regulation') throw new Error(`an envelope for ${envelope.department} is not for market regulation`);
  if (envelope.type !== 'market-regulation.food-safety-inspection.v1') throw new Error(`market regulation has no wire mapping for ${envelope.type}`);
  const r = foodSafetyInspectionV1.request.parse(envelope.data);
  return {
    ywlx: YWLX.codes[envelope.type],
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
    dwxx: { dwbm: r.institutionId, dwmc: r.institutionName, ...(r.address ? { dwdz: r.address } : {}) },
    jcxx: { jclx: JCLX.codes[r.inspectionKind], ...(r.requestReason ? { sqly: r.requestReason } : {}) },
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: 'market-regulation.food-safety-inspection'; request: InspectionRequest } {
  const w = MarketRegulationWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'market-regulation.food-safety-inspection',
    request: foodSafetyInspectionV1.request.parse({
      institutionId: w.dwxx.dwbm,
      institutionName: w.dwxx.dwmc,
      ...(w.dwxx.dwdz ? { address: w.dwxx.dwdz } : {}),
      inspectionKind: JCLX.valueOf(w.jcxx.jclx),
      ...(w.jcxx.sqly ? { requestReason: w.jcxx.sqly } : {}),
    }),
  };
}
