// One logger. Logs carry ids (child, task, institution, department), never names or identity numbers.
import { Logger } from '@aws-lambda-powertools/logger';
import { serviceName } from '../topology/storage.ts';

export const logger = new Logger({
  serviceName,
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});
