// The benchmark's arithmetic, kept pure so a unit test can hold it: percentiles, the bound in tasks per second that
// the backend's raw rates imply for the hub's own operation counts, and the AWS bill at list prices.

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The most pushes one department received within any one-second window. */
export function peakPerSecond(startedAt: readonly number[]): number {
  const t = [...startedAt].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return peak;
}

/**
 * Tasks per second the backend allows: each operation the hub issues per task costs 1/rate seconds of the backend
 * (rates measured at the hub's concurrency), and the costs add, because the emulators share the same cores.
 * Operations without a measured rate are left out and listed, so a missing rate is visible rather than free.
 */
export function boundTasksPerSecond(
  opsPerTask: Record<string, number>,
  ratesPerSecond: Record<string, number>,
): { tasksPerSecond: number; secondsPerTask: number; unrated: string[] } {
  let secondsPerTask = 0;
  const unrated: string[] = [];
  for (const [op, n] of Object.entries(opsPerTask)) {
    const rate = ratesPerSecond[op];
    if (!n) continue;
    if (!rate) unrated.push(op);
    else secondsPerTask += n / rate;
  }
  return { tasksPerSecond: secondsPerTask ? 1 / secondsPerTask : Number.POSITIVE_INFINITY, secondsPerTask, unrated };
}

/**
 * AWS list prices, us-east-1, on-demand, beyond the free tier (aws.amazon.com pricing pages, 2025): DynamoDB
 * standard table class after the November 2024 on-demand cut; SQS standard queues; Lambda x86_64; API Gateway REST
 * APIs (first 333 million a month); Step Functions Standard. No China-region (cn-northwest-1, CNY) prices are
 * stated here: they are published separately by the China operators and were not checked for this script.
 */
export const prices = {
  region: 'us-east-1',
  dynamodbWriteUnitUsd: 0.625 / 1e6,
  dynamodbReadUnitUsd: 0.125 / 1e6,
  sqsRequestUsd: 0.4 / 1e6,
  lambdaRequestUsd: 0.2 / 1e6,
  lambdaGbSecondUsd: 0.0000166667,
  apiGatewayRequestUsd: 3.5 / 1e6,
  stepFunctionsTransitionUsd: 0.025 / 1000,
} as const;

export interface CallsPerTask {
  ddbWriteUnits: number;
  ddbReadUnits: number;
  sqsRequests: number;
  apiRequests: number;
  /** Lambda invocations of each memory size, with the mean billed duration measured for them. */
  invocations: { count: number; memoryMb: number; meanMs: number }[];
}

/** The bill for 1,000 tasks, by service, in USD. */
export function costPer1000Tasks(c: CallsPerTask) {
  const lambda = c.invocations.reduce(
    (sum, i) => sum + i.count * (prices.lambdaRequestUsd + (i.memoryMb / 1024) * (Math.ceil(i.meanMs) / 1000) * prices.lambdaGbSecondUsd),
    0,
  );
  const parts = {
    dynamodb: c.ddbWriteUnits * prices.dynamodbWriteUnitUsd + c.ddbReadUnits * prices.dynamodbReadUnitUsd,
    sqs: c.sqsRequests * prices.sqsRequestUsd,
    lambda,
    apiGateway: c.apiRequests * prices.apiGatewayRequestUsd,
  };
  const scale = (x: number) => x * 1000;
  return {
    dynamodb: scale(parts.dynamodb),
    sqs: scale(parts.sqs),
    lambda: scale(parts.lambda),
    apiGateway: scale(parts.apiGateway),
    total: scale(parts.dynamodb + parts.sqs + parts.lambda + parts.apiGateway),
  };
}

/**
 * The same lifecycle (open, deliver, acknowledge, complete) as a Step Functions Standard workflow, one execution per
 * task: each state entered is a billed transition. The callbacks (waitForTaskToken) stand for the department's moves.
 */
export const stepFunctionsLifecycle = [
  'Open', 'Dispatch (waitForTaskToken)', 'RecordDelivered', 'AwaitAcknowledge (waitForTaskToken)', 'RecordAcknowledged',
  'AwaitCompletion (waitForTaskToken)', 'RecordCompleted', 'Succeed',
] as const;

/** Transitions only: the workflow would still pay for its task state in DynamoDB and its API requests. */
export const stepFunctionsCostPer1000TasksUsd = (transitionsPerTask = stepFunctionsLifecycle.length) =>
  1000 * transitionsPerTask * prices.stepFunctionsTransitionUsd;
