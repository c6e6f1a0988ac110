// Test-side access to the emulators started by test/setup/emulators.ts. Test files run in parallel against the
// same emulators, so each provisions its own table and queues under a unique prefix.
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import { provision, type ProvisionOptions, type Provisioned } from '../../scripts/local/provision.ts';
import type { EmulatorConfig } from '../setup/emulators.ts';
import { RUN_ID_ENV } from '../setup/run-resources.ts';

export type { EmulatorConfig };

/** False when the global setup provided none (a run against a deployed stack): emulator tests skip themselves. */
export function hasEmulators(): boolean {
  return (inject('emulators') as EmulatorConfig | undefined) !== undefined;
}

export function emulatorConfig(): EmulatorConfig {
  const config = inject('emulators');
  if (!config) throw new Error('No emulators: run through vitest with globalSetup test/setup/emulators.ts');
  return config;
}

export interface SdkClients {
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
}

let shared: SdkClients | undefined;

/** Clients aimed at the emulators. Shared within a test file: do not destroy them. */
export function sdkClients(): SdkClients {
  return (shared ??= newSdkClients());
}

/** Fresh clients, for tests that count requests or need their own connection pool. */
export function newSdkClients(): SdkClients {
  const c = emulatorConfig();
  const credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
  return {
    dynamodb: new DynamoDBClient({ endpoint: c.dynamodbEndpoint, region: c.region, credentials }),
    // fauxqs' queue URLs do not resolve; without this the SDK would send to them.
    sqs: new SQSClient({ endpoint: c.sqsEndpoint, region: c.region, credentials, useQueueUrlAsEndpoint: false }),
  };
}

/**
 * `<label>-<run id><6 hex>-`: unique per call, valid in table and queue names, and naming the test run, whose end
 * removes what it created on an external endpoint (test/setup/run-resources.ts).
 */
export function uniquePrefix(label = 't', runId = process.env[RUN_ID_ENV] ?? '0000'): string {
  if (!/^[A-Za-z0-9_-]{1,30}$/.test(label)) throw new Error(`Prefix label "${label}": 1-30 of [A-Za-z0-9_-]`);
  return `${label}-${runId}${randomBytes(3).toString('hex')}-`;
}

export interface IsolatedResources extends Provisioned {
  prefix: string;
}

/**
 * The topology's table and queues under a fresh prefix. Visibility timeout defaults to 2 s so that retries
 * happen within a test; maxReceiveCount stays the topology's unless given.
 */
export async function provisionIsolated(
  label = 't',
  options: Omit<ProvisionOptions, 'prefix'> = {},
): Promise<IsolatedResources> {
  const prefix = uniquePrefix(label);
  const provisioned = await provision(sdkClients(), { visibilityTimeoutSeconds: 2, ...options, prefix });
  return { ...provisioned, prefix };
}
