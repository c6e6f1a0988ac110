// Scheduled: flag tasks past their deadline and publish how many there are.
import { flagOverdue } from './sweeps.ts';

export const handler = async () => flagOverdue();
