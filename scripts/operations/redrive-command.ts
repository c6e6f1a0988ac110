// `hub redrive --department <code>` (its options: scripts/cli/program.ts): resumes every task parked in a department's
// dead-letter queue. Queues are found by name (the topology's names, with an optional prefix), so the same command
// works on AWS (credentials and region from the environment), LocalStack and moto (AWS_ENDPOINT_URL: region and test
// credentials default as for `npm start`).
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { ensureEmulatorAwsEnv } from '../local/aws-env.ts';
import { UsageError } from '../cli/client.ts';
import { printer, type CommandIo } from '../cli/output.ts';
import { hubMachine } from '../../services/auth/actor.ts';
import { sqsClient } from '../../services/lib/aws.ts';
import { deadLetterQueueName, departments, findDepartment, queueName } from '../../services/topology.ts';
import { redriveDeadLetters } from './redrive.ts';
import { requireAwsRegion } from './aws-region.ts';
import { stateTableName, type TableChoice } from './table-name.ts';

export interface RedriveOptions extends TableChoice {
  department: string;
}

export const redriveCommand = {
  async run(values: RedriveOptions, io: CommandIo): Promise<number> {
    const dept = findDepartment(values.department);
    if (!dept) throw new UsageError(`--department must be one of ${departments.map((d) => d.code).join(', ')}`);
    ensureEmulatorAwsEnv();
    await requireAwsRegion();
    const prefix = values.prefix ?? '';
    process.env.TABLE_NAME = stateTableName(values, io.env);
    const url = async (name: string) => (await sqsClient().send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    process.env.QUEUE_URLS = JSON.stringify(Object.fromEntries(await Promise.all(departments.map(async (d) => [d.code, await url(`${prefix}${queueName(d.code)}`)]))));
    const dlqUrl = await url(`${prefix}${deadLetterQueueName(dept.code)}`);
    // A progress bar over what the queue holds now (SQS's approximate count), on a terminal only.
    const attributes = await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    const bar = printer(io, false).progress(Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0), `redrive ${dept.code}`);
    const report = await redriveDeadLetters(dlqUrl, hubMachine('redrive-cli'), 1000, () => bar.tick()).finally(() => bar.stop());
    io.stdout(`resumed ${report.resumed.length}, dropped ${report.dropped.length} (task had moved on), left ${report.unreadable} unreadable\n`);
    for (const id of report.resumed) io.stdout(`  resumed ${id}\n`);
    return 0;
  },
};
