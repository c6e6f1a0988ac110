// Scheduled (daily duties): open recurring institution duties that are due, flag tasks past their deadline
// and publish how many there are.
import { openRecurring } from '../cases/recurring.ts';
import { flagOverdue } from './sweeps.ts';

export const handler = async () => {
  const opened = await openRecurring();
  return { ...(await flagOverdue()), recurringOpened: opened.length };
};
