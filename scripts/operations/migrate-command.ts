// `hub migrate [--prefix <p>] [--table <name>]` (its options: scripts/cli/program.ts): moves a state table's tasks to
// its current layout (decision 0017's inbox key), once after the deploy that brings the layout; `npm start` does the
// same itself on a table kept on disk. AWS credentials and region, or AWS_ENDPOINT_URL, from the environment. Safe to
// repeat.
import type { CommandIo } from '../cli/output.ts';
import { migrateInboxKeys } from './migrate-inbox-keys.ts';
import { requireAwsRegion } from './aws-region.ts';
import { stateTableName, type TableChoice } from './table-name.ts';

export type MigrateOptions = TableChoice;

export async function migrateTable(values: MigrateOptions, io: CommandIo): Promise<number> {
  // The state layer reads its table from the environment, as in the Lambda functions.
  process.env.TABLE_NAME = stateTableName(values, io.env);
  await requireAwsRegion();
  const moved = await migrateInboxKeys();
  io.stdout(`migrate: ${moved} task(s) moved to the second layout of ${process.env.TABLE_NAME}\n`);
  return 0;
}
