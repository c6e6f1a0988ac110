// A secret a function needs at run time: from Secrets Manager when `<NAME>_ARN` is set (the stack binds it so), else
// from the variable `<NAME>` itself (local runs, tests), else from a fallback where one is allowed.
// Secrets Manager is read through Powertools parameters, which keeps the value for POWERTOOLS_PARAMETERS_MAX_AGE
// seconds (default here 300): a rotated secret is in use within that time, without recycling the function.
import { getNumberFromEnv, getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

export const SECRET_MAX_AGE_SECONDS = 300;

export function secretFromEnv(name: string, fallback?: () => string): () => Promise<string> {
  let reading: Promise<string> | undefined;
  const read = async (arn: string) => {
    const maxAge = getNumberFromEnv({ key: 'POWERTOOLS_PARAMETERS_MAX_AGE', defaultValue: SECRET_MAX_AGE_SECONDS });
    const value = await getSecret(arn, { maxAge });
    if (typeof value !== 'string' || !value) throw new Error(`secret ${name} is empty or not text`);
    return value;
  };
  return async () => {
    const arn = getStringFromEnv({ key: `${name}_ARN`, defaultValue: '' });
    if (arn) {
      // Powertools keeps a value once read, not a read in flight: a batch's first records share one request. A
      // failed read is not kept, so the next call tries again.
      reading ??= read(arn).finally(() => (reading = undefined));
      return reading;
    }
    const local = getStringFromEnv({ key: name, defaultValue: '' });
    if (local) return local;
    if (fallback) return fallback();
    throw new Error(`Environment variable ${name} (or ${name}_ARN) is required`);
  };
}
