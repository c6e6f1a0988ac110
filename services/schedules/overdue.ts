// Scheduled (daily duties): open recurring institution duties that are due, flag tasks past their deadline
// and publish how many there are, the metric the overdue alarm watches; escalate tasks late past their threshold
// and, seven days before a report's deadline, draft it (docs/decisions/0018-supervision-reports.md).
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { coverage } from '../calendar/holidays.ts';
import { openRecurring } from '../cases/recurring.ts';
import { logger } from '../lib/logger.ts';
import { overdueMetric } from '../topology/functions.ts';
import { serviceName } from '../topology/storage.ts';
import { draftReports } from './drafts.ts';
import { escalateOverdue } from './escalate.ts';
import { flagOverdue } from './sweeps.ts';
import { clock } from '../lib/clock.ts';

// Embedded metric format: a log line CloudWatch turns into the metric, so the function needs no PutMetricData. Its
// namespace is POWERTOOLS_METRICS_NAMESPACE, which the stack sets (infra/schedules.ts).
const metrics = new Metrics({ serviceName });

export const handler = async () => {
  // Deadlines run into next year: an operator must add its holiday schedule before the package does.
  const next = coverage(clock.now().getUTCFullYear() + 1);
  if (!next.official) logger.warn('holiday calendar incomplete', { year: next.year, warning: next.warning });
  const opened = await openRecurring();
  const swept = await flagOverdue();
  const escalated = await escalateOverdue();
  const drafted = await draftReports();
  metrics.addMetric(overdueMetric, MetricUnit.Count, swept.overdue);
  metrics.publishStoredMetrics();
  return { ...swept, escalated, drafted, recurringOpened: opened.length };
};
