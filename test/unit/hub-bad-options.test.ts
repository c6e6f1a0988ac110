// hub migrate's options are commander's, as every other command's: an option it does not take, a missing value or an
// argument is a bad argument, exit 2 with one line naming it (README: exit codes), not a stack and exit 1.
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/hub.ts';
import { stateTableName } from '../../scripts/operations/table-name.ts';
import { table } from '../../services/topology.ts';

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

describe("the operator commands' state table", () => {
  const env = { TABLE_NAME: 'exported-hub-state' };
  it('is what the operator typed for this run before what the environment holds', () => {
    expect(stateTableName({ table: 'typed', prefix: 'p-' }, env)).toBe('typed');
    expect(stateTableName({ prefix: 'prod-' }, env)).toBe(`prod-${table.name}`);
    // An empty prefix typed on purpose names the unprefixed deployment's table, not the exported one.
    expect(stateTableName({ prefix: '' }, env)).toBe(table.name);
    expect(stateTableName({}, env)).toBe('exported-hub-state');
    expect(stateTableName({}, {})).toBe(table.name);
  });

  it.each([['migrate'], ['audit', 'verify'], ['redrive']])('%j --help says that --table and --prefix beat $TABLE_NAME', async (...command) => {
    const r = await run([...command, '--help']);
    expect(r.exit).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--prefix <p> .*\(beats \$TABLE_NAME\)/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--table <name> .*\(beats --prefix and \$TABLE_NAME\)/);
  });
});
