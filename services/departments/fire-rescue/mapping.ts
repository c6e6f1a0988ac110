// The fire and rescue detachment's wire format, modelled on the fire supervision management system's inspection
// application (消防监督管理系统, 消防安全检查申请): pinyin-initial field names (dwmc 单位名称, dwdz 单位地址,
// jclx 检查类型, sqly 申请理由). The one task type still carries the business type `ywlx`, so a second one
// can join the same envelope. The premises only: no child data exists in the request, none is added. Pure.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { safetyInspectionV1 } from '../../../contracts/fire-rescue/safety-inspection.v1.ts';

type InspectionRequest = z.infer<typeof safetyInspectionV1.request>;

/** 业务类型: 消防安全检查 (XFAQJC). */
const YWLX = { 'fire-rescue.safety-inspection.v1': 'XFAQJC' } as const;
/** 检查类型: 01 定期检查 (日常监督检查), 05 单位申请检查. */
const JCLX = { periodic: '01', requested: '05' } as const;

const codeOf = <T extends Record<string, string>>(table: T, code: string): keyof T =>
  (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code)!;

export const FireRescueWire = z.strictObject({
  ywlx: z.literal(YWLX['fire-rescue.safety-inspection.v1']),
  /** 申请编号: the hub's task id. */
  sqbh: z.string(),
  /** 申请时间. */
  sqsj: z.string(),
  /** 办结期限. */
  bjqx: z.string().optional(),
  /** 单位信息: the institution whose premises are inspected. */
  dwxx: z.strictObject({ dwbm: z.string(), dwmc: z.string(), dwdz: z.string().optional() }),
  /** 检查信息: kind of inspection and, for one the institution asks for, why. */
  jcxx: z.strictObject({ jclx: z.enum(JCLX), sqly: z.string().optional() }),
});
export type FireRescueWire = z.infer<typeof FireRescueWire>;

export function toWire(envelope: Envelope): FireRescueWire {
  if (envelope.department !== 'fire-rescue') throw new Error(`an envelope for ${envelope.department} is not for fire rescue`);
  if (envelope.type !== 'fire-rescue.safety-inspection.v1') {
    throw new Error(`fire rescue has no wire mapping for ${envelope.type}`);
  }
  const r = safetyInspectionV1.request.parse(envelope.data);
  return {
    ywlx: YWLX[envelope.type],
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
    dwxx: { dwbm: r.institutionId, dwmc: r.institutionName, ...(r.address ? { dwdz: r.address } : {}) },
    jcxx: { jclx: JCLX[r.inspectionKind], ...(r.requestReason ? { sqly: r.requestReason } : {}) },
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
      inspectionKind: codeOf(JCLX, w.jcxx.jclx),
      ...(w.jcxx.sqly ? { requestReason: w.jcxx.sqly } : {}),
    }),
  };
}
