// `hub holidays`: which years the calendar covers, and a year's schedule merged into the override file only when
// it is valid (the file unchanged otherwise).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERRIDES_FILE } from '../../scripts/cli/commands/local.ts';
import { cliDir, hubCli } from './helpers.ts';

const dir = cliDir();
const file = join(dir, 'overrides.json');
copyFileSync(OVERRIDES_FILE, file);
const schedule = (body: object) => {
  const path = join(dir, `s-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(body));
  return path;
};

describe('hub holidays', () => {
  it('adds a year to the override file, which the calendar then counts as official', async () => {
    const before = JSON.parse((await hubCli(['--json', 'holidays', 'show', '--file', file], {})).stdout);
    const year = before.at(-1).year as number;
    expect(before.at(-1)).toMatchObject({ official: false, source: 'weekends-only' });
    const sat = [1, 2, 3, 4, 5, 6, 7].map((d) => `${year}-02-0${d}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    const set = await hubCli(['holidays', 'set', String(year), schedule({ source: '国办发明电', holidays: [`${year}-10-01`, { date: `${year}-10-02`, name: '国庆节' }], workdays: [sat] }), '--file', file], {});
    expect(set.exit, set.stderr).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({ source: '国办发明电', years: [year], workdays: [sat] });
    const after = JSON.parse((await hubCli(['--json', 'holidays', 'show', '--file', file], {})).stdout);
    expect(after.find((c: { year: number }) => c.year === year)).toMatchObject({ official: true, source: 'overrides' });
  });

  it('refuses a bad schedule with exit 2 and one line, leaving the file as it was', async () => {
    const before = readFileSync(file, 'utf8');
    const cases: [object, RegExp][] = [
      [{ holidays: ['2031-02-30'] }, /holidays\.0: not a date YYYY-MM-DD/],
      [{ holidays: ['2030-10-01'] }, /2030-10-01 not in 2031/],
      [{ holidays: ['2031-10-01'], workdays: ['2031-10-01'] }, /listed both as holiday and as workday/],
      [{ holidays: ['2031-10-01'], workdays: ['2031-10-08'] }, /2031-10-08 listed as make-up working days but not a Saturday or Sunday/],
    ];
    const runs = await Promise.all(cases.map(([body]) => hubCli(['holidays', 'set', '2031', schedule(body), '--file', file], {})));
    runs.forEach((r, i) => {
      expect(r.exit).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
