// A secret a function needs at run time: from Secrets Manager when `<NAME>_ARN` is set (the stack binds it so),
// else from the variable `<NAME>` itself (local runs, tests), else from a fallback where one is allowed.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getStringFromEnv } from './env.ts';

/** Read once per container and kept; rotating the secret means recycling the function. */
export function secretFromEnv(name: string, fallback?: () => string): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    if (value) return value;
    const arn = process.env[`${name}_ARN`];
    if (arn) {
      value = new SecretsManagerClient({})
        .send(new GetSecretValueCommand({ SecretId: arn }))
        .then((out) => out.SecretString || Promise.reject(new Error(`secret ${name} is empty`)));
      // A failed read is not kept: the next call tries again.
      value.catch(() => (value = undefined));
      return value;
    }
    value = Promise.resolve(process.env[name] || !fallback ? getStringFromEnv(name) : fallback());
    return value;
  };
}
