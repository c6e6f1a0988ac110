// `hub redrive --department <code>`: resumes every task parked in a department's dead-letter queue.
// Queues are found by name (the topology's names, with an optional prefix), so the same command works on
// AWS (credentials and region from the environment), LocalStack and moto (AWS_ENDPOINT_URL: region and test
// credentials default as for `npm start`).
import { parseArgs } from 'node:util';
import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { ensureEmulatorAwsEnv } from '../local/aws-env.ts';
import type { CommandIo } from '../partner-check/command.ts';
import { hubMachine } from '../../services/auth/actor.ts';
import { sqsClient } from '../../services/lib/aws.ts';
import { deadLetterQueueName, departments, findDepartment, queueName, table } from '../../services/topology.ts';
import { redriveDeadLetters } from './redrive.ts';

export const USAGE = `usage: hub redrive --department <code> [--prefix <p>] [--table <name>]

Resumes every task parked in the department's dead-letter queue: each goes back to the department's queue
from its current state, and its history records who resumed it. Messages that are not task envelopes stay.

  -d, --department <code>  ${departments.map((d) => d.code).join(' | ')}
      --prefix <p>         resource name prefix of the deployment (default none)
      --table <name>       state table (default $TABLE_NAME, else ${table.name} with the prefix)
`;

export const redriveCommand = {
  name: 'redrive',
  summary: "resume the tasks parked in a department's dead-letter queue",
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: { department: { type: 'string', short: 'd' }, prefix: { type: 'string', default: '' }, table: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) return io.stdout(USAGE), 0;
    const dept = findDepartment(values.department ?? '');
    if (!dept) {
      io.stderr(`hub redrive: --department must be one of ${departments.map((d) => d.code).join(', ')}\n`);
      return 2;
    }
    ensureEmulatorAwsEnv();
    const prefix = values.prefix ?? '';
    process.env.TABLE_NAME = values.table ?? io.env.TABLE_NAME ?? `${prefix}${table.name}`;
    const url = async (name: string) => (await sqsClient().send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    process.env.QUEUE_URLS = JSON.stringify(Object.fromEntries(await Promise.all(departments.map(async (d) => [d.code, await url(`${prefix}${queueName(d.code)}`)]))));
    const report = await redriveDeadLetters(await url(`${prefix}${deadLetterQueueName(dept.code)}`), hubMachine('redrive-cli'));
    io.stdout(`resumed ${report.resumed.length}, dropped ${report.dropped.length} (task had moved on), left ${report.unreadable} unreadable\n`);
    for (const id of report.resumed) io.stdout(`  resumed ${id}\n`);
    return 0;
  },
};
