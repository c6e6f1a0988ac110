// The fire and rescue detachment's wire format, modelled on the fire supervision management system's inspection
// application (消防监督管理系统, 消防安全检查申请): pinyin-initial field names (dwmc 单位名称, dwdz 单位地址,
// jclx 检查类型, sqly 申请理由). The one task type still carries the business type `ywlx`, so a second one
// can join the same envelope. The premises only: no child data exists in the request, none is added. Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { safetyInspectionV1 } from '../../../contracts/fire-rescue/safety-inspection.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

type InspectionRequest = z.infer<typeof safetyInspectionV1.request>;

const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'fire-rescue.safety-inspection.v1': ['XFAQJC', '消防安全检查', 'fire-safety inspection, v1'],
});
const JCLX = codeTable('检查类型 (kind of inspection)', {
  periodic: ['01', '定期检查（日常监督检查）', 'periodic (routine supervision)'],
  requested: ['05', '单位申请检查', 'requested by the institution'],
});

const text = (zh: string) => z.string().check(z.describe(zh));

export const FireRescueWire = z
  .strictObject({
    ywlx: YWLX.only('fire-rescue.safety-inspection.v1'),
    sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
    sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
    bjqx: z.optional(text('办结期限 (deadline), ISO 8601 with offset')),
    dwxx: z
      .strictObject({
        dwbm: text('单位编码 (the institution’s id)'),
        dwmc: text('单位名称 (its name)'),
        dwdz: z.optional(text('单位地址 (its address)')),
      }).check(z.describe('单位信息 (the institution whose premises are inspected)')),
    jcxx: z
      .strictObject({ jclx: JCLX.schema, sqly: z.optional(text('申请理由 (why the institution asks for it)')) }).check(z.describe('检查信息 (the inspection)')),
  }).check(z.meta({ title: '消防安全检查 (fire-rescue.safety-inspection v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '消防监督管理系统 (fire supervision management system), 消防安全检查申请',
  bodies: [{ contract: safetyInspectionV1, schema: FireRescueWire }],
});
export type FireRescueWire = z.infer<typeof FireRescueWire>;

export function toWire(envelope: Envelope): FireRescueWire {
  if (envelope.department !== 'fire-rescue') throw new Error(`an envelope for ${envelope.department} is not for fire rescue`);
  if (envelope.type !== 'fire-rescue.safety-inspection.v1') {
    throw new Error(`fire rescue has no wire mapping for ${envelope.type}`);
  }
  const r = safetyInspectionV1.request.parse(envelope.data);
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
export function fromWire(wire: unknown): { taskId: string; type: 'fire-rescue.safety-inspection'; request: InspectionRequest } {
  const w = FireRescueWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'fire-rescue.safety-inspection',
    request: safetyInspectionV1.request.parse({
      institutionId: w.dwxx.dwbm,
      institutionName: w.dwxx.dwmc,
      ...(w.dwxx.dwdz ? { address: w.dwxx.dwdz } : {}),
      inspectionKind: JCLX.valueOf(w.jcxx.jclx),
      ...(w.jcxx.sqly ? { requestReason: w.jcxx.sqly } : {}),
    }),
  };
}
