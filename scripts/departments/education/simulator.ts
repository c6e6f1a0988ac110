// A stand-in Education Bureau. It places a child near the institution the child lives in: a disabled child in
// the special-education school, any other in the regular school of the level (二(五)), with record number G +
// identity number, or J + a code the record system generates for a child without one. A record transfer keeps a
// formal number (一人一号、终身不变) and replaces only a temporary L number. Deterministic from the request.
import type * as z from 'zod/mini';
import { gb11643CheckChar } from '../../../contracts/common.ts';
import { schoolPlacementV1 } from '../../../contracts/education/school-placement.v1.ts';
import { schoolRecordTransferV1 } from '../../../contracts/education/school-record-transfer.v1.ts';
import { isFormalStudentRecordNumber, type SchoolLevel } from '../../../contracts/education/fields.ts';
import { guangxiCities } from '../../../services/seed/institutions.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/education/mapping.ts';

type PlacementRequest = z.infer<typeof schoolPlacementV1.request>;
type PlacementResult = z.infer<typeof schoolPlacementV1.result>;
type TransferRequest = z.infer<typeof schoolRecordTransferV1.request>;
type TransferResult = z.infer<typeof schoolRecordTransferV1.result>;

const REGULAR_SCHOOL: Record<z.infer<typeof SchoolLevel>, string> = {
  kindergarten: '实验幼儿园',
  primary: '实验小学',
  'junior-secondary': '第一初级中学',
  'senior-secondary': '第一高级中学',
};

/** FNV-1a: a stable small number from an id, so the same request always gets the same answer. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

/** A J number: identity-number-shaped (division, birth date, sequence, check character), as the system issues. */
export function generatedRecordNumber(divisionCode: string, birthDate: string, childId: string): string {
  const first17 = `${divisionCode}${birthDate.replaceAll('-', '')}${String(hash(childId) % 1000).padStart(3, '0')}`;
  return `J${first17}${gb11643CheckChar(first17)}`;
}

/** The level a child of that age is in when staff did not say (school starts the September after 6). */
function levelByAge(birthDate: string, today: string): z.infer<typeof SchoolLevel> {
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
  return age < 6 ? 'kindergarten' : age < 12 ? 'primary' : age < 15 ? 'junior-secondary' : 'senior-secondary';
}

/** '南宁市儿童福利院' → '南宁市': schools are named after the place, the child is placed near the institution. */
const placeOf = (institutionName: string) =>
  institutionName.replace(/(儿童福利院|社会福利院|儿童福利中心|未成年人救助保护中心).*$/, '') || institutionName;

const cityOf = (institutionId: string) => {
  const city = `${institutionId.slice(4, 8)}00`;
  return `${guangxiCities.find((c) => c.code === city)?.name ?? city}市`;
};

export function placement(r: PlacementRequest, today: string): PlacementResult {
  const place = placeOf(r.institutionName);
  return {
    schoolName: r.disabled ? `${place}特殊教育学校` : `${place}${REGULAR_SCHOOL[r.level ?? levelByAge(r.birthDate, today)]}`,
    mode: r.disabled ? 'special-education-school' : 'regular-school',
    studentRecordNumber: r.idNumber
      ? `G${r.idNumber}`
      : generatedRecordNumber(r.institutionId.slice(4), r.birthDate, r.childId),
    startDate: today,
  };
}

export function transfer(r: TransferRequest, today: string): TransferResult {
  const formal = isFormalStudentRecordNumber(r.studentRecordNumber);
  return {
    newSchoolName: `${cityOf(r.toInstitutionId)}实验学校`,
    studentRecordNumber: formal
      ? r.studentRecordNumber
      : r.idNumber
        ? `G${r.idNumber}`
        : generatedRecordNumber(r.toInstitutionId.slice(4), r.birthDate, r.childId),
    effectiveDate: today,
  };
}

export const simulator: DepartmentSimulator = {
  department: 'education',
  fromWire,
  results: {
    [schoolPlacementV1.type]: (request, today) => placement(request as PlacementRequest, today),
    [schoolRecordTransferV1.type]: (request, today) => transfer(request as TransferRequest, today),
  },
};
