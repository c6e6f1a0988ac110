// vitest globalSetup: one DynamoDB Local (in memory) and one fauxqs for the whole run, on free ports, in the
// main vitest process. Test files share them and isolate by name prefix (test/helpers/emulators.ts).
// With AWS_ENDPOINT_URL set (LocalStack, moto_server) nothing starts and everything points there, and the tables and
// queues the run created are removed when it ends (test/setup/run-resources.ts).
// With HUB_STACK_OUTPUTS set and no AWS_ENDPOINT_URL (a stack deployed on AWS), nothing starts and nothing is
// provided: the suite only calls that stack's API (test/helpers/target.ts), and the tests that would need an
// emulator skip themselves.
//
// Endpoints reach the tests two ways: `provide` (read with `inject`), and environment variables, which the
// workers inherit because they are created after this runs. The variables are what lets code under test build
// plain `new DynamoDBClient({})` clients: AWS SDK v3 reads AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS
// (service-specific endpoints, checked in test/local/sdk-env.test.ts). SQS clients still need
// `useQueueUrlAsEndpoint: false`, because fauxqs' queue URLs name a host that does not resolve.
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/local/dynamodb-local.ts';
import { startSqsLocal, type SqsLocal } from '../../scripts/local/sqs-local.ts';
import { newRunId, removeRunResources, RUN_ID_ENV } from './run-resources.ts';

export interface EmulatorConfig {
  /** embedded: started here; external: AWS_ENDPOINT_URL. */
  mode: 'embedded' | 'external';
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: EmulatorConfig;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.AWS_ENDPOINT_URL;
  if (!external && process.env.HUB_STACK_OUTPUTS) return async () => {};
  let dynamodb: DynamoDbLocal | undefined;
  let sqs: SqsLocal | undefined;
  let config: EmulatorConfig;

  if (external) {
    config = {
      mode: 'external',
      dynamodbEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? external,
      sqsEndpoint: process.env.AWS_ENDPOINT_URL_SQS ?? external,
      region: process.env.AWS_REGION ?? 'us-east-1',
      // LocalStack's conventional fakes, unless the user brought credentials (for example for a LocalStack Pro token).
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    };
  } else {
    const started = await Promise.allSettled([startDynamoDbLocal(), startSqsLocal()]);
    if (started[0].status === 'fulfilled') dynamodb = started[0].value;
    if (started[1].status === 'fulfilled') sqs = started[1].value;
    const failed = started.find((s) => s.status === 'rejected');
    if (failed || !dynamodb || !sqs) {
      await Promise.all([dynamodb?.stop(), sqs?.stop()]);
      throw (failed as PromiseRejectedResult | undefined)?.reason ?? new Error('Emulators did not start');
    }
    config = {
      mode: 'embedded',
      dynamodbEndpoint: dynamodb.endpoint,
      sqsEndpoint: sqs.endpoint,
      region: 'us-east-1',
      // Fakes, always: real credentials have no business in requests to a local emulator.
      accessKeyId: 'test',
      secretAccessKey: 'test',
    };
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
  }

  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: config.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: config.sqsEndpoint,
    AWS_REGION: config.region,
    AWS_DEFAULT_REGION: config.region,
    AWS_ACCESS_KEY_ID: config.accessKeyId,
    AWS_SECRET_ACCESS_KEY: config.secretAccessKey,
  });
  project.provide('emulators', config);
  // On an external endpoint the run's tables and queues outlive it unless removed: every test prefix names the run.
  const runId = newRunId();
  process.env[RUN_ID_ENV] = runId;

  return async () => {
    if (config.mode === 'external') {
      const removed = await removeRunResources(config, runId);
      console.log(`test run ${runId}: removed ${removed.tables.length} table(s) and ${removed.queues.length} queue(s) it created at ${external}`);
    }
    await Promise.all([dynamodb?.stop(), sqs?.stop()]);
  };
}
