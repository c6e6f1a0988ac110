// Scenario 3 of docs/reliability.md: the emulators restarted under a running hub. DynamoDB Local keeps its table on
// disk (`-dbPath`), so a restart loses nothing written; fauxqs keeps its queues in memory, so a restart loses every
// queue with what it held (waiting messages, retries in their backoff, dead letters) until the queues are provisioned
// again, as the runtime does at each start. Both come back on the same port: the hub's clients never learn of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local/dynamodb-local.ts';
import { freePort, sleep } from '../local/ports.ts';
import { provision, type ProvisionOptions } from '../local/provision.ts';
import { startSqsLocal, type SqsLocal } from '../local/sqs-local.ts';

export interface RestartableEmulators {
  endpoints: { dynamodb: string; sqs: string };
  /** Kills DynamoDB Local (SIGKILL, no grace), leaves it down `downMs`, starts it again on the same files and port. */
  restartDynamoDb(downMs: number): Promise<void>;
  /** Stops fauxqs, leaves it down `downMs`, starts it again on the same port and provisions the queues again. */
  restartSqs(downMs: number, queues: ProvisionOptions): Promise<void>;
  /** How many times each was restarted. */
  readonly restarts: { dynamodb: number; sqs: number };
  stop(): Promise<void>;
}

export async function startRestartableEmulators(): Promise<RestartableEmulators> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-emulators-'));
  let db: DynamoDbLocal = await startDynamoDbLocal({ dataDir });
  let sqs: SqsLocal = await startSqsLocal({ port: await freePort() });
  const endpoints = { dynamodb: db.endpoint, sqs: sqs.endpoint };
  const restarts = { dynamodb: 0, sqs: 0 };
  return {
    endpoints,
    restarts,
    async restartDynamoDb(downMs) {
      await db.stop(0);
      await sleep(downMs);
      db = await startDynamoDbLocal({ dataDir, port: db.port });
      restarts.dynamodb++;
    },
    async restartSqs(downMs, queues) {
      await sqs.stop();
      await sleep(downMs);
      sqs = await startSqsLocal({ port: sqs.port });
      // The runtime's own start-up step (scripts/local/hub.ts), with the options the hub was started with.
      const clients = { dynamodb: new DynamoDBClient({ endpoint: endpoints.dynamodb }), sqs: new SQSClient({ endpoint: endpoints.sqs, useQueueUrlAsEndpoint: false }) };
      try {
        await provision(clients, queues);
      } finally {
        clients.dynamodb.destroy();
        clients.sqs.destroy();
      }
      restarts.sqs++;
    },
    async stop() {
      await Promise.all([db.stop(), sqs.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
