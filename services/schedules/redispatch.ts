// Scheduled: re-send tasks whose message was lost between the write and the send.
import { getNumberFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { redispatchStuck } from './sweeps.ts';

export const handler = async () => redispatchStuck(getNumberFromEnv({ key: 'REDISPATCH_AFTER_SECONDS', defaultValue: 900 }));
