// Configuration of an adapter deployed as its own Lambda function, read from its environment once.
import { getNumberFromEnv, getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { secretFromEnv } from '../lib/secret.ts';
import { createAdapterHandler, type AdapterConfig, type DepartmentAdapter } from './adapter.ts';

// DEPARTMENT_SECRET_ARN (Secrets Manager, as the stack binds it) or DEPARTMENT_SECRET.
const secret = secretFromEnv('DEPARTMENT_SECRET');

let config: AdapterConfig | undefined;

export function lambdaAdapter(adapter: DepartmentAdapter) {
  return createAdapterHandler(adapter, () => {
    config ??= {
      endpointUrl: getStringFromEnv({ key: 'DEPARTMENT_ENDPOINT_URL', defaultValue: '' }) || undefined,
      secret,
      maxReceiveCount: getNumberFromEnv({ key: 'MAX_RECEIVE_COUNT', defaultValue: 5 }),
      queueUrl: getStringFromEnv({ key: 'QUEUE_URL', defaultValue: '' }) || undefined,
      retryBaseSeconds: getNumberFromEnv({ key: 'RETRY_BASE_SECONDS', defaultValue: 30 }),
    };
    return config;
  });
}
