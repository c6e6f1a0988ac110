// Environment variables are read with Powertools commons (`getStringFromEnv`, `getNumberFromEnv`,
// `getBooleanFromEnv` from '@aws-lambda-powertools/commons/utils/env'): a missing one fails with its name. What
// commons does not read, JSON, is here, on top of it; its shape is the caller's to check.
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';

/** The variable `key` parsed as JSON; throws naming it when it is missing or not JSON. */
export function getJsonFromEnv(key: string): unknown {
  const raw = getStringFromEnv({ key });
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error(`Environment variable ${key} must be JSON`);
  }
}
