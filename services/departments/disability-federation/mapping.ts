// The Disabled Persons' Federation's wire format, modelled on its disabled children's rehabilitation assistance
// system (残疾儿童康复救助信息系统) and the disability certificate data items: upper-case pinyin-initial field names
// (XM 姓名, XB 性别, CSRQ 出生日期, SFZH 身份证号, CJRZH 残疾人证号, CJLB 残疾类别, CJDJ 残疾等级, KFLB 康复类别)
// with the GB/T 26341 category codes. Both task types travel in one envelope told apart by `YWBM`. Pure.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { rehabAssistanceV1 } from '../../../contracts/disability-federation/rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from '../../../contracts/disability-federation/rehab-point-certification.v1.ts';

type CertificationRequest = z.infer<typeof rehabPointCertificationV1.request>;
type AssistanceRequest = z.infer<typeof rehabAssistanceV1.request>;

/** 业务编码: 定点机构认定 (DDJGRD), 儿童康复救助申请 (ETKFJZ). */
const YWBM = {
  'disability-federation.rehab-point-certification.v1': 'DDJGRD',
  'disability-federation.rehab-assistance.v1': 'ETKFJZ',
} as const;
/** 性别, GB/T 2261.1. */
const XB = { male: '1', female: '2' } as const;
/** 机构类型: 1 设区市级儿童福利机构, 2 县级未成年人救助保护机构. */
const JGLX = { 'city-welfare': '1', 'county-protection': '2' } as const;
/** 残疾类别, GB/T 26341 (the 19th character of a certificate number). */
const CJLB = { visual: '1', hearing: '2', speech: '3', physical: '4', intellectual: '5', mental: '6', multiple: '7' } as const;
/** 残疾等级: 一级 to 四级. */
const CJDJ = { 1: '1', 2: '2', 3: '3', 4: '4' } as const;
/** 康复救助类别: 视力, 听力, 言语, 肢体, 智力, 孤独症. */
const KFLB = { visual: '1', hearing: '2', speech: '3', physical: '4', intellectual: '5', autism: '6' } as const;
/** 服务内容: 01 手术, 02 辅助器具适配, 03 康复训练. */
const FWNR = { surgery: '01', 'assistive-devices': '02', 'rehabilitation-training': '03' } as const;

const codeOf = <T extends Record<string, string>>(table: T, code: string): keyof T =>
  (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code)!;

const header = {
  /** 申请流水号: the hub's task id. */
  SQLSH: z.string(),
  /** 申请时间. */
  SQSJ: z.string(),
  /** 办理时限. */
  BLQX: z.string().optional(),
};

const CertificationWire = z.strictObject({
  YWBM: z.literal(YWBM['disability-federation.rehab-point-certification.v1']),
  ...header,
  /** 申请内容: the applying institution, where it is, and the services it offers (服务项目) per category. */
  SQNR: z.strictObject({
    JGBM: z.string(),
    JGMC: z.string(),
    JGLX: z.enum(JGLX),
    SZSDM: z.string(),
    SZXDM: z.string().optional(),
    JGDZ: z.string().optional(),
    FWXM: z.array(z.strictObject({ KFLB: z.enum(KFLB), FWNR: z.array(z.enum(FWNR)) })),
    KFZYRS: z.int().optional(),
  }),
});

const AssistanceWire = z.strictObject({
  YWBM: z.literal(YWBM['disability-federation.rehab-assistance.v1']),
  ...header,
  /** 申请内容: the child, the institution the child lives in, the certificate facts and rehabilitation needs. */
  SQNR: z.strictObject({
    HUB_CHILD_ID: z.string(),
    XM: z.string(),
    XB: z.enum(XB),
    CSRQ: z.string(),
    SFZH: z.string().optional(),
    JGBM: z.string(),
    JGMC: z.string(),
    CJLB: z.enum(CJLB).optional(),
    CJDJ: z.enum(CJDJ).optional(),
    CJRZH: z.string().optional(),
    KFXQ: z.array(z.enum(KFLB)).optional(),
  }),
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
        YWBM: YWBM[envelope.type],
        ...head,
        SQNR: {
          JGBM: r.institutionId,
          JGMC: r.institutionName,
          JGLX: JGLX[r.institutionKind],
          SZSDM: r.cityCode,
          ...(r.countyCode ? { SZXDM: r.countyCode } : {}),
          ...(r.address ? { JGDZ: r.address } : {}),
          FWXM: r.servicesOffered.map((s) => ({ KFLB: KFLB[s.area], FWNR: s.interventions.map((i) => FWNR[i]) })),
          ...(r.rehabProfessionalCount !== undefined ? { KFZYRS: r.rehabProfessionalCount } : {}),
        },
      };
    }
    case 'disability-federation.rehab-assistance.v1': {
      const r = rehabAssistanceV1.request.parse(envelope.data);
      return {
        YWBM: YWBM[envelope.type],
        ...head,
        SQNR: {
          HUB_CHILD_ID: r.childId,
          XM: r.name,
          XB: XB[r.gender],
          CSRQ: r.birthDate,
          ...(r.idNumber ? { SFZH: r.idNumber } : {}),
          JGBM: r.institutionId,
          JGMC: r.institutionName,
          ...(r.disabilityCategory ? { CJLB: CJLB[r.disabilityCategory] } : {}),
          ...(r.disabilityGrade !== undefined ? { CJDJ: CJDJ[r.disabilityGrade as keyof typeof CJDJ] } : {}),
          ...(r.disabilityCertificateNumber ? { CJRZH: r.disabilityCertificateNumber } : {}),
          ...(r.rehabNeeds ? { KFXQ: r.rehabNeeds.map((a) => KFLB[a]) } : {}),
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
        institutionKind: codeOf(JGLX, q.JGLX),
        cityCode: q.SZSDM,
        ...(q.SZXDM ? { countyCode: q.SZXDM } : {}),
        ...(q.JGDZ ? { address: q.JGDZ } : {}),
        servicesOffered: q.FWXM.map((s) => ({
          area: codeOf(KFLB, s.KFLB),
          interventions: s.FWNR.map((c) => codeOf(FWNR, c)),
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
      gender: codeOf(XB, q.XB),
      birthDate: q.CSRQ,
      ...(q.SFZH ? { idNumber: q.SFZH } : {}),
      institutionId: q.JGBM,
      institutionName: q.JGMC,
      ...(q.CJLB ? { disabilityCategory: codeOf(CJLB, q.CJLB) } : {}),
      ...(q.CJDJ ? { disabilityGrade: Number(q.CJDJ) } : {}),
      ...(q.CJRZH ? { disabilityCertificateNumber: q.CJRZH } : {}),
      ...(q.KFXQ ? { rehabNeeds: q.KFXQ.map((c) => codeOf(KFLB, c)) } : {}),
    }),
  };
}
