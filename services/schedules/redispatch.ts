// Scheduled: re-send tasks whose message was lost between the write and the send.
import { getNumberFromEnv } from '../lib/env.ts';
import { redispatchStuck } from './sweeps.ts';

export const handler = async () => redispatchStuck(getNumberFromEnv('REDISPATCH_AFTER_SECONDS', 900));
