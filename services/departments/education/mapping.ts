// The Education Bureau's wire format, modelled on the national primary and secondary student record system
// (全国中小学生学籍信息管理系统): pinyin-initial field names (xm 姓名, xbm 性别码, csrq 出生日期, sfzjlx/sfzjh
// 身份证件类型/号, xjh 学籍号, xxmc 学校名称) and its code tables. Both task types travel in one envelope told
// apart by the business type `ywlx`. Pure: tested both ways against the contracts.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';
import { schoolPlacementV1 } from '../../../contracts/education/school-placement.v1.ts';
import { schoolRecordTransferV1 } from '../../../contracts/education/school-record-transfer.v1.ts';

type PlacementRequest = z.infer<typeof schoolPlacementV1.request>;
type TransferRequest = z.infer<typeof schoolRecordTransferV1.request>;

/** 业务类型: which task type the body carries. */
const YWLX = codeTable('业务类型 (business type): which task type the body carries', {
  'education.school-placement.v1': ['RXAZ', '入学安置', 'school placement, v1'],
  'education.school-record-transfer.v1': ['XJZY', '学籍转移', 'school-record transfer, v1'],
});
const XBM = codeTable('性别码 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
/** 1 居民身份证; Z 其他 (no number: the record system issues a J number instead). */
const SFZJLX = codeTable('身份证件类型码 (identity document type)', {
  'id-card': ['1', '居民身份证', 'resident identity card'],
  none: ['Z', '其他（无证件，由学籍系统生成学籍号）', 'none yet: the record system generates a record number'],
});
const XD = codeTable('学段 (school stage)', {
  kindergarten: ['1', '学前'],
  primary: ['2', '小学'],
  'junior-secondary': ['3', '初中'],
  'senior-secondary': ['4', '高中'],
});
const SFCJ = codeTable('是否残疾 (disabled)', { yes: ['1', '是'], no: ['0', '否'] });

const text = (zh: string) => z.string().check(z.describe(zh));

/** 学生基本信息: who the child is, as the record system keys a student. */
const Xsxx = z
  .strictObject({
    hub_child_id: text('儿童编号: the hub’s child id'),
    xm: text('姓名 (name)'),
    xbm: XBM.schema,
    csrq: text('出生日期 (date of birth), YYYY-MM-DD'),
    sfzjlx: SFZJLX.schema,
    sfzjh: z.optional(text('身份证件号 (identity number): present exactly when sfzjlx is 1')),
  }).check(z.refine((x) => (x.sfzjlx === SFZJLX.codes['id-card']) === (x.sfzjh !== undefined), 'sfzjh goes with sfzjlx 1 and only with it'), z.describe('学生基本信息 (the student)'));

const header = {
  lsh: text('流水号 (serial number): the hub’s task id; answer through the hub API with it'),
  sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
  blqx: z.optional(text('办理期限 (deadline), ISO 8601 with offset')),
};

const PlacementWire = z
  .strictObject({
    ywlx: YWLX.only('education.school-placement.v1'),
    ...header,
    xsxx: Xsxx,
    rxxx: z
      .strictObject({
        jzjgdm: text('居住机构代码 (the institution the child lives in): placement is near it (就近就便)'),
        jzjgmc: text('居住机构名称 (its name)'),
        sfcj: SFCJ.schema,
        xd: z.optional(XD.schema),
        nj: z.optional(z.int().check(z.describe('年级 (grade within the stage), 1 = first year'))),
      }).check(z.describe('入学信息 (placement wanted)')),
  }).check(z.meta({ title: '入学安置 (education.school-placement v1): the pushed body' }));

const TransferWire = z
  .strictObject({
    ywlx: YWLX.only('education.school-record-transfer.v1'),
    ...header,
    xsxx: Xsxx,
    zxxx: z
      .strictObject({
        xjh: text('学籍号 (current student record number)'),
        zcxxmc: text('转出学校名称 (school the record moves from)'),
        zrjgdm: text('转入机构代码 (institution the child moves to)'),
      }).check(z.describe('转学信息 (the transfer)')),
  }).check(z.meta({ title: '学籍转移 (education.school-record-transfer v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '全国中小学生学籍信息管理系统 (national primary and secondary student record system)',
  bodies: [
    { contract: schoolPlacementV1, schema: PlacementWire },
    { contract: schoolRecordTransferV1, schema: TransferWire },
  ],
});

export const EducationWire = z.discriminatedUnion('ywlx', [PlacementWire, TransferWire]);
export type EducationWire = z.infer<typeof EducationWire>;

function xsxx(r: Pick<PlacementRequest, 'childId' | 'name' | 'gender' | 'birthDate' | 'idNumber'>) {
  return {
    hub_child_id: r.childId,
    xm: r.name,
    xbm: XBM.codes[r.gender],
    csrq: r.birthDate,
    sfzjlx: r.idNumber ? SFZJLX.codes['id-card'] : SFZJLX.codes.none,
    ...(r.idNumber ? { sfzjh: r.idNumber } : {}),
  } as const;
}

function child(x: z.infer<typeof Xsxx>) {
  return {
    childId: x.hub_child_id,
    name: x.xm,
    gender: XBM.valueOf(x.xbm),
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
        ywlx: YWLX.codes[envelope.type],
        ...head,
        xsxx: xsxx(r),
        rxxx: {
          jzjgdm: r.institutionId,
          jzjgmc: r.institutionName,
          sfcj: r.disabled ? SFCJ.codes.yes : SFCJ.codes.no,
          ...(r.level ? { xd: XD.codes[r.level] } : {}),
          ...(r.grade !== undefined ? { nj: r.grade } : {}),
        },
      };
    }
    case 'education.school-record-transfer.v1': {
      const r = schoolRecordTransferV1.request.parse(envelope.data);
      return {
        ywlx: YWLX.codes[envelope.type],
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
  if (w.ywlx === YWLX.codes['education.school-placement.v1']) {
    return {
      taskId: w.lsh,
      type: 'education.school-placement',
      request: schoolPlacementV1.request.parse({
        ...child(w.xsxx),
        institutionId: w.rxxx.jzjgdm,
        institutionName: w.rxxx.jzjgmc,
        disabled: w.rxxx.sfcj === SFCJ.codes.yes,
        ...(w.rxxx.xd ? { level: XD.valueOf(w.rxxx.xd) } : {}),
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
