// What every public-security body shares (modelled on 人口管理信息系统): the business category code table, the person
// block and the request header, and the date and code conversions. mapping.ts and the per-type wire files use them.
import * as z from 'zod/mini';
import { codeTable } from '../wire-format.ts';

export const YWLB = codeTable('业务类别 (business category): which task type the body carries', {
  'public-security.foundling-report.v1': ['JSBA', '捡拾报案', 'foundling report, v1'],
  'public-security.hukou-registration.v1': ['HKLH', '户口登记（落户）', 'hukou registration, v1'],
  'public-security.hukou-migration.v1': ['HKQY', '户口迁移', 'hukou migration, v1'],
  'public-security.dna-comparison.v1': ['CXBD', '采血比对', 'DNA sampling and comparison, v1'],
  'public-security.placement-hukou.v1': ['HKAZ', '户口迁移（成年安置）', 'hukou moved to the place of placement, v1'],
});
export const XB = codeTable('性别 (gender, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
export const SF = codeTable('是否 (yes/no)', { yes: ['1', '是'], no: ['0', '否'] });

export const text = (zh: string) => z.string().check(z.describe(zh));
/** The population system writes dates as YYYYMMDD. */
export const Rq = (zh: string) => z.string().check(z.regex(/^\d{8}$/, 'a date as YYYYMMDD'), z.describe(`${zh}, YYYYMMDD`));
export const rq = (isoDate: string) => isoDate.replaceAll('-', '');
export const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

export const Ryxx = z
  .strictObject({
    hub_child_id: text('儿童编号: the hub’s child id'),
    xm: text('姓名 (name)'),
    xb: XB.schema,
    csrq: Rq('出生日期 (date of birth)'),
    gmsfhm: z.optional(text('公民身份号码 (identity number), when the child has one')),
  }).check(z.describe('人员信息 (the person the business is about)'));

export const header = {
  sqbh: text('申请编号 (application number): the hub’s task id; answer through the hub API with it'),
  sqsj: text('申请时间 (requested at), ISO 8601 with offset'),
  bjqx: z.optional(text('办结期限 (deadline), ISO 8601 with offset')),
  ryxx: Ryxx,
};

export function ryxx(r: { childId: string; name: string; gender: 'male' | 'female'; birthDate: string; idNumber?: string }) {
  return {
    hub_child_id: r.childId,
    xm: r.name,
    xb: XB.codes[r.gender],
    csrq: rq(r.birthDate),
    ...(r.idNumber ? { gmsfhm: r.idNumber } : {}),
  };
}

export function person(p: z.infer<typeof Ryxx>) {
  return {
    childId: p.hub_child_id,
    name: p.xm,
    gender: XB.valueOf(p.xb),
    birthDate: isoDate(p.csrq),
    ...(p.gmsfhm ? { idNumber: p.gmsfhm } : {}),
  };
}

