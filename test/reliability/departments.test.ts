// Scenarios 4 and 5 of docs/reliability.md: a department down for a while, then back; answering slower than the
// adapter's timeout; refusing (4xx) some tasks; poison messages put straight on its queue. Every task ends
// completed, or parked with its reason and brought home by resume/redrive; a poison message stays in the
// dead-letter queue for a person to read.
import './quiet.ts';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scripts/reliability/scenario.ts';
import { queueDepth } from '../../scripts/reliability/verdict.ts';
import { sqsClient } from '../../services/lib/aws.ts';
import { departments } from '../../services/topology.ts';
import { expectNothingLost, PUSH_TIMEOUT_MS, ROUNDS, SCENARIO_TIMEOUT_MS, SETTLE_MS, useReliabilityHub } from './helpers.ts';

const hub = useReliabilityHub();
const everyDepartment = (fn: (code: string) => void) => departments.forEach((d) => fn(d.code));

describe('departments that fail', () => {
  it('4: every department down while the tasks are opened, then back', async () => {
    const r = await runScenario(hub(), hub().call, {
      name: '4 departments down, then back',
      rounds: ROUNDS,
      inject: () => {
        everyDepartment((d) => hub().simulators!.setMode(d, 'down'));
        return () => everyDepartment((d) => hub().simulators!.setMode(d, 'normal'));
      },
      // Down for long enough that the last of the three tries fails: the tasks park in the dead-letter queues.
      during: () => new Promise((r) => setTimeout(r, 2500)),
    }, SETTLE_MS);
    expectNothingLost(r);
    expect(r.before.parked).toBeGreaterThan(0);
    expect(r.before.deadLetters).toBe(r.before.parked);
  }, SCENARIO_TIMEOUT_MS);

  it('4: every department answering slower than the adapter waits', async () => {
    const r = await runScenario(hub(), hub().call, {
      name: '4 answers slower than the push timeout',
      rounds: ROUNDS,
      inject: () => {
        everyDepartment((d) => hub().simulators!.setAnswerDelay(d, PUSH_TIMEOUT_MS * 3));
        return () => everyDepartment((d) => hub().simulators!.setAnswerDelay(d, 0));
      },
    }, SETTLE_MS);
    // The department had every task from the first push and acted once: its acknowledgement, while the adapter still
    // waited, made the retries of the timed-out push no-ops (or duplicates to it).
    // On a loaded machine the adapter's last try can time out before the acknowledgement lands: then the task is
    // parked with its reason and resumed, which expectNothingLost checks; the department still acted once.
    expectNothingLost(r);
  }, SCENARIO_TIMEOUT_MS);

  it('5: departments refusing (4xx) some tasks; poison messages on every queue', async () => {
    const refused = (taskId: string) => taskId.charCodeAt(taskId.length - 1) % 3 === 0;
    const poison = ['not json at all', JSON.stringify({ specversion: '1.0', type: 'x' }), JSON.stringify({ taskid: 'CWI-450100.T01ZZZZZZZZZZZZZZZZZZZZZZZZZ' })];
    const r = await runScenario(hub(), hub().call, {
      name: '5 refusals (4xx) and poison messages',
      rounds: ROUNDS,
      inject: () => {
        hub().simulators!.refuseWhen(refused);
        return () => hub().simulators!.refuseWhen(undefined);
      },
      during: async () => {
        for (const q of Object.values(hub().provisioned.queues))
          for (const body of poison) await sqsClient().send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: body }));
      },
    }, SETTLE_MS);
    expectNothingLost(r);
    const refusals = r.opened.filter((o) => refused(o.taskId)).length;
    expect(r.before.parked).toBe(refusals);
    // Poison stays parked, unread by the redrive, for a person: every queue's dead-letter queue holds its three.
    expect(r.unreadable).toBe(poison.length * departments.length);
    for (const q of Object.values(hub().provisioned.queues)) expect(await queueDepth(q.dlqUrl)).toBe(poison.length);
  }, SCENARIO_TIMEOUT_MS);
});
