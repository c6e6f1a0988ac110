// `hub migrate [--table <name>]`: moves a state table's tasks to its current layout (decision 0017's inbox key), once
// after the deploy that brings the layout; `npm start` does the same itself on a table kept on disk. Safe to repeat.
import { parseArgs } from 'node:util';
import type { CommandIo } from '../cli/output.ts';
import { table } from '../../services/topology.ts';
import { migrateInboxKeys } from './migrate-inbox-keys.ts';

export const USAGE = `usage: hub migrate [--prefix <p>] [--table <name>]

Rewrites the inbox key of every task still in the state table's first layout (docs/decisions/0017-state-table-v2.md),
in place, without changing the task (AWS credentials and region, or AWS_ENDPOINT_URL, from the environment).

      --prefix <p>    resource name prefix of the deployment (default none)
      --table <name>  state table (default $TABLE_NAME, else ${table.name} with the prefix)
`;

export const migrateCommand = {
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { prefix: { type: 'string', default: '' }, table: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) return io.stdout(USAGE), 0;
    if (positionals.length) {
      io.stderr(`hub migrate: takes no arguments\n${USAGE}`);
      return 2;
    }
    // The state layer reads its table from the environment, as in the Lambda functions.
    process.env.TABLE_NAME = values.table ?? io.env.TABLE_NAME ?? `${values.prefix ?? ''}${table.name}`;
    const moved = await migrateInboxKeys();
    io.stdout(`migrate: ${moved} task(s) moved to the second layout of ${process.env.TABLE_NAME}\n`);
    return 0;
  },
};
