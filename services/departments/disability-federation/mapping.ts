// The Disabled Persons' Federation's wire format, modelled on its disabled children's rehabilitation assistance
// system (残疾儿童康复救助信息系统) and the disability certificate data items: upper-case pinyin-initial field names
// (XM 姓名, XB 性别, CSRQ 出生日期, SFZH 身份证号, CJRZH 残疾人证号, CJLB 残疾类别, CJDJ 残疾等级, KFLB 康复类别)
// with the GB/T 26341 category codes. Both task types travel in one envelope told apart by `YWBM`. Pure.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';
import { rehabAssistanceV1 } from '../../../contracts/disability-federation/rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from '../../../contracts/disability-federation/rehab-point-certification.v1.ts';

type CertificationRequest = z.infer<typeof rehabPointCertificationV1.request>;
type AssistanceRequest = z.infer<typeof rehabAssistanceV1.request>;

const YWBM = codeTable('业务编码 (business code): which task type the body carries', {
  'disability-federation.rehab-point-certification.v1': ['DDJGRD', '定点康复机构认定', 'rehabilitation-point certification, v1'],
  'disability-federation.rehab-assistance.v1': ['ETKFJZ', '残疾儿童康复救助申请', "disabled children's rehabilitation assistance, v1"],
});
const XB = codeTable('性别 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const JGLX = codeTable('机构类型 (kind of institution)', {
  'city-welfare': ['1', '设区市级儿童福利机构', 'city child welfare institution'],
  'county-protection': ['2', '县级未成年人救助保护机构', 'county minor-protection centre'],
});
/** The 19th character of a disability certificate number. */
const CJLB = codeTable('残疾类别 (disability category, GB/T 26341)', {
  visual: ['1', '视力残疾'],
  hearing: ['2', '听力残疾'],
  speech: ['3', '言语残疾'],
  physical: ['4', '肢体残疾'],
  intellectual: ['5', '智力残疾'],
  mental: ['6', '精神残疾'],
  multiple: ['7', '多重残疾'],
});
const CJDJ = codeTable('残疾等级 (disability grade, GB/T 26341): 一级 is the most severe', {
  1: ['1', '一级', 'grade 1'],
  2: ['2', '二级', 'grade 2'],
  3: ['3', '三级', 'grade 3'],
  4: ['4', '四级', 'grade 4'],
});
const KFLB = codeTable('康复救助类别 (rehabilitation area)', {
  visual: ['1', '视力'],
  hearing: ['2', '听力'],
  speech: ['3', '言语'],
  physical: ['4', '肢体'],
  intellectual: ['5', '智力'],
  autism: ['6', '孤独症'],
});
const FWNR = codeTable('服务内容 (service)', {
  surgery: ['01', '手术'],
  'assistive-devices': ['02', '辅助器具适配', 'assistive devices'],
  'rehabilitation-training': ['03', '康复训练', 'rehabilitation training'],
});

const text = (zh: string) => z.string().check(z.describe(zh));

const header = {
  SQLSH: text('申请流水号 (application serial number): the hub’s task id; answer through the hub API with it'),
  SQSJ: text('申请时间 (requested at), ISO 8601 with offset'),
  BLQX: z.optional(text('办理时限 (deadline), ISO 8601 with offset')),
};

const CertificationWire = z
  .strictObject({
    YWBM: YWBM.only('disability-federation.rehab-point-certification.v1'),
    ...header,
    SQNR: z
      .strictObject({
        JGBM: text('机构编码 (the applying institution)'),
        JGMC: text('机构名称 (its name)'),
        JGLX: JGLX.schema,
        SZSDM: text('所在市代码 (city division code, GB/T 2260)'),
        SZXDM: z.optional(text('所在县代码 (county division code, GB/T 2260)')),
        JGDZ: z.optional(text('机构地址 (address)')),
        FWXM: z
          .array(z.strictObject({ KFLB: KFLB.schema, FWNR: z.array(FWNR.schema) })).check(z.describe('服务项目 (services offered, per rehabilitation area)')),
        KFZYRS: z.optional(z.int().check(z.describe('康复专业人员数 (rehabilitation professionals)'))),
      }).check(z.describe('申请内容 (the application)')),
  }).check(z.meta({ title: '定点康复机构认定 (disability-federation.rehab-point-certification v1): the pushed body' }));

const AssistanceWire = z
  .strictObject({
    YWBM: YWBM.only('disability-federation.rehab-assistance.v1'),
    ...header,
    SQNR: z
      .strictObject({
        HUB_CHILD_ID: text('儿童编号: the hub’s child id'),
        XM: text('姓名 (name)'),
        XB: XB.schema,
        CSRQ: text('出生日期 (date of birth), YYYY-MM-DD'),
        SFZH: z.optional(text('身份证号 (identity number)')),
        JGBM: text('机构编码 (the institution the child lives in)'),
        JGMC: text('机构名称 (its name)'),
        CJLB: z.optional(CJLB.schema),
        CJDJ: z.optional(CJDJ.schema),
        CJRZH: z.optional(text('残疾人证号 (disability certificate number)')),
        KFXQ: z.optional(z.array(KFLB.schema).check(z.describe('康复需求 (rehabilitation needs)'))),
      }).check(z.describe('申请内容 (the child and the needs)')),
  }).check(z.meta({ title: '残疾儿童康复救助 (disability-federation.rehab-assistance v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '残疾儿童康复救助信息系统 (disabled children’s rehabilitation assistance system) and the disability certificate data items',
  bodies: [
    { contract: rehabPointCertificationV1, schema: CertificationWire },
    { contract: rehabAssistanceV1, schema: AssistanceWire },
  ],
});

export const DisabilityFederationWire = z.discriminatedUnion('YWBM', [CertificationWire, AssistanceWire]);
export type DisabilityFederationWire = z.infer<typeof DisabilityFederationWire>;

export function toWire(envelope: Envelope): DisabilityFederationWire {
  if (envelope.department !== 'disability-federation') {
    throw new Error(`an envelope for ${envelope.department} is not for the disabled persons' federation`);
  }
  const head = {
    SQLSH: envelope.taskid,
    SQSJ: envelope.time,
    ...(envelope.deadline ? { BLQX: envelope.deadline } : {}),
  };
  switch (envelope.type) {
    case 'disability-federation.rehab-point-certification.v1': {
      const r = rehabPointCertificationV1.request.parse(envelope.data);
      return {
        YWBM: YWBM.codes[envelope.type],
        ...head,
        SQNR: {
          JGBM: r.institutionId,
          JGMC: r.institutionName,
          JGLX: JGLX.codes[r.institutionKind],
          SZSDM: r.cityCode,
          ...(r.countyCode ? { SZXDM: r.countyCode } : {}),
          ...(r.address ? { JGDZ: r.address } : {}),
          FWXM: r.servicesOffered.map((s) => ({ KFLB: KFLB.codes[s.area], FWNR: s.interventions.map((i) => FWNR.codes[i]) })),
          ...(r.rehabProfessionalCount !== undefined ? { KFZYRS: r.rehabProfessionalCount } : {}),
        },
      };
    }
    case 'disability-federation.rehab-assistance.v1': {
      const r = rehabAssistanceV1.request.parse(envelope.data);
      return {
        YWBM: YWBM.codes[envelope.type],
        ...head,
        SQNR: {
          HUB_CHILD_ID: r.childId,
          XM: r.name,
          XB: XB.codes[r.gender],
          CSRQ: r.birthDate,
          ...(r.idNumber ? { SFZH: r.idNumber } : {}),
          JGBM: r.institutionId,
          JGMC: r.institutionName,
          ...(r.disabilityCategory ? { CJLB: CJLB.codes[r.disabilityCategory] } : {}),
          ...(r.disabilityGrade !== undefined ? { CJDJ: CJDJ.codes[r.disabilityGrade as keyof typeof CJDJ.codes] } : {}),
          ...(r.disabilityCertificateNumber ? { CJRZH: r.disabilityCertificateNumber } : {}),
          ...(r.rehabNeeds ? { KFXQ: r.rehabNeeds.map((a) => KFLB.codes[a]) } : {}),
        },
      };
    }
    default:
      throw new Error(`the disabled persons' federation has no wire mapping for ${envelope.type}`);
  }
}

export type DisabilityFederationTask =
  | { taskId: string; type: 'disability-federation.rehab-point-certification'; request: CertificationRequest }
  | { taskId: string; type: 'disability-federation.rehab-assistance'; request: AssistanceRequest };

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): DisabilityFederationTask {
  const w = DisabilityFederationWire.parse(wire);
  if (w.YWBM === 'DDJGRD') {
    const q = w.SQNR;
    return {
      taskId: w.SQLSH,
      type: 'disability-federation.rehab-point-certification',
      request: rehabPointCertificationV1.request.parse({
        institutionId: q.JGBM,
        institutionName: q.JGMC,
        institutionKind: JGLX.valueOf(q.JGLX),
        cityCode: q.SZSDM,
        ...(q.SZXDM ? { countyCode: q.SZXDM } : {}),
        ...(q.JGDZ ? { address: q.JGDZ } : {}),
        servicesOffered: q.FWXM.map((s) => ({
          area: KFLB.valueOf(s.KFLB),
          interventions: s.FWNR.map((c) => FWNR.valueOf(c)),
        })),
        ...(q.KFZYRS !== undefined ? { rehabProfessionalCount: q.KFZYRS } : {}),
      }),
    };
  }
  const q = w.SQNR;
  return {
    taskId: w.SQLSH,
    type: 'disability-federation.rehab-assistance',
    request: rehabAssistanceV1.request.parse({
      childId: q.HUB_CHILD_ID,
      name: q.XM,
      gender: XB.valueOf(q.XB),
      birthDate: q.CSRQ,
      ...(q.SFZH ? { idNumber: q.SFZH } : {}),
      institutionId: q.JGBM,
      institutionName: q.JGMC,
      ...(q.CJLB ? { disabilityCategory: CJLB.valueOf(q.CJLB) } : {}),
      ...(q.CJDJ ? { disabilityGrade: Number(q.CJDJ) } : {}),
      ...(q.CJRZH ? { disabilityCertificateNumber: q.CJRZH } : {}),
      ...(q.KFXQ ? { rehabNeeds: q.KFXQ.map((c) => KFLB.valueOf(c)) } : {}),
    }),
  };
}
