// The Education Bureau's wire format, modelled on the national primary and secondary student record system
// (全国中小学生学籍信息管理系统): pinyin-initial field names (xm 姓名, xbm 性别码, csrq 出生日期, sfzjlx/sfzjh
// 身份证件类型/号, xjh 学籍号, xxmc 学校名称) and its code tables. Both task types travel in one envelope told
// apart by the business type `ywlx`. Pure: tested both ways against the contracts.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { schoolPlacementV1 } from '../../../contracts/education/school-placement.v1.ts';
import { schoolRecordTransferV1 } from '../../../contracts/education/school-record-transfer.v1.ts';

type PlacementRequest = z.infer<typeof schoolPlacementV1.request>;
type TransferRequest = z.infer<typeof schoolRecordTransferV1.request>;

/** 业务类型: 入学安置 (RXAZ), 学籍转移 (XJZY). */
const YWLX = { 'education.school-placement.v1': 'RXAZ', 'education.school-record-transfer.v1': 'XJZY' } as const;
/** 性别码, GB/T 2261.1. */
const XBM = { male: '1', female: '2' } as const;
/** 身份证件类型码: 1 居民身份证; Z 其他 (no number: the record system issues a J number instead). */
const SFZJLX_ID_CARD = '1';
const SFZJLX_NONE = 'Z';
/** 学段: 1 学前, 2 小学, 3 初中, 4 高中. */
const XD = { kindergarten: '1', primary: '2', 'junior-secondary': '3', 'senior-secondary': '4' } as const;
/** 是否残疾: 1 是, 0 否. */
const SFCJ = { yes: '1', no: '0' } as const;

const codeOf = <T extends Record<string, string>>(table: T, code: string): keyof T =>
  (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code)!;

/** 学生基本信息: who the child is, as the record system keys a student. */
const Xsxx = z
  .strictObject({
    hub_child_id: z.string(),
    xm: z.string(),
    xbm: z.enum(XBM),
    csrq: z.string(),
    sfzjlx: z.enum([SFZJLX_ID_CARD, SFZJLX_NONE]),
    sfzjh: z.string().optional(),
  })
  .refine((x) => (x.sfzjlx === SFZJLX_ID_CARD) === (x.sfzjh !== undefined), 'sfzjh goes with sfzjlx 1 and only with it');

const header = {
  /** 流水号: the hub's task id. */
  lsh: z.string(),
  /** 申请时间. */
  sqsj: z.string(),
  /** 办理期限. */
  blqx: z.string().optional(),
};

const PlacementWire = z.strictObject({
  ywlx: z.literal(YWLX['education.school-placement.v1']),
  ...header,
  xsxx: Xsxx,
  /** 入学信息: the institution the child lives in (placement is near it), disability, level and grade wanted. */
  rxxx: z.strictObject({
    jzjgdm: z.string(),
    jzjgmc: z.string(),
    sfcj: z.enum(SFCJ),
    xd: z.enum(XD).optional(),
    nj: z.int().optional(),
  }),
});

const TransferWire = z.strictObject({
  ywlx: z.literal(YWLX['education.school-record-transfer.v1']),
  ...header,
  xsxx: Xsxx,
  /** 转学信息: current record number and school (转出), and the receiving institution (转入). */
  zxxx: z.strictObject({ xjh: z.string(), zcxxmc: z.string(), zrjgdm: z.string() }),
});

export const EducationWire = z.discriminatedUnion('ywlx', [PlacementWire, TransferWire]);
export type EducationWire = z.infer<typeof EducationWire>;

function xsxx(r: Pick<PlacementRequest, 'childId' | 'name' | 'gender' | 'birthDate' | 'idNumber'>) {
  return {
    hub_child_id: r.childId,
    xm: r.name,
    xbm: XBM[r.gender],
    csrq: r.birthDate,
    sfzjlx: r.idNumber ? SFZJLX_ID_CARD : SFZJLX_NONE,
    ...(r.idNumber ? { sfzjh: r.idNumber } : {}),
  } as const;
}

function child(x: z.infer<typeof Xsxx>) {
  return {
    childId: x.hub_child_id,
    name: x.xm,
    gender: codeOf(XBM, x.xbm),
    birthDate: x.csrq,
    ...(x.sfzjh ? { idNumber: x.sfzjh } : {}),
  };
}

export function toWire(envelope: Envelope): EducationWire {
  if (envelope.department !== 'education') throw new Error(`an envelope for ${envelope.department} is not for education`);
  const head = {
    lsh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { blqx: envelope.deadline } : {}),
  };
  switch (envelope.type) {
    case 'education.school-placement.v1': {
      const r = schoolPlacementV1.request.parse(envelope.data);
      return {
        ywlx: YWLX[envelope.type],
        ...head,
        xsxx: xsxx(r),
        rxxx: {
          jzjgdm: r.institutionId,
          jzjgmc: r.institutionName,
          sfcj: r.disabled ? SFCJ.yes : SFCJ.no,
          ...(r.level ? { xd: XD[r.level] } : {}),
          ...(r.grade !== undefined ? { nj: r.grade } : {}),
        },
      };
    }
    case 'education.school-record-transfer.v1': {
      const r = schoolRecordTransferV1.request.parse(envelope.data);
      return {
        ywlx: YWLX[envelope.type],
        ...head,
        xsxx: xsxx(r),
        zxxx: { xjh: r.studentRecordNumber, zcxxmc: r.fromSchoolName, zrjgdm: r.toInstitutionId },
      };
    }
    default:
      throw new Error(`education has no wire mapping for ${envelope.type}`);
  }
}

export type EducationTask =
  | { taskId: string; type: 'education.school-placement'; request: PlacementRequest }
  | { taskId: string; type: 'education.school-record-transfer'; request: TransferRequest };

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): EducationTask {
  const w = EducationWire.parse(wire);
  if (w.ywlx === 'RXAZ') {
    return {
      taskId: w.lsh,
      type: 'education.school-placement',
      request: schoolPlacementV1.request.parse({
        ...child(w.xsxx),
        institutionId: w.rxxx.jzjgdm,
        institutionName: w.rxxx.jzjgmc,
        disabled: w.rxxx.sfcj === SFCJ.yes,
        ...(w.rxxx.xd ? { level: codeOf(XD, w.rxxx.xd) } : {}),
        ...(w.rxxx.nj !== undefined ? { grade: w.rxxx.nj } : {}),
      }),
    };
  }
  return {
    taskId: w.lsh,
    type: 'education.school-record-transfer',
    request: schoolRecordTransferV1.request.parse({
      ...child(w.xsxx),
      fromSchoolName: w.zxxx.zcxxmc,
      studentRecordNumber: w.zxxx.xjh,
      toInstitutionId: w.zxxx.zrjgdm,
    }),
  };
}
