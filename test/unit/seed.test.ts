// The seeded institutions cover the whole region: one city institution per prefecture-level city and one county
// minor-protection centre per county-level division, as the division package has them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countyData, packageCities } from '../../scripts/seed/counties.ts';
import { findInstitution } from '../../services/cases/institutions.ts';
import { cityInstitutionOf, guangxiCities, seededInstitutions } from '../../services/seed/institutions.ts';

describe('seeded institutions', () => {
  it('the committed county file is what the division package gives', () => {
    expect(readFileSync('services/seed/county-centres.json', 'utf8')).toBe(countyData());
  });

  it('the 14 cities are the package cities, in code order', () => {
    expect(guangxiCities).toEqual(packageCities());
    expect(guangxiCities).toHaveLength(14);
  });

  it('every city has a city institution and at least one county centre, each under its own city', () => {
    for (const city of guangxiCities) {
      expect(findInstitution(cityInstitutionOf(city.code))).toMatchObject({ kind: 'city-welfare', cityCode: city.code });
      const centres = seededInstitutions.filter((i) => i.kind === 'county-protection' && i.cityCode === city.code);
      expect(centres.length, city.name).toBeGreaterThan(0);
      for (const c of centres) expect(c.countyCode!.slice(0, 4)).toBe(city.code.slice(0, 4));
    }
    expect(seededInstitutions.filter((i) => i.kind === 'county-protection')).toHaveLength(111);
  });

  it('institution ids are unique', () => {
    const ids = seededInstitutions.map((i) => i.institutionId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
