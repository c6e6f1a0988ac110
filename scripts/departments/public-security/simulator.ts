// A stand-in Public Security Bureau. It issues the foundling report certificate the day it hears of the child,
// registers the child on the institution's collective household with a new identity number (gender digit and
// birth date the child's, GB 11643 check character), migrates a hukou to the receiving institution's collective
// household or, on coming of age, to the place of placement, and samples and compares blood without a match. Numbers derive from the ids, so answers are stable.
import type * as z from 'zod/mini';
import { gb11643CheckChar } from '../../../contracts/common.ts';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';
import { placementHukouV1 } from '../../../contracts/public-security/placement-hukou.v1.ts';
import { guangxiCities } from '../../../services/seed/institutions.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/public-security/mapping.ts';

type Req<C extends { request: z.ZodMiniType }> = z.infer<C['request']>;
type Res<C extends { result: z.ZodMiniType }> = z.infer<C['result']>;

/** FNV-1a: a stable small number from an id, so the same request always gets the same answer. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

const seq = (id: string, digits: number) => String(hash(id) % 10 ** digits).padStart(digits, '0');
const divisionOf = (institutionId: string) => institutionId.slice(4);
const later = (a: string, b: string) => (a > b ? a : b);

/** 户号 of an institution's collective household (集体户): its division code and a fixed 集体户 series. */
export const collectiveHouseholdNumber = (institutionId: string) => `${divisionOf(institutionId)}901`;

/** The collective household's address, by the institution's name when known, else by its city. */
export function collectiveHukouAddress(institutionId: string, institutionName?: string): string {
  const city = `${divisionOf(institutionId).slice(0, 4)}00`;
  const name = institutionName ?? `${guangxiCities.find((c) => c.code === city)?.name ?? city}市儿童福利院`;
  const province = city.startsWith('45') ? '广西壮族自治区' : '';
  return `${province}${name}集体户`;
}

/** A new identity number: the institution's division, the child's birth date, a sequence odd for a boy, even for a girl. */
export function assignedIdNumber(institutionId: string, birthDate: string, gender: 'male' | 'female', childId: string) {
  const order = String((hash(childId) % 499) * 2 + 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${divisionOf(institutionId)}${birthDate.replaceAll('-', '')}${order}`;
  return first17 + gb11643CheckChar(first17);
}

/** '隆安县城厢镇汽车站候车室' → '隆安县城厢镇派出所': the station of the township where the child was found. */
const stationOf = (foundPlace: string, countyCode: string) => {
  const township = /^(.+?(?:镇|乡|街道))/.exec(foundPlace)?.[1];
  return township ? `${township}派出所` : `${countyCode}公安局城区派出所`;
};

export function foundlingReport(r: Req<typeof foundlingReportV1>, today: string): Res<typeof foundlingReportV1> {
  // A child found "today" in another time zone must not get a certificate dated before the finding.
  const issuedOn = later(today, r.foundOn);
  return {
    certificateNumber: `${r.foundCountyCode}公捡字〔${issuedOn.slice(0, 4)}〕${seq(r.childId, 4)}号`,
    issuedOn,
    policeStation: stationOf(r.foundPlace, r.foundCountyCode),
  };
}

export function hukouRegistration(r: Req<typeof hukouRegistrationV1>, today: string): Res<typeof hukouRegistrationV1> {
  return {
    hukouRegistrationNumber: collectiveHouseholdNumber(r.institutionId),
    address: collectiveHukouAddress(r.institutionId, r.institutionName),
    registeredOn: later(today, r.birthDate),
    idNumber: assignedIdNumber(r.institutionId, r.birthDate, r.gender, r.childId),
  };
}

export function hukouMigration(r: Req<typeof hukouMigrationV1>, today: string): Res<typeof hukouMigrationV1> {
  return {
    outcome: 'migrated',
    newHukouAddress: r.toHukouAddress ?? collectiveHukouAddress(r.toInstitutionId),
    newHukouRegistrationNumber: collectiveHouseholdNumber(r.toInstitutionId),
    migratedOn: today,
  };
}

/** On coming of age: a welfare institution's collective household, or a new household (户) in the village or community. */
export function placementHukou(r: Req<typeof placementHukouV1>, today: string): Res<typeof placementHukouV1> {
  const household = r.welfareInstitutionName ? `${r.welfareInstitutionName}集体户` : r.toAddress;
  return {
    newHukouAddress: household,
    newHukouRegistrationNumber: `${r.toCountyCode}${seq(r.childId, 6)}`,
    migratedOn: today,
  };
}

export function dnaComparison(r: Req<typeof dnaComparisonV1>, today: string): Res<typeof dnaComparisonV1> {
  return {
    sampleId: `XY${divisionOf(r.institutionId)}${today.replaceAll('-', '')}${seq(r.childId, 4)}`,
    sampledOn: today,
    compared: true,
    matchFound: false,
  };
}

export const simulator: DepartmentSimulator = {
  department: 'public-security',
  fromWire,
  results: {
    [foundlingReportV1.type]: (request, today) => foundlingReport(request as Req<typeof foundlingReportV1>, today),
    [hukouRegistrationV1.type]: (request, today) => hukouRegistration(request as Req<typeof hukouRegistrationV1>, today),
    [hukouMigrationV1.type]: (request, today) => hukouMigration(request as Req<typeof hukouMigrationV1>, today),
    [dnaComparisonV1.type]: (request, today) => dnaComparison(request as Req<typeof dnaComparisonV1>, today),
    [placementHukouV1.type]: (request, today) => placementHukou(request as Req<typeof placementHukouV1>, today),
  },
};
