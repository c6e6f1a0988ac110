// `hub audit verify [--table <name>]` and `npm run audit:verify`: checks every task history's hash chain in the
// state table and names the first broken link of each broken one. Exit 0 when every chain holds, 1 otherwise.
import { parseArgs } from 'node:util';
import type { CommandIo } from '../cli/output.ts';
import { table } from '../../services/topology.ts';
import { verifyTable } from './audit-verify.ts';

export const USAGE = `usage: hub audit verify [--prefix <p>] [--table <name>]

Checks the hash chain of every task's history in the state table (AWS credentials and region, or
AWS_ENDPOINT_URL, from the environment). Prints each task whose chain is broken, at its first broken link.

      --prefix <p>    resource name prefix of the deployment (default none)
      --table <name>  state table (default $TABLE_NAME, else ${table.name} with the prefix)
`;

export const auditCommand = {
  name: 'audit',
  summary: "verify the hash chain of every task's history (audit verify)",
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { prefix: { type: 'string', default: '' }, table: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) return io.stdout(USAGE), 0;
    if (positionals[0] !== 'verify' || positionals.length > 1) {
      io.stderr(`hub audit: expected 'verify'\n${USAGE}`);
      return 2;
    }
    const name = values.table ?? io.env.TABLE_NAME ?? `${values.prefix ?? ''}${table.name}`;
    const report = await verifyTable(name);
    io.stdout(`audit: ${report.tasks} task(s), ${report.entries} history entries checked; ${report.broken.length} broken chain(s)\n`);
    for (const b of report.broken) io.stdout(`  ${b.taskId}: entry ${b.index} (${b.at ?? '?'}): ${b.reason}\n`);
    return report.broken.length ? 1 : 0;
  },
};
