// Seeded institutions: the 14 city-level child welfare institutions of Guangxi (DOMAIN.md, Identifiers).
import type { Institution } from '../../contracts/case.ts';

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

export const seededInstitutions: Institution[] = guangxiCities.map((c) => ({
  institutionId: `CWI-${c.code}`,
  kind: 'city-welfare',
  name: `${c.name}市儿童福利院`,
  cityCode: c.code,
}));
