// The Healthcare Security Bureau's wire format, modelled on the national medical-insurance platform's field
// names (psn_name, gend, brdy, psn_cert_type, certno). Pure: tested both ways against the contract.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { PreEnrollmentRequest } from '../../../contracts/medical-insurance/pre-enrollment.v1.ts';

const GENDER = { male: '1', female: '2' } as const;
/** 00 none, 11 orphan (incl. parents unknown), 12 de-facto unsupported. */
const SUBSIDY = { none: '00', orphan: '11', 'factually-unsupported': '12' } as const;
/** 01 resident identity card; 99 other (no number yet: registered by the institution). */
const CERT_ID_CARD = '01';
const CERT_NONE = '99';
/** Urban and rural residents' basic medical insurance. */
const INSUTYPE_RESIDENT = '390';

export const MedicalInsuranceWire = z.object({
  infno: z.literal('HUB-PRE-ENROLL'),
  msgid: z.string(),
  inf_time: z.string(),
  deadline: z.string().optional(),
  input: z.object({
    hub_child_id: z.string(),
    psn_name: z.string(),
    gend: z.enum(['1', '2']),
    brdy: z.string(),
    psn_cert_type: z.enum([CERT_ID_CARD, CERT_NONE]),
    certno: z.string().optional(),
    insutype: z.literal(INSUTYPE_RESIDENT),
    emp_no: z.string(),
    begndate: z.string(),
    subsidy_type: z.enum(['00', '11', '12']),
  }),
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
      gend: GENDER[r.gender],
      brdy: r.birthDate,
      psn_cert_type: r.idNumber ? CERT_ID_CARD : CERT_NONE,
      ...(r.idNumber ? { certno: r.idNumber } : {}),
      insutype: INSUTYPE_RESIDENT,
      emp_no: r.institutionId,
      begndate: r.admittedOn,
      subsidy_type: SUBSIDY[r.subsidyCategory],
    },
  };
}

/** The department side of the mapping (its simulator and the partner check use it). */
export function fromWire(wire: unknown): { taskId: string; type: string; request: z.infer<typeof PreEnrollmentRequest> } {
  const w = MedicalInsuranceWire.parse(wire);
  const subsidy = Object.entries(SUBSIDY).find(([, code]) => code === w.input.subsidy_type)![0];
  return {
    taskId: w.msgid,
    type: 'medical-insurance.pre-enrollment',
    request: PreEnrollmentRequest.parse({
      childId: w.input.hub_child_id,
      name: w.input.psn_name,
      gender: w.input.gend === '1' ? 'male' : 'female',
      birthDate: w.input.brdy,
      ...(w.input.certno ? { idNumber: w.input.certno } : {}),
      institutionId: w.input.emp_no,
      admittedOn: w.input.begndate,
      subsidyCategory: subsidy,
    }),
  };
}
