// Scenarios 1 and 6 of docs/reliability.md: every queue message delivered twice and out of order; throttling, 5xx
// and lost answers injected into the hub's DynamoDB and SQS calls. Nothing may be lost or applied twice.
import './quiet.ts';
import { describe, expect, it } from 'vitest';
import { duplicateSends, injectSdkFaults } from '../../scripts/reliability/faults.ts';
import { runScenario } from '../../scripts/reliability/scenario.ts';
import { documentClient, sqsClient } from '../../services/lib/aws.ts';
import { expectNothingLost, ROUNDS, SCENARIO_TIMEOUT_MS, SETTLE_MS, useReliabilityHub } from './helpers.ts';

const hub = useReliabilityHub();

describe('faults in the queues and the SDK calls', () => {
  it('1: every message delivered twice, out of order', async () => {
    let copies = 0;
    const r = await runScenario(hub(), hub().call, {
      name: '1 duplicates, out of order',
      rounds: ROUNDS,
      inject: () => {
        const d = duplicateSends(sqsClient(), { maxDelayMs: 1500 });
        return async () => {
          await d.settled();
          copies = d.copies;
          d.remove();
        };
      },
    }, SETTLE_MS);
    expectNothingLost(r);
    expect(copies).toBeGreaterThanOrEqual(r.before.opened);
    expect(r.before.parked).toBe(0);
  }, SCENARIO_TIMEOUT_MS);

  it('6: throttling, 5xx and lost answers in DynamoDB and SQS calls', async () => {
    const injected: number[] = [];
    const r = await runScenario(hub(), hub().call, {
      name: '6 SDK throttling and 5xx',
      rounds: ROUNDS,
      inject: () => {
        const kinds = ['throttle', 'server-error', 'lost-answer'] as const;
        const db = injectSdkFaults(documentClient(), 'dynamodb', { rate: 0.15, kinds, seed: 11 });
        const q = injectSdkFaults(sqsClient(), 'sqs', { rate: 0.15, kinds, seed: 13 });
        return () => {
          db.remove();
          q.remove();
          injected.push(...Object.values(db.injected), ...Object.values(q.injected));
        };
      },
    }, SETTLE_MS);
    expectNothingLost(r);
    expect(injected.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  }, SCENARIO_TIMEOUT_MS);
});
