// The AsyncAPI document parses with @asyncapi/parser (references to the JSON Schemas resolved), describes each
// department queue as the topology does, and its message examples are valid messages.
import { Parser, fromFile } from '@asyncapi/parser';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASYNCAPI_FILE } from '../../scripts/contracts/build.ts';
import { allSchemas } from '../../scripts/contracts/all-schemas.ts';
import { envelopeSchemaId } from '../../scripts/contracts/schemas.ts';
import { Envelope } from '../../contracts/envelope.ts';
import { deadLetterQueueName, delivery, departments, findTaskType, queueName, taskTypesOf } from '../../services/topology.ts';
import { ajvErrors, mapRefs, readJson, root, schemaAjv } from './support.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

type Doc = {
  channels: Record<string, { address: string; messages: Record<string, unknown>; bindings: { sqs: Record<string, any> } }>;
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: { messages: Record<string, { payload: unknown; examples?: { payload: unknown }[] }> };
};

const doc = readJson<Doc>(ASYNCAPI_FILE);

describe('asyncapi.json', () => {
  let diagnostics: { severity: number; code: string | number; message: string; path: (string | number)[] }[] = [];
  let parsed: Awaited<ReturnType<ReturnType<typeof fromFile>['parse']>>['document'];

  beforeAll(async () => {
    const out = await fromFile(new Parser(), join(root, ASYNCAPI_FILE)).parse();
    diagnostics = out.diagnostics as never;
    parsed = out.document;
  });

  it('parses with no error-severity diagnostics', () => {
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('/')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
  });

  it('resolves each message’s data to its task type’s request schema', () => {
    const message = parsed!.allMessages().all().find((m) => m.id() === `${preEnrollmentV1.type}.v1`)!;
    const payload = message.payload()!.json() as { allOf: { properties: Record<string, { properties?: object }> }[] };
    expect(Object.keys(payload.allOf[1]!.properties.data!.properties!)).toContain('subsidyCategory');
  });

  it.each(departments.map((d) => [d.code, d] as const))('has the %s queue as a channel, with its dead-letter queue', (code, d) => {
    const channel = doc.channels[queueName(code)]!;
    expect(channel.address).toBe(queueName(code));
    expect(channel.bindings.sqs.queue).toMatchObject({
      name: queueName(code),
      fifoQueue: false,
      visibilityTimeout: delivery.visibilityTimeoutSeconds,
      redrivePolicy: { deadLetterQueue: { name: deadLetterQueueName(code) }, maxReceiveCount: delivery.maxReceiveCount },
    });
    expect(channel.bindings.sqs.deadLetterQueue.name).toBe(deadLetterQueueName(code));
    expect(Object.keys(channel.messages).sort()).toEqual(taskTypesOf(d.code).map(({ contract: c }) => `${c.type}.v${c.version}`).sort());
    const receive = Object.values(doc.operations).filter((o) => o.channel.$ref === `#/channels/${queueName(code)}`);
    expect(receive.map((o) => o.action)).toEqual(['receive']);
    expect(receive[0]!.messages).toHaveLength(taskTypesOf(d.code).length);
  });

  it('has nothing but the topology’s queues', () => {
    expect(Object.keys(doc.channels).sort()).toEqual(departments.map((d) => queueName(d.code)).sort());
  });

  describe('message examples', () => {
    const ajv = schemaAjv();
    const byFile = new Map(allSchemas().map((s) => [`./schemas/${s.file}`, s.id]));
    const toIds = (ref: string) =>
      ref === '#/components/schemas/envelope' ? envelopeSchemaId : byFile.get(ref) ?? ref;

    it.each(Object.entries(doc.components.messages))('%s: its example is a valid message', (key, message) => {
      expect(message.examples?.length).toBeGreaterThan(0);
      const validate = ajv.compile(mapRefs(message.payload as object, toIds));
      for (const { payload } of message.examples!) {
        expect(ajvErrors(validate(payload) ? [] : validate.errors)).toEqual([]);
        const envelope = Envelope.parse(payload);
        expect(envelope.type).toBe(key);
        const entry = findTaskType(envelope.type.replace(/\.v\d+$/, ''))!;
        expect(entry.contract.request.safeParse(envelope.data).success).toBe(true);
      }
    });
  });
});
