// Scenario 3 of docs/reliability.md: DynamoDB Local (on disk) and, separately, the SQS emulator restarted while a
// workload runs. This file starts its own emulators (the suite's shared ones must not go down under other files).
// DynamoDB Local loses nothing written; the API answers 5xx while it is down and the adapters' batches fail and are
// retried, parked after the last try and redriven. fauxqs loses its queues and everything in them: the tasks stay
// `dispatched` in the table (written before they are sent) and the re-dispatch sweep sends them again.
import './quiet.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestartableEmulators, type RestartableEmulators } from '../../scripts/reliability/emulators.ts';
import { runScenario } from '../../scripts/reliability/scenario.ts';
import { allTasks } from '../../scripts/reliability/verdict.ts';
import { failedCalls, type Call } from '../../scripts/reliability/workload.ts';
import { uniquePrefix } from '../helpers/emulators.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { expectNothingLost, RELIABILITY_HUB, ROUNDS, SCENARIO_TIMEOUT_MS, SETTLE_MS } from './helpers.ts';

const prefix = uniquePrefix('restarts');
let emulators: RestartableEmulators;
let hub: TestHub;

beforeAll(async () => {
  emulators = await startRestartableEmulators();
  hub = await startTestHub({ ...RELIABILITY_HUB, prefix, endpoints: emulators.endpoints });
});
afterAll(async () => {
  await hub?.stop();
  await emulators?.stop();
});

/**
 * The hub's API as the workload calls it, and a restart that begins once `after` tasks have been opened by hand: mid-run,
 * with tasks opened before it (on disk, or on a queue) and more being opened while the emulator is down.
 */
function restartMidRun(after: number, restart: () => Promise<void>) {
  let opened = 0;
  let started: Promise<void> | undefined;
  const call: Call = async (method, path, opts) => {
    const r = await hub.call(method, path, opts);
    // Tasks, not every 201: an admission or an assessment answers 201 too, and opens its tasks in other calls.
    if (r.status === 201 && path.endsWith('/tasks') && ++opened === after) started = restart();
    return r;
  };
  return { call, done: () => started ?? Promise.reject(new Error(`fewer than ${after} tasks opened: no restart`)) };
}

describe('the emulators restarted under a running hub', () => {
  it('3: DynamoDB Local killed and started again on its files', async () => {
    const failedBefore = failedCalls.length;
    const r3 = restartMidRun(6, () => emulators.restartDynamoDb(500));
    const r = await runScenario(hub, r3.call, {
      name: '3 DynamoDB Local restarted',
      rounds: ROUNDS,
      inject: () => () => {},
      during: () => r3.done(),
    }, SETTLE_MS);
    const refused = failedCalls.length - failedBefore;
    console.log(`[reliability] 3 DynamoDB Local restarted: opened before the kill 6, calls answered 5xx while it was down ${refused}`);
    expectNothingLost(r);
    expect(emulators.restarts.dynamodb).toBe(1);
    // The outage was seen: calls made while the table was away were answered 5xx, the tasks opened before it kept.
    expect(refused).toBeGreaterThan(0);
    expect(r.before.opened).toBeGreaterThanOrEqual(6);
  }, SCENARIO_TIMEOUT_MS);

  it('3: the SQS emulator stopped and started again, its queues lost', async () => {
    const r3 = restartMidRun(6, () => emulators.restartSqs(1000, { prefix, maxReceiveCount: RELIABILITY_HUB.maxReceiveCount, visibilityTimeoutSeconds: RELIABILITY_HUB.visibilityTimeoutSeconds }));
    const r = await runScenario(hub, r3.call, {
      name: '3 SQS emulator restarted',
      rounds: ROUNDS,
      inject: () => () => {},
      during: () => r3.done(),
    }, SETTLE_MS);
    expectNothingLost(r);
    expect(emulators.restarts.sqs).toBe(1);
    // The tasks whose messages the restart lost came home by the re-dispatch sweep: their histories say so.
    const ids = new Set(r.opened.map((o) => o.taskId));
    const resent = (await allTasks(hub.provisioned.tableName)).filter((t) => ids.has(t.taskId) && t.history.some((h) => h.from === 'dispatched' && h.to === 'dispatched'));
    console.log(`[reliability] 3 SQS emulator restarted: opened before the stop 6, tasks re-sent by the re-dispatch sweep ${resent.length}`);
    expect(resent.length).toBeGreaterThan(0);
  }, SCENARIO_TIMEOUT_MS);
});
