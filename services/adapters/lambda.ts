// Configuration of an adapter deployed as its own Lambda function, read from its environment once.
import { getNumberFromEnv, getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { OFFICES_ENV, officeSecretEnv, type OfficeDelivery } from '../delivery/offices.ts';
import { secretFromEnv } from '../lib/secret.ts';
import { createAdapterHandler, type AdapterConfig, type DepartmentAdapter } from './adapter.ts';

// DEPARTMENT_SECRET_ARN (Secrets Manager, as the stack binds it) or DEPARTMENT_SECRET.
const secret = secretFromEnv('DEPARTMENT_SECRET');

let config: AdapterConfig | undefined;

/** The city bureaus with their own endpoint: DEPARTMENT_OFFICES (city → URL, JSON), each with OFFICE_<city>_SECRET_ARN. */
function offices(): Record<string, OfficeDelivery> {
  const endpoints = JSON.parse(getStringFromEnv({ key: OFFICES_ENV, defaultValue: '{}' })) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(endpoints).map(([city, endpointUrl]) => [city, { endpointUrl, secret: secretFromEnv(officeSecretEnv(city)) }]),
  );
}

/** The adapter's configuration from its environment, as the stack sets it (test/unit/adapter-env.test.ts). */
export function configFromEnv(): AdapterConfig {
  return {
    endpointUrl: getStringFromEnv({ key: 'DEPARTMENT_ENDPOINT_URL', defaultValue: '' }) || undefined,
    secret,
    offices: offices(),
    maxReceiveCount: getNumberFromEnv({ key: 'MAX_RECEIVE_COUNT', defaultValue: 5 }),
    queueUrl: getStringFromEnv({ key: 'QUEUE_URL', defaultValue: '' }) || undefined,
    retryBaseSeconds: getNumberFromEnv({ key: 'RETRY_BASE_SECONDS', defaultValue: 30 }),
    // The stack's share of the department's rate for each of its concurrent instances (infra/department-pipeline.ts).
    pushesPerSecond: getNumberFromEnv({ key: 'PUSHES_PER_SECOND', defaultValue: 0 }),
  };
}

export function lambdaAdapter(adapter: DepartmentAdapter) {
  return createAdapterHandler(adapter, () => (config ??= configFromEnv()));
}
