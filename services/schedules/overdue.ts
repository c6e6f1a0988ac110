// Scheduled (daily duties): open recurring institution duties that are due, flag tasks past their deadline
// and publish how many there are.
import { coverage } from '../calendar/holidays.ts';
import { openRecurring } from '../cases/recurring.ts';
import { logger } from '../lib/logger.ts';
import { flagOverdue } from './sweeps.ts';

export const handler = async () => {
  // Deadlines run into next year: an operator must add its holiday schedule before the package does.
  const next = coverage(new Date().getUTCFullYear() + 1);
  if (!next.official) logger.warn('holiday calendar incomplete', { year: next.year, warning: next.warning });
  const opened = await openRecurring();
  return { ...(await flagOverdue()), recurringOpened: opened.length };
};
