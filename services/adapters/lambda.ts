// Configuration of an adapter deployed as its own Lambda function, read from its environment once.
import { getNumberFromEnv } from '../lib/env.ts';
import { secretFromEnv } from '../lib/secret.ts';
import { createAdapterHandler, type AdapterConfig, type DepartmentAdapter } from './adapter.ts';

// DEPARTMENT_SECRET_ARN (Secrets Manager, as the stack binds it) or DEPARTMENT_SECRET.
const secret = secretFromEnv('DEPARTMENT_SECRET');

let config: AdapterConfig | undefined;

export function lambdaAdapter(adapter: DepartmentAdapter) {
  return createAdapterHandler(adapter, () => {
    config ??= {
      endpointUrl: process.env.DEPARTMENT_ENDPOINT_URL || undefined,
      secret,
      maxReceiveCount: getNumberFromEnv('MAX_RECEIVE_COUNT', 5),
      queueUrl: process.env.QUEUE_URL || undefined,
      retryBaseSeconds: getNumberFromEnv('RETRY_BASE_SECONDS', 30),
    };
    return config;
  });
}
