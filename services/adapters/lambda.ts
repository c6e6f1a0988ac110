// Configuration of an adapter deployed as its own Lambda function, read from its environment once.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getNumberFromEnv, getStringFromEnv } from '../lib/env.ts';
import { createAdapterHandler, type AdapterConfig, type DepartmentAdapter } from './adapter.ts';

let secret: Promise<string> | undefined;

function secretFromEnv(): Promise<string> {
  const arn = process.env.DEPARTMENT_SECRET_ARN;
  if (!arn) return Promise.resolve(getStringFromEnv('DEPARTMENT_SECRET'));
  // Read once per container; rotating the secret means recycling the function.
  secret ??= new SecretsManagerClient({})
    .send(new GetSecretValueCommand({ SecretId: arn }))
    .then((out) => out.SecretString ?? Promise.reject(new Error('department secret is empty')));
  return secret;
}

let config: AdapterConfig | undefined;

export function lambdaAdapter(adapter: DepartmentAdapter) {
  return createAdapterHandler(adapter, () => {
    config ??= {
      endpointUrl: process.env.DEPARTMENT_ENDPOINT_URL || undefined,
      secret: secretFromEnv,
      maxReceiveCount: getNumberFromEnv('MAX_RECEIVE_COUNT', 5),
      queueUrl: process.env.QUEUE_URL || undefined,
      retryBaseSeconds: getNumberFromEnv('RETRY_BASE_SECONDS', 30),
    };
    return config;
  });
}
