// Who looked (docs/decisions/0016-read-audit.md): every answer that disclosed a child's personal data is recorded
// off the request path (the API → the read-audit queue → its consumer → the state table), and the supervisor of the
// child's city lists the reads. Through the real SDK on the emulators, as every integration test.
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { lambdaContext } from '../../scripts/local/lambda-context.ts';
import { toSqsEvent } from '../../scripts/local/sqs-event.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { flushReads, pendingReads, readAuditStats } from '../../services/audit/reads.ts';
import { handler as consumer } from '../../services/audit/reads-consumer.ts';
import { sqsClient } from '../../services/lib/aws.ts';
import { admission, eventually, NANNING, needsEmbedded, useHub } from '../helpers/hub.ts';
import { COUNTY } from '../helpers/transfer.ts';

const hub = useHub({ simulators: false });
const MI = 'medical-insurance';

async function admit() {
  const res = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}#u1`, body: admission({ parentsUnknown: true, foundlingCertificateNumber: 'NN-READS-1' }) });
  expect(res.status).toBe(201);
  return { childId: res.body.childId as string, taskId: res.body.tasks.find((t: { department: string }) => t.department === MI).taskId as string };
}

/** The reads the supervisor lists, once there are `n`. */
const readsOf = (childId: string, n: number, as = 'supervisor:450100') =>
  eventually(async () => {
    const res = await hub().call('GET', `/v1/children/${childId}/reads`, { as });
    expect(res.status).toBe(200);
    return res.body.items.length >= n ? res.body.items : undefined;
  }, 15_000, `${n} read record(s) of ${childId}`);

describe('who looked at a child', () => {
  const queueUrl = () => process.env.READ_AUDIT_QUEUE_URL!;
  let saved: string | undefined;
  afterEach(() => {
    if (saved) process.env.READ_AUDIT_QUEUE_URL = saved;
    saved = undefined;
  });

  it('records a staff read of the child and a department read of its task; the city supervisor lists exactly those, newest first', async (ctx) => {
    // A deployed stack's department simulators read the task too: "exactly those" holds where none run.
    needsEmbedded(ctx, 'no department simulator reading the task');
    const { childId, taskId } = await admit();
    // The admission's own answer is a write: nothing is recorded for it.
    expect((await hub().call('GET', `/v1/children/${childId}`, { as: `staff:${NANNING}#u1` })).status).toBe(200);
    expect((await hub().call('GET', `/v1/tasks/${taskId}`, { as: `department:${MI}@450100#u2` })).status).toBe(200);

    const items = await readsOf(childId, 2);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ childId, by: `department:${MI}@450100`, person: { id: 'u2' }, route: 'GET /v1/tasks/{taskId}' });
    expect(items[1]).toMatchObject({ childId, by: `staff:${NANNING}`, person: { id: 'u1', name: '张三' }, route: 'GET /v1/children/{childId}' });
    expect(Date.parse(items[0].at)).toBeGreaterThanOrEqual(Date.parse(items[1].at));
    // The supervisor's own listing is not a read of the child's data, and the region's supervisor sees the same.
    expect(await readsOf(childId, 2, 'supervisor:450000')).toEqual(items);

    // An inbox page discloses each of its children's tasks: one read per child listed.
    const inbox = await hub().call('GET', `/v1/departments/${MI}/tasks?limit=100`, { as: `department:${MI}` });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((t: { subjectId: string }) => t.subjectId)).toContain(childId);
    const after = await readsOf(childId, 3);
    expect(after[0]).toMatchObject({ by: `department:${MI}`, route: 'GET /v1/departments/{department}/tasks' });
    expect(after[0].person).toBeUndefined();
  });

  it('refuses everyone but the supervisors of the child\'s city and the region, as the jurisdiction model says', async () => {
    const { childId } = await admit();
    const status = async (as: string) => (await hub().call('GET', `/v1/children/${childId}/reads`, { as })).status;
    expect(await status('supervisor:450200')).toBe(404);
    expect(await status(`staff:${NANNING}`)).toBe(403);
    expect(await status(`department:${MI}`)).toBe(403);
    const denied = await hub().call('GET', `/v1/children/${childId}/reads`, { as: `staff:${NANNING}` });
    expect(denied.body.message_zh).toBe('仅督导人员可查看儿童信息的查阅记录');
    const bad = await hub().call('GET', `/v1/children/${childId}/reads?nextToken=x`, { as: 'supervisor:450100' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('query.nextToken');
  });

  it('pages newest first with nextToken', async () => {
    // A county centre's admission opens no task: no department (nor, on a deployed stack, its simulator) reads
    // this child while the test pages, so the listing holds exactly the three reads below.
    const res = await hub().call('POST', '/v1/children', { as: `staff:${COUNTY}`, body: admission({ institutionId: COUNTY }) });
    expect(res.status).toBe(201);
    expect(res.body.tasks).toEqual([]);
    const childId: string = res.body.childId;
    for (let i = 0; i < 3; i++) expect((await hub().call('GET', `/v1/children/${childId}`, { as: `staff:${COUNTY}` })).status).toBe(200);
    const all = await readsOf(childId, 3);
    const first = await hub().call('GET', `/v1/children/${childId}/reads?limit=2`, { as: 'supervisor:450100' });
    expect(first.body.items).toEqual(all.slice(0, 2));
    const second = await hub().call('GET', `/v1/children/${childId}/reads?limit=2&nextToken=${first.body.nextToken}`, { as: 'supervisor:450100' });
    expect(second.body.items).toEqual(all.slice(2, 3));
  });

  it('a failing audit queue does not fail the read; the record arrives once the queue takes it again', async (ctx) => {
    needsEmbedded(ctx, 'points the in-process API at a queue that does not exist');
    const { childId } = await admit();
    saved = queueUrl();
    process.env.READ_AUDIT_QUEUE_URL = `${saved}-missing`;
    const failuresBefore = readAuditStats.sendFailures;
    const read = await hub().call('GET', `/v1/children/${childId}`, { as: `staff:${NANNING}#u1` });
    expect(read.status).toBe(200);
    // The answer waits at most READ_AUDIT_WAIT_MS (200 ms) for the send; on a slow endpoint the refusal comes after it.
    await eventually(async () => (readAuditStats.sendFailures > failuresBefore ? true : undefined), 10_000, 'the refused send');
    expect(pendingReads()).toBeGreaterThanOrEqual(1);

    process.env.READ_AUDIT_QUEUE_URL = saved;
    await flushReads(5_000);
    expect(pendingReads()).toBe(0);
    const [item] = await readsOf(childId, 1);
    expect(item).toMatchObject({ by: `staff:${NANNING}`, route: 'GET /v1/children/{childId}' });
  });

  it('a message the consumer cannot write is reported failed alone, for the queue\'s retries and then its dead-letter queue', async (ctx) => {
    needsEmbedded(ctx, 'calls the consumer in process');
    const { childId } = await admit();
    const good = { v: 1, reads: [{ childId, at: new Date().toISOString(), by: 'supervisor:450100', route: 'GET /v1/children/{childId}', id: 'direct1' }] };
    const message = (MessageId: string, body: unknown) => ({ MessageId, ReceiptHandle: MessageId, Body: JSON.stringify(body) });
    const event = toSqsEvent([message('ok', good), message('bad', { v: 1, reads: [{ childId: 'not-a-child' }] })], 'arn:aws:sqs:us-east-1:000000000000:reads');
    const out = await consumer(event, lambdaContext({ functionName: 'read-audit' }));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect((await readsOf(childId, 1))[0]).toMatchObject({ by: 'supervisor:450100' });

    // Through the queue: after the local maxReceiveCount (3) receives it waits in the dead-letter queue.
    const dlq = hub().provisioned.readAudit!;
    await sqsClient().send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: JSON.stringify({ v: 1, reads: [] }) }));
    const parked = await eventually(async () => {
      const attrs = await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: dlq.dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
      const n = Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0);
      return n >= 1 ? n : undefined;
    }, 40_000, 'the bad message in the dead-letter queue');
    expect(parked).toBe(1);
  }, 60_000);
});
