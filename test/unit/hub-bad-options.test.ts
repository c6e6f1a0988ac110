// hub migrate's options are commander's, as every other command's: an option it does not take, a missing value or an
// argument is a bad argument, exit 2 with one line naming it (README: exit codes), not a stack and exit 1.
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/hub.ts';

async function run(argv: string[]) {
  let stderr = '';
  let stdout = '';
  const exit = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
  return { exit, stdout, stderr };
}

describe('hub migrate on the command line', () => {
  it.each([
    [['migrate', '--bogus'], /unknown option '--bogus'/],
    [['migrate', '--table'], /'--table <name>' argument missing/],
    [['migrate', 'extra'], /too many arguments/],
  ])('%j: exit 2, named in one line, no stack', async (argv, said) => {
    const r = await run(argv);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(said);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('--help lists its options', async () => {
    const r = await run(['migrate', '--help']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toMatch(/--prefix <p>/);
    expect(r.stdout).toMatch(/--table <name>/);
  });
});
