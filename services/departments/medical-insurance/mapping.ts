// The Healthcare Security Bureau's wire format, modelled on the national medical-insurance platform's field
// names (psn_name, gend, brdy, psn_cert_type, certno) and code tables. Pure: tested both ways against the contract.
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { PreEnrollmentRequest, preEnrollmentV1 } from '../../../contracts/medical-insurance/pre-enrollment.v1.ts';
import { codeTable, defineWireFormat } from '../wire-format.ts';

const GEND = codeTable('性别 (gend, GB/T 2261.1)', { male: ['1', '男'], female: ['2', '女'] });
const SUBSIDY = codeTable('资助类别 (subsidy_type): whose personal contribution is subsidised', {
  none: ['00', '不资助'],
  orphan: ['11', '孤儿（含父母不详的儿童）', 'orphan, including a child whose parents are unknown'],
  'factually-unsupported': ['12', '事实无人抚养儿童', 'de-facto unsupported child'],
});
const CERT = codeTable('人员证件类型 (psn_cert_type)', {
  'id-card': ['01', '居民身份证', 'resident identity card'],
  none: ['99', '其他（尚无证件，由机构登记）', 'other: no number yet, registered by the institution'],
});
const INSUTYPE = codeTable('险种类型 (insutype)', {
  resident: ['390', '城乡居民基本医疗保险', "urban and rural residents' basic medical insurance"],
});

const text = (zh: string) => z.string().check(z.describe(zh));

export const MedicalInsuranceWire = z
  .strictObject({
    infno: z.literal('HUB-PRE-ENROLL').check(z.describe('交易编号 (transaction code): a pre-enrollment from the hub')),
    msgid: text('报文ID (message id): the hub’s task id; answer through the hub API with it'),
    inf_time: text('交易时间 (sent at), ISO 8601 with offset'),
    deadline: z.optional(text('办理期限 (deadline), ISO 8601 with offset')),
    input: z
      .strictObject({
        hub_child_id: text('儿童编号: the hub’s child id'),
        psn_name: text('人员姓名 (name)'),
        gend: GEND.schema,
        brdy: text('出生日期 (date of birth), YYYY-MM-DD'),
        psn_cert_type: CERT.schema,
        certno: z.optional(text('证件号码 (identity number): present exactly when psn_cert_type is 01')),
        insutype: INSUTYPE.schema,
        emp_no: text('单位编号 (the welfare institution that enrolls the child)'),
        begndate: text('开始日期 (enrollment due from: the admission date), YYYY-MM-DD'),
        subsidy_type: SUBSIDY.schema,
      }).check(z.describe('交易输入 (the person to enroll)')),
  }).check(z.meta({ title: '医保预参保登记 (medical-insurance.pre-enrollment v1): the pushed body' }));

export const wireFormat = defineWireFormat({
  modelledOn: '国家医疗保障信息平台 (national medical-insurance platform) interface fields',
  bodies: [{ contract: preEnrollmentV1, schema: MedicalInsuranceWire }],
});
export type MedicalInsuranceWire = z.infer<typeof MedicalInsuranceWire>;

export function toWire(envelope: Envelope): MedicalInsuranceWire {
  const r = PreEnrollmentRequest.parse(envelope.data);
  return {
    infno: 'HUB-PRE-ENROLL',
    msgid: envelope.taskid,
    inf_time: envelope.time,
    ...(envelope.deadline ? { deadline: envelope.deadline } : {}),
    input: {
      hub_child_id: r.childId,
      psn_name: r.name,
      gend: GEND.codes[r.gender],
      brdy: r.birthDate,
      psn_cert_type: r.idNumber ? CERT.codes['id-card'] : CERT.codes.none,
      ...(r.idNumber ? { certno: r.idNumber } : {}),
      insutype: INSUTYPE.codes.resident,
      emp_no: r.institutionId,
      begndate: r.admittedOn,
      subsidy_type: SUBSIDY.codes[r.subsidyCategory],
    },
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: string; request: z.infer<typeof PreEnrollmentRequest> } {
  const w = MedicalInsuranceWire.parse(wire);
  return {
    taskId: w.msgid,
    type: 'medical-insurance.pre-enrollment',
    request: PreEnrollmentRequest.parse({
      childId: w.input.hub_child_id,
      name: w.input.psn_name,
      gender: GEND.valueOf(w.input.gend),
      birthDate: w.input.brdy,
      ...(w.input.certno ? { idNumber: w.input.certno } : {}),
      institutionId: w.input.emp_no,
      admittedOn: w.input.begndate,
      subsidyCategory: SUBSIDY.valueOf(w.input.subsidy_type),
    }),
  };
}
