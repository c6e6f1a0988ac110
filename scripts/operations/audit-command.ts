// `hub audit verify [--table <name>]` and `npm run audit:verify` (its options: scripts/cli/program.ts): checks every
// task history's hash chain in the state table (AWS credentials and region, or AWS_ENDPOINT_URL, from the
// environment) and names the first broken link of each broken one. Exit 0 when every chain holds, 1 otherwise.
import type { CommandIo } from '../cli/output.ts';
import { verifyTable } from './audit-verify.ts';
import { requireAwsRegion } from './aws-region.ts';
import { stateTableName, type TableChoice } from './table-name.ts';

export type AuditOptions = TableChoice;

export async function auditVerify(values: AuditOptions, io: CommandIo): Promise<number> {
  const name = stateTableName(values, io.env);
  await requireAwsRegion();
  const report = await verifyTable(name);
  io.stdout(`audit: ${report.tasks} task(s), ${report.entries} history entries checked; ${report.broken.length} broken chain(s)\n`);
  for (const b of report.broken) io.stdout(`  ${b.taskId}: entry ${b.index} (${b.at ?? '?'}): ${b.reason}\n`);
  return report.broken.length ? 1 : 0;
}
