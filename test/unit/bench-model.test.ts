import { describe, expect, it } from 'vitest';
import { boundTasksPerSecond, costPer1000Tasks, peakPerSecond, percentile, prices, stepFunctionsCostPer1000TasksUsd } from '../../scripts/bench/model.ts';

describe('bench model', () => {
  it('takes the nearest-rank percentile of unsorted values', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 99)).toBe(10);
    expect(percentile(xs, 10)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('adds the backend time of each operation per task into the bound, and names operations without a rate', () => {
    // 2 updates at 100/s (0.02 s) + 1 send at 50/s (0.02 s) = 0.04 s per task: 25 tasks/s.
    const b = boundTasksPerSecond({ UpdateItemCommand: 2, SendMessageBatchCommand: 1, PutItemCommand: 0, ScanCommand: 0.5 }, { UpdateItemCommand: 100, SendMessageBatchCommand: 50 });
    expect(b.tasksPerSecond).toBeCloseTo(25, 10);
    expect(b.unrated).toEqual(['ScanCommand']);
  });

  it('prices 1,000 tasks from the calls per task at the stated list prices', () => {
    const cost = costPer1000Tasks({
      ddbWriteUnits: 8, ddbReadUnits: 4, sqsRequests: 1.5, apiRequests: 3,
      invocations: [{ count: 3, memoryMb: 512, meanMs: 99.2 }],
    });
    expect(cost.dynamodb).toBeCloseTo(1000 * (8 * 0.625e-6 + 4 * 0.125e-6), 12);
    expect(cost.sqs).toBeCloseTo(1000 * 1.5 * 0.4e-6, 12);
    // Billed per started millisecond: 100 ms at 0.5 GB.
    expect(cost.lambda).toBeCloseTo(1000 * 3 * (0.2e-6 + 0.5 * 0.1 * prices.lambdaGbSecondUsd), 12);
    expect(cost.apiGateway).toBeCloseTo(1000 * 3 * 3.5e-6, 12);
    expect(cost.total).toBeCloseTo(cost.dynamodb + cost.sqs + cost.lambda + cost.apiGateway, 12);
    expect(stepFunctionsCostPer1000TasksUsd(8)).toBeCloseTo(0.2, 12);
  });

  it('finds the most pushes within any one-second window', () => {
    expect(peakPerSecond([0, 100, 999, 1000, 1500, 1999.5, 2600])).toBe(3);
    expect(peakPerSecond([0, 100, 999, 1000, 1500, 1998, 2600])).toBe(4);
    expect(peakPerSecond([])).toBe(0);
  });
});
