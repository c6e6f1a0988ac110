// The Public Security Bureau's wire format, modelled on the population management information system
// (人口管理信息系统): pinyin-initial field names (xm 姓名, xb 性别, csrq 出生日期 as YYYYMMDD, gmsfhm 公民身份号码,
// hh 户号, jgdm/jgmc 机构代码/名称) and code tables. All four task types travel in one envelope told apart by the
// business category `ywlb`. Pure: tested both ways against the contracts.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';

type FoundlingRequest = z.infer<typeof foundlingReportV1.request>;
type RegistrationRequest = z.infer<typeof hukouRegistrationV1.request>;
type MigrationRequest = z.infer<typeof hukouMigrationV1.request>;
type DnaRequest = z.infer<typeof dnaComparisonV1.request>;

/** 业务类别: 捡拾报案 (JSBA), 户口登记/落户 (HKLH), 户口迁移 (HKQY), 采血比对 (CXBD). */
const YWLB = {
  'public-security.foundling-report.v1': 'JSBA',
  'public-security.hukou-registration.v1': 'HKLH',
  'public-security.hukou-migration.v1': 'HKQY',
  'public-security.dna-comparison.v1': 'CXBD',
} as const;
/** 性别, GB/T 2261.1: 1 男, 2 女. */
const XB = { male: '1', female: '2' } as const;
/** 是/否 (父母不详). */
const SF = { yes: '1', no: '0' } as const;

const codeOf = <T extends Record<string, string>>(table: T, code: string): keyof T =>
  (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code)!;

/** The population system writes dates as YYYYMMDD. */
const Rq = z.string().regex(/^\d{8}$/, 'a date as YYYYMMDD');
const rq = (isoDate: string) => isoDate.replaceAll('-', '');
const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** 人员信息: the person the business is about. */
const Ryxx = z.strictObject({
  hub_child_id: z.string(),
  xm: z.string(),
  xb: z.enum(XB),
  csrq: Rq,
  gmsfhm: z.string().optional(),
});

const header = {
  /** 申请编号: the hub's task id. */
  sqbh: z.string(),
  /** 申请时间. */
  sqsj: z.string(),
  /** 办结期限. */
  bjqx: z.string().optional(),
  ryxx: Ryxx,
};

const FoundlingWire = z.strictObject({
  ywlb: z.literal(YWLB['public-security.foundling-report.v1']),
  ...header,
  /** 捡拾信息: 现所在机构, 捡拾地点, 捡拾地行政区划, 捡拾日期, 捡拾经过. */
  ywxx: z.strictObject({
    xszjgdm: z.string(),
    jsdd: z.string(),
    jsdxzqh: z.string(),
    jsrq: Rq,
    jsjg: z.string().optional(),
  }),
});

const RegistrationWire = z.strictObject({
  ywlb: z.literal(YWLB['public-security.hukou-registration.v1']),
  ...header,
  /** 落户信息: the institution whose collective household (集体户) the child joins, 入院日期, 父母不详, 捡拾报案证明编号. */
  ywxx: z.strictObject({
    jgdm: z.string(),
    jgmc: z.string(),
    ryrq: Rq,
    fmbx: z.enum(SF),
    jsbazmbh: z.string().optional(),
  }),
});

const MigrationWire = z.strictObject({
  ywlb: z.literal(YWLB['public-security.hukou-migration.v1']),
  ...header,
  /** 迁移信息: 迁出地户籍地址, 户号, 迁入机构, 迁入地址. */
  ywxx: z.strictObject({
    qchjdz: z.string(),
    hh: z.string().optional(),
    qrjgdm: z.string(),
    qrdz: z.string().optional(),
  }),
});

const DnaWire = z.strictObject({
  ywlb: z.literal(YWLB['public-security.dna-comparison.v1']),
  ...header,
  /** 采血信息: where the child can be sampled, and the foundling report the sample belongs to. */
  ywxx: z.strictObject({ jgdm: z.string(), jgmc: z.string(), jsbazmbh: z.string().optional() }),
});

export const PublicSecurityWire = z.discriminatedUnion('ywlb', [FoundlingWire, RegistrationWire, MigrationWire, DnaWire]);
export type PublicSecurityWire = z.infer<typeof PublicSecurityWire>;

function ryxx(r: { childId: string; name: string; gender: 'male' | 'female'; birthDate: string; idNumber?: string }) {
  return {
    hub_child_id: r.childId,
    xm: r.name,
    xb: XB[r.gender],
    csrq: rq(r.birthDate),
    ...(r.idNumber ? { gmsfhm: r.idNumber } : {}),
  };
}

function person(p: z.infer<typeof Ryxx>) {
  return {
    childId: p.hub_child_id,
    name: p.xm,
    gender: codeOf(XB, p.xb),
    birthDate: isoDate(p.csrq),
    ...(p.gmsfhm ? { idNumber: p.gmsfhm } : {}),
  };
}

export function toWire(envelope: Envelope): PublicSecurityWire {
  if (envelope.department !== 'public-security') {
    throw new Error(`an envelope for ${envelope.department} is not for public security`);
  }
  const head = {
    sqbh: envelope.taskid,
    sqsj: envelope.time,
    ...(envelope.deadline ? { bjqx: envelope.deadline } : {}),
  };
  switch (envelope.type) {
    case 'public-security.foundling-report.v1': {
      const r = foundlingReportV1.request.parse(envelope.data);
      return {
        ywlb: YWLB[envelope.type],
        ...head,
        ryxx: ryxx(r),
        ywxx: {
          xszjgdm: r.institutionId,
          jsdd: r.foundPlace,
          jsdxzqh: r.foundCountyCode,
          jsrq: rq(r.foundOn),
          ...(r.circumstances ? { jsjg: r.circumstances } : {}),
        },
      };
    }
    case 'public-security.hukou-registration.v1': {
      const r = hukouRegistrationV1.request.parse(envelope.data);
      return {
        ywlb: YWLB[envelope.type],
        ...head,
        ryxx: ryxx(r),
        ywxx: {
          jgdm: r.institutionId,
          jgmc: r.institutionName,
          ryrq: rq(r.admittedOn),
          fmbx: r.parentsUnknown ? SF.yes : SF.no,
          ...(r.foundlingCertificateNumber ? { jsbazmbh: r.foundlingCertificateNumber } : {}),
        },
      };
    }
    case 'public-security.hukou-migration.v1': {
      const r = hukouMigrationV1.request.parse(envelope.data);
      return {
        ywlb: YWLB[envelope.type],
        ...head,
        ryxx: ryxx(r),
        ywxx: {
          qchjdz: r.fromHukouAddress,
          ...(r.hukouRegistrationNumber ? { hh: r.hukouRegistrationNumber } : {}),
          qrjgdm: r.toInstitutionId,
          ...(r.toHukouAddress ? { qrdz: r.toHukouAddress } : {}),
        },
      };
    }
    case 'public-security.dna-comparison.v1': {
      const r = dnaComparisonV1.request.parse(envelope.data);
      return {
        ywlb: YWLB[envelope.type],
        ...head,
        ryxx: ryxx(r),
        ywxx: {
          jgdm: r.institutionId,
          jgmc: r.institutionName,
          ...(r.foundlingCertificateNumber ? { jsbazmbh: r.foundlingCertificateNumber } : {}),
        },
      };
    }
    default:
      throw new Error(`public security has no wire mapping for ${envelope.type}`);
  }
}

export type PublicSecurityTask =
  | { taskId: string; type: 'public-security.foundling-report'; request: FoundlingRequest }
  | { taskId: string; type: 'public-security.hukou-registration'; request: RegistrationRequest }
  | { taskId: string; type: 'public-security.hukou-migration'; request: MigrationRequest }
  | { taskId: string; type: 'public-security.dna-comparison'; request: DnaRequest };

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): PublicSecurityTask {
  const w = PublicSecurityWire.parse(wire);
  const taskId = w.sqbh;
  switch (w.ywlb) {
    case 'JSBA':
      return {
        taskId,
        type: 'public-security.foundling-report',
        request: foundlingReportV1.request.parse({
          ...person(w.ryxx),
          institutionId: w.ywxx.xszjgdm,
          foundPlace: w.ywxx.jsdd,
          foundCountyCode: w.ywxx.jsdxzqh,
          foundOn: isoDate(w.ywxx.jsrq),
          ...(w.ywxx.jsjg ? { circumstances: w.ywxx.jsjg } : {}),
        }),
      };
    case 'HKLH':
      return {
        taskId,
        type: 'public-security.hukou-registration',
        request: hukouRegistrationV1.request.parse({
          ...person(w.ryxx),
          institutionId: w.ywxx.jgdm,
          institutionName: w.ywxx.jgmc,
          admittedOn: isoDate(w.ywxx.ryrq),
          parentsUnknown: w.ywxx.fmbx === SF.yes,
          ...(w.ywxx.jsbazmbh ? { foundlingCertificateNumber: w.ywxx.jsbazmbh } : {}),
        }),
      };
    case 'HKQY':
      return {
        taskId,
        type: 'public-security.hukou-migration',
        request: hukouMigrationV1.request.parse({
          ...person(w.ryxx),
          fromHukouAddress: w.ywxx.qchjdz,
          ...(w.ywxx.hh ? { hukouRegistrationNumber: w.ywxx.hh } : {}),
          toInstitutionId: w.ywxx.qrjgdm,
          ...(w.ywxx.qrdz ? { toHukouAddress: w.ywxx.qrdz } : {}),
        }),
      };
    case 'CXBD':
      return {
        taskId,
        type: 'public-security.dna-comparison',
        request: dnaComparisonV1.request.parse({
          ...person(w.ryxx),
          institutionId: w.ywxx.jgdm,
          institutionName: w.ywxx.jgmc,
          ...(w.ywxx.jsbazmbh ? { foundlingCertificateNumber: w.ywxx.jsbazmbh } : {}),
        }),
      };
  }
}
