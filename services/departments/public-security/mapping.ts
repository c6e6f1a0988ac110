// The Public Security Bureau's wire format, modelled on the population management information system
// (人口管理信息系统): pinyin-initial field names (xm 姓名, xb 性别, csrq 出生日期 as YYYYMMDD, gmsfhm 公民身份号码,
// hh 户号, jgdm/jgmc 机构代码/名称) and code tables. All four task types travel in one envelope told apart by the
// business category `ywlb`. Pure: tested both ways against the contracts.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';

type FoundlingRequest = z.infer<typeof foundlingReportV1.request>;
type RegistrationRequest = z.infer<typeof hukouRegistrationV1.request>;
type MigrationRequest = z.infer<typeof hukouMigrationV1.request>;
type DnaRequest = z.infer<typeof dnaComparisonV1.request>;

const YWLB = codeTable('业务类别 (business category): which task type the body carries', {
  'public-security.foundling-report.v1': ['JSBA', '捡拾报案', 'foundling report, v1'],
  'public-security.hukou-registration.v1': ['HKLH', '户口登记（落户）', 'hukou registration, v1'],
  'public-security.hukou-migration.v1': ['HKQY', '户口迁移', 'hukou migration, v1'],
  'public-security.dna-comparison.v1': ['CXBD', '采血比对', 'DNA sampling and comparison, v1'],
});
const XB = codeTable('性别 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const SF = codeTable('是否 (yes/no)', { yes: ['1', '是'], no: ['0', '否'] });

const text = (zh: string) => z.string().describe(zh);
/** The population system writes dates as YYYYMMDD. */
const Rq = (zh: string) => z.string().regex(/^\d{8}$/, 'a date as YYYYMMDD').describe(`${zh}, YYYYMMDD`);
const rq = (isoDate: string) => isoDate.replaceAll('-', '');
const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

const Ryxx = z
  .strictObject({
    hub_child_id: text('儿童编号: the hub’s child id'),
    xm: text('姓名 (name)'),
    xb: XB.schema,
    csrq: Rq('出生日期 (date of birth)'),
    gmsfhm: text('公民身份号码 (identity number), when the child has one').optional(),
  })
  .describe('人员信息 (the person the business is about)');

const header = {
  sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
  sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
  bjqx: text('办结期限 (deadline), ISO 8601 with offset').optional(),
  ryxx: Ryxx,
};

const FoundlingWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.foundling-report.v1'),
    ...header,
    ywxx: z
      .strictObject({
        xszjgdm: text('现所在机构代码 (the institution the child is in now)'),
        jsdd: text('捡拾地点 (where the child was found)'),
        jsdxzqh: text('捡拾地行政区划代码 (county division code of that place, GB/T 2260)'),
        jsrq: Rq('捡拾日期 (found on)'),
        jsjg: text('捡拾经过 (circumstances)').optional(),
      })
      .describe('捡拾信息 (the finding)'),
  })
  .meta({ title: '捡拾报案 (public-security.foundling-report v1): the pushed body' });

const RegistrationWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.hukou-registration.v1'),
    ...header,
    ywxx: z
      .strictObject({
        jgdm: text('机构代码 (the institution whose collective household, 集体户, the child joins)'),
        jgmc: text('机构名称 (its name)'),
        ryrq: Rq('入院日期 (admitted on)'),
        fmbx: SF.schema.describe('父母不详 (parents unknown): 是/否'),
        jsbazmbh: text('捡拾报案证明编号 (foundling report certificate number)').optional(),
      })
      .describe('落户信息 (the registration)'),
  })
  .meta({ title: '户口登记 (public-security.hukou-registration v1): the pushed body' });

const MigrationWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.hukou-migration.v1'),
    ...header,
    ywxx: z
      .strictObject({
        qchjdz: text('迁出地户籍地址 (hukou address moved from)'),
        hh: text('户号 (household number)').optional(),
        qrjgdm: text('迁入机构代码 (institution moved to)'),
        qrdz: text('迁入地址 (address moved to)').optional(),
      })
      .describe('迁移信息 (the migration)'),
  })
  .meta({ title: '户口迁移 (public-security.hukou-migration v1): the pushed body' });

const DnaWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.dna-comparison.v1'),
    ...header,
    ywxx: z
      .strictObject({
        jgdm: text('机构代码 (where the child can be sampled)'),
        jgmc: text('机构名称 (its name)'),
        jsbazmbh: text('捡拾报案证明编号 (the foundling report the sample belongs to)').optional(),
      })
      .describe('采血信息 (the sampling)'),
  })
  .meta({ title: '采血比对 (public-security.dna-comparison v1): the pushed body' });

export const wireFormat = defineWireFormat({
  modelledOn: '人口管理信息系统 (population management information system)',
  bodies: [
    { contract: foundlingReportV1, schema: FoundlingWire },
    { contract: hukouRegistrationV1, schema: RegistrationWire },
    { contract: hukouMigrationV1, schema: MigrationWire },
    { contract: dnaComparisonV1, schema: DnaWire },
  ],
});

export const PublicSecurityWire = z.discriminatedUnion('ywlb', [FoundlingWire, RegistrationWire, MigrationWire, DnaWire]);
export type PublicSecurityWire = z.infer<typeof PublicSecurityWire>;

function ryxx(r: { childId: string; name: string; gender: 'male' | 'female'; birthDate: string; idNumber?: string }) {
  return {
    hub_child_id: r.childId,
    xm: r.name,
    xb: XB.codes[r.gender],
    csrq: rq(r.birthDate),
    ...(r.idNumber ? { gmsfhm: r.idNumber } : {}),
  };
}

function person(p: z.infer<typeof Ryxx>) {
  return {
    childId: p.hub_child_id,
    name: p.xm,
    gender: XB.valueOf(p.xb),
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
        ywlb: YWLB.codes[envelope.type],
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
        ywlb: YWLB.codes[envelope.type],
        ...head,
        ryxx: ryxx(r),
        ywxx: {
          jgdm: r.institutionId,
          jgmc: r.institutionName,
          ryrq: rq(r.admittedOn),
          fmbx: r.parentsUnknown ? SF.codes.yes : SF.codes.no,
          ...(r.foundlingCertificateNumber ? { jsbazmbh: r.foundlingCertificateNumber } : {}),
        },
      };
    }
    case 'public-security.hukou-migration.v1': {
      const r = hukouMigrationV1.request.parse(envelope.data);
      return {
        ywlb: YWLB.codes[envelope.type],
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
        ywlb: YWLB.codes[envelope.type],
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
          parentsUnknown: w.ywxx.fmbx === SF.codes.yes,
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
