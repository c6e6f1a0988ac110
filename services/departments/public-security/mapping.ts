// The Public Security Bureau's wire format, modelled on the population management information system
// (人口管理信息系统): pinyin-initial field names (xm 姓名, xb 性别, csrq 出生日期 as YYYYMMDD, gmsfhm 公民身份号码,
// hh 户号, jgdm/jgmc 机构代码/名称) and code tables. All five task types travel in one envelope told apart by the
// business category `ywlb`. Pure: tested both ways against the contracts.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { defineWireFormat } from '../wire-format.ts';
import { header, isoDate, person, Rq, rq, ryxx, SF, text, XB, YWLB } from './wire-fields.ts';
import { fromPlacementHukouWire, PlacementHukouWire, toPlacementHukouWire } from './placement-hukou-wire.ts';
import { placementHukouV1 } from '../../../contracts/public-security/placement-hukou.v1.ts';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';

type FoundlingRequest = z.infer<typeof foundlingReportV1.request>;
type RegistrationRequest = z.infer<typeof hukouRegistrationV1.request>;
type MigrationRequest = z.infer<typeof hukouMigrationV1.request>;
type DnaRequest = z.infer<typeof dnaComparisonV1.request>;

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
        jsjg: z.optional(text('捡拾经过 (circumstances)')),
      }).check(z.describe('捡拾信息 (the finding)')),
  }).check(z.meta({ title: '捡拾报案 (public-security.foundling-report v1): the pushed body' }));

const RegistrationWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.hukou-registration.v1'),
    ...header,
    ywxx: z
      .strictObject({
        jgdm: text('机构代码 (the institution whose collective household, 集体户, the child joins)'),
        jgmc: text('机构名称 (its name)'),
        ryrq: Rq('入院日期 (admitted on)'),
        fmbx: SF.schema.check(z.describe('父母不详 (parents unknown): 是/否')),
        jsbazmbh: z.optional(text('捡拾报案证明编号 (foundling report certificate number)')),
      }).check(z.describe('落户信息 (the registration)')),
  }).check(z.meta({ title: '户口登记 (public-security.hukou-registration v1): the pushed body' }));

const MigrationWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.hukou-migration.v1'),
    ...header,
    ywxx: z
      .strictObject({
        qchjdz: text('迁出地户籍地址 (hukou address moved from)'),
        hh: z.optional(text('户号 (household number)')),
        qrjgdm: text('迁入机构代码 (institution moved to)'),
        qrdz: z.optional(text('迁入地址 (address moved to)')),
      }).check(z.describe('迁移信息 (the migration)')),
  }).check(z.meta({ title: '户口迁移 (public-security.hukou-migration v1): the pushed body' }));

const DnaWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.dna-comparison.v1'),
    ...header,
    ywxx: z
      .strictObject({
        jgdm: text('机构代码 (where the child can be sampled)'),
        jgmc: text('机构名称 (its name)'),
        jsbazmbh: z.optional(text('捡拾报案证明编号 (the foundling report the sample belongs to)')),
      }).check(z.describe('采血信息 (the sampling)')),
  }).check(z.meta({ title: '采血比对 (public-security.dna-comparison v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '人口管理信息系统 (population management information system)',
  bodies: [
    { contract: foundlingReportV1, schema: FoundlingWire },
    { contract: hukouRegistrationV1, schema: RegistrationWire },
    { contract: hukouMigrationV1, schema: MigrationWire },
    { contract: dnaComparisonV1, schema: DnaWire },
    { contract: placementHukouV1, schema: PlacementHukouWire },
  ],
});

export const PublicSecurityWire = z.discriminatedUnion('ywlb', [FoundlingWire, RegistrationWire, MigrationWire, DnaWire, PlacementHukouWire]);
export type PublicSecurityWire = z.infer<typeof PublicSecurityWire>;

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
    case 'public-security.placement-hukou.v1':
      return toPlacementHukouWire(envelope, head);
    default:
      throw new Error(`public security has no wire mapping for ${envelope.type}`);
  }
}

export type PublicSecurityTask =
  | { taskId: string; type: 'public-security.foundling-report'; request: FoundlingRequest }
  | { taskId: string; type: 'public-security.hukou-registration'; request: RegistrationRequest }
  | { taskId: string; type: 'public-security.hukou-migration'; request: MigrationRequest }
  | { taskId: string; type: 'public-security.dna-comparison'; request: DnaRequest }
  | ReturnType<typeof fromPlacementHukouWire>;

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
    case 'HKAZ':
      return fromPlacementHukouWire(w);
  }
}
