// The AsyncAPI 3.0 document of the department queues: one channel per department queue (with its dead-letter
// queue in the SQS binding), one message per task type (the envelope, its `data` bound to the task type's
// request schema), one `receive` operation per department adapter. Pure: topology and examples in, document out.
import type { DepartmentCode } from '../../contracts/common.ts';
import { schemaId } from '../../contracts/task-type.ts';
import { deadLetterQueueName, delivery, departments, queueName, type DepartmentEntry, taskTypesOf } from '../../services/topology.ts';
import type { ExampleFile } from './examples.ts';
import { envelopeFile, schemaFile } from './schemas.ts';

/** SQS binding version AsyncAPI 3.0.0 validates against. */
const SQS_BINDING_VERSION = '0.2.0';

/** Where the JSON Schemas sit relative to the AsyncAPI document (both under contracts/generated/). */
export const schemaRef = (file: string) => `./schemas/${file}`;

export const EXAMPLE_TIME = '2024-05-21T09:30:00+08:00';
export const EXAMPLE_DEADLINE = '2024-05-28T23:59:59+08:00';
export const EXAMPLE_TASK_SUFFIX = 'T01HYKQ7A2B3C4D5E6F7G8H9J0K';

/** The envelope an adapter would receive for an example request. */
export function exampleEnvelope(type: string, version: number, department: DepartmentCode, request: Record<string, unknown>) {
  const subject = String(request.childId ?? request.institutionId);
  const taskid = `${subject}.${EXAMPLE_TASK_SUFFIX}`;
  return {
    specversion: '1.0',
    id: taskid,
    source: 'child-welfare-hub',
    type: `${type}.v${version}`,
    subject,
    time: EXAMPLE_TIME,
    dataschema: schemaId({ type, version }, 'request'),
    datacontenttype: 'application/json',
    taskid,
    department,
    deadline: EXAMPLE_DEADLINE,
    data: request,
  };
}

const channelId = (code: DepartmentCode) => queueName(code);
const operationId = (code: DepartmentCode) => `${code}.adapter.receive`;

function channel(d: DepartmentEntry) {
  const queue = queueName(d.code);
  const dlq = deadLetterQueueName(d.code);
  return {
    address: queue,
    title: `${d.nameEn} (${d.nameZh}) task queue`,
    description:
      `Tasks for ${d.nameEn}, one message per task (re)delivery. Standard SQS queue: no ordering between tasks ` +
      `(dependencies are kept in the state table), duplicates possible (consumers dedupe on \`id\`). After ` +
      `${delivery.maxReceiveCount} receives a message moves to \`${dlq}\`. Deployments prefix both queue names.`,
    messages: Object.fromEntries(
      taskTypesOf(d.code).map(({ contract: c }) => [`${c.type}.v${c.version}`, { $ref: `#/components/messages/${c.type}.v${c.version}` }]),
    ),
    bindings: {
      sqs: {
        queue: {
          name: queue,
          fifoQueue: false,
          visibilityTimeout: delivery.visibilityTimeoutSeconds,
          redrivePolicy: { deadLetterQueue: { name: dlq }, maxReceiveCount: delivery.maxReceiveCount },
        },
        deadLetterQueue: { name: dlq, fifoQueue: false },
        bindingVersion: SQS_BINDING_VERSION,
      },
    },
  };
}

function operation(d: DepartmentEntry) {
  const id = channelId(d.code);
  return {
    action: 'receive',
    channel: { $ref: `#/channels/${id}` },
    title: `${d.nameEn} adapter receives its tasks`,
    summary: `The ${d.code} adapter consumes ${queueName(d.code)} in batches (partial batch response).`,
    description:
      `Validates each envelope and its \`data\` against the task type's request schema, skips a task that is no ` +
      `longer \`dispatched\` (duplicate) and ${d.delivery === 'push' ? 'maps it to the department\'s wire format and pushes it to the department endpoint (signed HTTPS POST; see docs/contracts.md)' : 'leaves it in the department inbox (pull)'}. ` +
      'A 4xx from the department fails the task at once; a 5xx or timeout is retried with backoff until the message is dead-lettered.',
    messages: taskTypesOf(d.code).map(({ contract: c }) => ({ $ref: `#/channels/${id}/messages/${c.type}.v${c.version}` })),
    bindings: { sqs: { queues: [{ name: queueName(d.code) }], bindingVersion: SQS_BINDING_VERSION } },
  };
}

export function buildAsyncApi(examples: Map<string, ExampleFile>) {
  const messages: Record<string, unknown> = {};
  for (const d of departments) {
    for (const { contract: c, deadlineWorkingDays } of taskTypesOf(d.code)) {
      const key = `${c.type}.v${c.version}`;
      const example = examples.get(key);
      messages[key] = {
        name: key,
        title: `${c.titleZh} (${c.type} v${c.version})`,
        summary: `Task ${c.type} v${c.version} for ${d.nameEn}; policy ${c.policy}; due in ${deadlineWorkingDays} working days.`,
        contentType: 'application/json',
        payload: {
          allOf: [
            { $ref: '#/components/schemas/envelope' },
            {
              type: 'object',
              properties: {
                type: { const: key },
                dataschema: { const: schemaId(c, 'request') },
                department: { const: d.code },
                data: { $ref: schemaRef(schemaFile(c, 'request')) },
              },
            },
          ],
        },
        ...(example
          ? { examples: [{ name: 'example', summary: example.summary, payload: exampleEnvelope(c.type, c.version, d.code, example.request) }] }
          : {}),
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Child welfare hub: department task queues',
      version: '1.0.0',
      description:
        'Every task the hub opens for a partner department travels on that department\'s SQS queue as a ' +
        'CloudEvents-shaped envelope whose `data` is the task type\'s request. The JSON Schemas referenced here ' +
        'are generated from the zod contracts in contracts/ (see docs/contracts.md).',
    },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(departments.map((d) => [channelId(d.code), channel(d)])),
    operations: Object.fromEntries(departments.map((d) => [operationId(d.code), operation(d)])),
    components: {
      schemas: { envelope: { $ref: schemaRef(envelopeFile) } },
      messages,
    },
  };
}
