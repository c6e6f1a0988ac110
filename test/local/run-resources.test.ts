// The end of a test run on an external endpoint removes the tables and queues the run created, and nothing else
// (test/setup/run-resources.ts): shown here on this run's endpoints with two made-up run ids, so that it is proved on
// DynamoDB Local + fauxqs by `npm test` and on moto by `npm run test:moto`, where the global teardown also runs it.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { provision } from '../../scripts/local/provision.ts';
import { departments, readAudit } from '../../services/topology.ts';
import { emulatorConfig, hasEmulators, sdkClients, uniquePrefix } from '../helpers/emulators.ts';
import { ofRun, removeRunResources } from '../setup/run-resources.ts';

const exists = {
  table: (TableName: string) => sdkClients().dynamodb.send(new DescribeTableCommand({ TableName })).then(() => true, () => false),
  queue: (QueueName: string) => sdkClients().sqs.send(new GetQueueUrlCommand({ QueueName })).then(() => true, () => false),
};

describe.skipIf(!hasEmulators())('the run\'s own resources', () => {
  it('names every test prefix after the run, and matches no other run\'s', () => {
    expect(uniquePrefix('hub', 'beef')).toMatch(ofRun('beef'));
    expect(uniquePrefix('hub', 'beef')).not.toMatch(ofRun('bee0'));
    expect('hub-state').not.toMatch(ofRun('beef'));
  });

  it('removes the tables and queues of its run, leaving another run\'s', async () => {
    const [mine, other] = [uniquePrefix('cleanup', 'c1ea'), uniquePrefix('cleanup', 'c2ea')];
    const [a, b] = await Promise.all([mine, other].map((prefix) => provision(sdkClients(), { prefix, visibilityTimeoutSeconds: 2 })));
    const removed = await removeRunResources(emulatorConfig(), 'c1ea');
    expect(removed.tables).toEqual([a!.tableName]);
    const queues = [...departments.map((d) => `hub-${d.code}`), readAudit.queueName].flatMap((q) => [`${mine}${q}`, `${mine}${q}-dlq`]);
    expect(removed.queues.sort()).toEqual(queues.sort());
    expect(await exists.table(a!.tableName)).toBe(false);
    expect(await exists.queue(`${mine}hub-${departments[0]!.code}`)).toBe(false);
    expect(await exists.table(b!.tableName)).toBe(true);
    expect(await exists.queue(`${other}hub-${departments[0]!.code}`)).toBe(true);
    await removeRunResources(emulatorConfig(), 'c2ea');
    expect(await exists.table(b!.tableName)).toBe(false);
  });
});
