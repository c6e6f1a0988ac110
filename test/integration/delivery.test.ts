// Delivery end to end: the adapter pushes signed tasks to the simulated departments, which answer through
// the API; outages end in the dead-letter queue, refusals fail at once, duplicates change nothing, and a
// lost message is sent again by the sweep.
import { GetQueueAttributesCommand, PurgeQueueCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../../services/delivery/signature.ts';
import { main } from '../../scripts/hub.ts';
import { sdkClients } from '../helpers/emulators.ts';
import {
  admitFoundling as admitHelper,
  eventually,
  NANNING,
  readTask as readTaskHelper,
  untilTaskStatus,
  useHub,
} from '../helpers/hub.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { signatureOf } from '../../services/topology.ts';

// The simulated departments wait this long before each move. "A person acts before the simulator" needs the
// person's call to land in that window after the push: an admission sends the medical-insurance task first (its
// department comes first in the topology), so that push precedes the admission's answer by a queue send, and a
// loaded two-core machine can spend more than 100 ms on the person's call.
const hub = useHub({ simulatorDelayMs: 300, maxReceiveCount: 3 });
const MI = 'medical-insurance';

const admitFoundling = () => admitHelper(hub(), 'NN-GA-2026-0002');
const readTask = (childId: string, taskId: string) => readTaskHelper(hub(), childId, taskId);
const untilStatus = (childId: string, taskId: string, status: string, timeoutMs = 20_000) =>
  untilTaskStatus(hub(), childId, taskId, status, timeoutMs);

const queueDepth = async (url: string) => {
  const out = await sdkClients().sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
};

describe('push delivery to a department', () => {
  it('delivers, and the department acknowledges and completes through the API', async () => {
    const { childId, taskId } = await admitFoundling();
    const task = await untilStatus(childId, taskId, 'completed');
    expect(task.history.map((h: any) => h.to)).toEqual(['requested', 'dispatched', 'delivered', 'acknowledged', 'completed']);
    expect(task.history.find((h: any) => h.to === 'delivered').by).toBe('system:adapter');
    expect(task.history.at(-1).by).toBe(`department:${MI}`);
    expect(task.result.benefitStartDate).toBe(task.result.enrolledOn);
    expect(hub().simulators!.received(MI)).toContain(taskId);
  });

  it('lets a person act as the department before the simulator does', async () => {
    // The person gets a head start of its own: racing the file's 300 ms delay was lost on moto, whose serialised
    // DynamoDB requests make the person's call slower than the simulator's wait.
    hub().simulators!.setMoveDelay(MI, 3000);
    try {
      const { childId, taskId } = await admitFoundling();
      const ack = await eventually(async () => {
        const r = await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: `department:${MI}`, body: {} });
        return r.status === 200 ? r : undefined;
      }, 3000, 'manual acknowledge');
      expect(ack.body.status).toBe('acknowledged');
      const t = await untilStatus(childId, taskId, 'completed');
      // The simulator's own acknowledgement was refused (409) and changed nothing.
      expect(t.history.filter((h: any) => h.to === 'acknowledged')).toHaveLength(1);
      expect(t.history.find((h: any) => h.to === 'acknowledged').by).toBe(`department:${MI}`);
    } finally {
      hub().simulators!.setMoveDelay(MI, undefined);
    }
  });

  it('refuses a push with a bad signature at the department (the simulator checks it)', async () => {
    const url = hub().simulators!.endpointOf(MI);
    const body = JSON.stringify({ infno: 'HUB-PRE-ENROLL' });
    const scheme = signatureOf(MI);
    const wrong = await fetch(url, { method: 'POST', headers: signedHeaders('not-the-secret', body, 'k1', Date.now(), scheme), body });
    expect(wrong.status).toBe(401);
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    const stale = await fetch(url, {
      method: 'POST',
      headers: signedHeaders(hub().secrets[MI]!, body, 'k1', Date.now() - 10 * 60_000, scheme),
      body,
    });
    expect(stale.status).toBe(401);
    const malformed = await fetch(url, { method: 'POST', headers: signedHeaders(hub().secrets[MI]!, body, 'k1', Date.now(), scheme), body });
    expect(malformed.status).toBe(400);
    // Signed with the right secret by another algorithm than the department's: refused as well.
    const downgraded = await fetch(url, { method: 'POST', headers: signedHeaders(hub().secrets[MI]!, body, 'k1', Date.now(), 'hmac-sha256'), body });
    expect([downgraded.status, scheme]).toEqual([401, 'hmac-sm3']);
  });
});

describe('failures never lose a task', () => {
  it('a department that is down: retried, then parked in the dead-letter queue with the task failed', async () => {
    hub().simulators!.setMode(MI, 'down');
    try {
      const { childId, taskId } = await admitFoundling();
      const task = await untilStatus(childId, taskId, 'failed', 40_000);
      expect(task.statusReason).toMatch(/after 3 attempts .*dead-letter queue/);
      expect(task.history.at(-1)).toMatchObject({ from: 'dispatched', to: 'failed', by: 'system:adapter' });
      const dlq = hub().provisioned.queues[MI]!.dlqUrl;
      await eventually(async () => ((await queueDepth(dlq)) >= 1 ? true : undefined), 20_000, 'message in the DLQ');
      // Parked visibly: the message in the DLQ is the task's envelope.
      const parked = await sdkClients().sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10, VisibilityTimeout: 1 }));
      expect(parked.Messages?.map((m) => JSON.parse(m.Body!).taskid)).toContain(taskId);

      // The department is back: the redrive tool resumes the parked task, and it runs to completion.
      hub().simulators!.setMode(MI, 'normal');
      await new Promise((r) => setTimeout(r, 1100)); // the peek above hid the message for a second
      // Through the command line, as an operator would: `hub redrive --department medical-insurance`.
      const out: string[] = [];
      const prefix = hub().provisioned.tableName.replace(/hub-state$/, '');
      const code = await main(['redrive', '--department', MI, '--prefix', prefix], {
        stdout: (t) => void out.push(t),
        stderr: (t) => void out.push(t),
        env: process.env,
      });
      expect(code).toBe(0);
      expect(out.join('')).toContain(`resumed ${taskId}`);
      // Not a terminal: the report's lines and no progress bar.
      expect(out.join('')).toMatch(/^resumed \d+, dropped \d+ \(task had moved on\), left \d+ unreadable\n(  resumed \S+\n)+$/);
      const done = await untilStatus(childId, taskId, 'completed');
      expect(done.history.map((h: any) => h.to)).toContain('failed');
      expect(done.history.find((h: any) => h.from === 'failed')).toMatchObject({ to: 'dispatched', by: 'system:redrive-cli' });
      expect(await queueDepth(dlq)).toBe(0);
    } finally {
      hub().simulators!.setMode(MI, 'normal');
    }
  });

  it('staff resume a failed task of their own institution only', async () => {
    hub().simulators!.setMode(MI, 'refuse');
    let ids: { childId: string; taskId: string };
    try {
      ids = await admitFoundling();
      await untilStatus(ids.childId, ids.taskId, 'failed');
    } finally {
      hub().simulators!.setMode(MI, 'normal');
    }
    const { childId, taskId } = ids;
    // Another institution's task is answered as an unknown one; a department may not resume at all.
    expect((await hub().call('POST', `/v1/tasks/${taskId}/resume`, { as: 'staff:CWI-450200', body: {} })).status).toBe(404);
    expect((await hub().call('POST', `/v1/tasks/${taskId}/resume`, { as: `department:${MI}`, body: {} })).status).toBe(403);
    const ok = await hub().call('POST', `/v1/tasks/${taskId}/resume`, { as: `staff:${NANNING}`, body: {} });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('dispatched');
    await untilStatus(childId, taskId, 'completed');
    expect((await hub().call('POST', `/v1/tasks/${taskId}/resume`, { as: `staff:${NANNING}`, body: {} })).status).toBe(409);
  });

  it('a department that refuses (4xx) fails the task at once with its reason, no retry', async () => {
    hub().simulators!.setMode(MI, 'refuse');
    try {
      const { childId, taskId } = await admitFoundling();
      const task = await untilStatus(childId, taskId, 'failed');
      expect(task.statusReason).toBe('department answered 422: the department refuses this task');
      expect(task.history.filter((h: any) => h.to === 'failed')).toHaveLength(1);
    } finally {
      hub().simulators!.setMode(MI, 'normal');
    }
  });

  it('a redelivered message has no second effect', async () => {
    const { childId, taskId } = await admitFoundling();
    const done = await untilStatus(childId, taskId, 'completed');
    const pushes = hub().simulators!.received(MI).filter((k) => k === taskId).length;
    // The same envelope again, as SQS may deliver it twice.
    const { sqs } = sdkClients();
    const envelope = {
      specversion: '1.0', id: taskId, source: 'child-welfare-hub', type: `${preEnrollmentV1.type}.v1`,
      subject: childId, time: new Date().toISOString(), dataschema: 'x', taskid: taskId, department: MI, data: done.request,
    };
    await sqs.send(new SendMessageCommand({ QueueUrl: hub().provisioned.queues[MI]!.url, MessageBody: JSON.stringify(envelope) }));
    await eventually(async () => ((await queueDepth(hub().provisioned.queues[MI]!.url)) === 0 ? true : undefined), 10_000, 'queue drained');
    expect(await readTask(childId, taskId)).toEqual(done);
    expect(hub().simulators!.received(MI).filter((k) => k === taskId)).toHaveLength(pushes);
  });

  it('a message lost between the write and the queue is sent again by the re-dispatch sweep', async () => {
    const poller = hub().pollers[MI]!;
    await poller.stop();
    try {
      const { childId, taskId } = await admitFoundling();
      // Lose it: the queue forgets every message, as the in-memory emulator does when `npm start` is killed.
      await sdkClients().sqs.send(new PurgeQueueCommand({ QueueUrl: hub().provisioned.queues[MI]!.url }));
      poller.start();
      await new Promise((r) => setTimeout(r, 1500));
      expect((await readTask(childId, taskId)).status).toBe('dispatched');
      const { resent } = await hub().redispatch(0);
      expect(resent).toBeGreaterThanOrEqual(1);
      const task = await untilStatus(childId, taskId, 'completed');
      expect(task.history.filter((h: any) => h.by === 'system:redispatch')).toHaveLength(1);
    } finally {
      if (!poller.running) poller.start();
    }
  });
});
