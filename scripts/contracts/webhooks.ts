// The OpenAPI document's `webhooks`: one per push department, the signed POST the hub sends it. Headers, the
// signature scheme (`x-hub-signature`, from contracts/push.ts and the department's topology entry), the body per
// task type (the wire schemas of wire.ts), the answers the hub understands, and a complete signed request per task
// type (`x-signed-examples`: headers and the exact body bytes, signed with a published example secret), so an
// endpoint can be built and tested from this document alone. Pure apart from loading the mappings (wire.ts).
import { Envelope } from '../../contracts/envelope.ts';
import {
  pushAnswers,
  pushHeaders,
  pushTimeoutSeconds,
  replayRule,
  signatureSchemes,
  signedContent,
  timestampToleranceSeconds,
} from '../../contracts/push.ts';
import { signedHeaders } from '../../services/delivery/signature.ts';
import { delivery, departments, signatureOf, type DepartmentEntry, taskTypesOf } from '../../services/topology.ts';
import { EXAMPLE_TIME, exampleEnvelope } from './asyncapi.ts';
import type { ExampleFile } from './examples.ts';
import { ref } from './openapi-components.ts';
import { mappingOf, wireBodies } from './wire.ts';

type Json = Record<string, unknown>;

/** The secret the published examples are signed with: never a department's. */
export const EXAMPLE_SECRET = 'example-secret-for-the-published-examples-only';
const EXAMPLE_NOW = Date.parse(EXAMPLE_TIME);

/** The component a webhook refers to for a body (openapi-components.ts names it so). */
const wireComponentName = (key: string) => `${key}.wire`;

/** The signature rules of a department's pushes, as data a verifier can follow. */
export function signatureRules(code: DepartmentEntry['code']) {
  const scheme = signatureOf(code);
  const s = signatureSchemes[scheme];
  return {
    scheme,
    algorithm: s.title,
    standard: s.standard,
    hash: s.hash,
    key: "the department's shared secret, as UTF-8 bytes (handed over out of band; never in a document)",
    header: pushHeaders.signature,
    prefix: s.prefix,
    encoding: 'hex, lower case',
    signedContent,
    timestampHeader: pushHeaders.timestamp,
    toleranceSeconds: timestampToleranceSeconds,
    compare: 'in constant time, over the raw body bytes as received (before any JSON parsing)',
    onlyThisScheme: `a signature with another prefix than \`${s.prefix}\` is refused like a wrong one`,
    replay: replayRule,
  };
}

/** Each task type's example, as the adapter would push it: body bytes and headers, signed with EXAMPLE_SECRET. */
export function signedExamples(d: DepartmentEntry, examples: Map<string, ExampleFile>) {
  const { toWire } = mappingOf(d.code);
  return Object.fromEntries(
    taskTypesOf(d.code).flatMap(({ contract: c }) => {
      const key = `${c.type}.v${c.version}`;
      const example = examples.get(key);
      if (!example) return [];
      const envelope = Envelope.parse(exampleEnvelope(c.type, c.version, d.code, example.request));
      const wire = toWire(envelope);
      const body = JSON.stringify(wire);
      return [[key, { summary: `${c.titleZh}: ${example.summary}`, secret: EXAMPLE_SECRET, headers: signedHeaders(EXAMPLE_SECRET, body, envelope.id, EXAMPLE_NOW, signatureOf(d.code)), body, wire }]];
    }),
  );
}

const header = (name: string, description: string, schema: Json) => ({ name, in: 'header', required: true, description, schema });

function webhook(d: DepartmentEntry, examples: Map<string, ExampleFile>): Json {
  const rules = signatureRules(d.code);
  const bodies = wireBodies(d);
  const signed = signedExamples(d, examples);
  const refs = bodies.map((b) => ref(wireComponentName(`${b.contract.type}.v${b.contract.version}`)));
  return {
    post: {
      operationId: `${d.code}.receiveTask`,
      tags: ['push'],
      summary: `The hub pushes a task to ${d.nameEn} (${d.nameZh})`,
      description:
        `One POST per task (re)delivery to the endpoint ${d.nameEn} gives the hub, body in its own wire format ` +
        `(${mappingOf(d.code).wireFormat.modelledOn}), one schema per task type and major version. Signed with ` +
        `${rules.algorithm}: \`${rules.header}\` = \`${rules.prefix}\` + hex ${rules.algorithm} with the shared secret over ` +
        `\`${rules.signedContent}\`; refuse a timestamp more than ${rules.toleranceSeconds} s from your clock, any other ` +
        `algorithm and a signature you accepted before (\`x-hub-signature\` below says it as data). Deduplicate on \`${pushHeaders.idempotencyKey}\`. Answer ` +
        `within ${pushTimeoutSeconds} s, then work: acknowledge and complete through the partner API with the task id the body carries. ` +
        `Retried deliveries: up to ${delivery.maxReceiveCount} receives, then the dead-letter queue. \`x-signed-examples\`: a ` +
        'complete request per task type, signed with the example secret it names, to test a verifier against.',
      'x-hub-signature': rules,
      parameters: [
        header(pushHeaders.timestamp, 'Unix time in seconds when the hub signed', { type: 'string', pattern: '^[0-9]+$' }),
        header(pushHeaders.signature, `\`${rules.prefix}\` and the hex ${rules.algorithm} of \`${rules.signedContent}\``, {
          type: 'string',
          pattern: `^${rules.prefix}[0-9a-f]{64}$`,
        }),
        header(
          pushHeaders.idempotencyKey,
          'The envelope id: the task id, or `<task id>~<n>` for a request staff corrected. A redelivery repeats it: answer 2xx, open no second case.',
          { type: 'string', minLength: 1 },
        ),
      ],
      requestBody: {
        required: true,
        description: 'The task in the department\'s wire format: exactly one of the task types\' schemas (each is strict).',
        content: {
          'application/json': {
            schema: refs.length === 1 ? refs[0] : { oneOf: refs },
            examples: Object.fromEntries(Object.entries(signed).map(([k, e]) => [k, { summary: e.summary, value: e.wire }])),
          },
        },
      },
      responses: {
        '2XX': {
          description: pushAnswers['2xx'],
          content: {
            'application/json': {
              schema: ref('PushAccepted'),
              examples: {
                received: { value: { received: true } },
                duplicate: { summary: 'a redelivery of a key already held', value: { received: true, duplicate: true } },
                acknowledged: { summary: 'acknowledged in the answer (no acknowledge call needed)', value: { received: true, acknowledged: true } },
              },
            },
          },
        },
        '4XX': {
          description: pushAnswers['4xx'],
          content: {
            'application/json': {
              schema: ref('PushRefused'),
              examples: {
                signature: { summary: 'bad signature (401)', value: { reason: 'signature mismatch' } },
                unreadable: { summary: 'a body the department cannot read (400)', value: { reason: 'missing field lsh' } },
              },
            },
          },
        },
        '5XX': { description: pushAnswers['408, 429, 5xx, 3xx, no answer within the time limit, no connection'] },
      },
      'x-signed-examples': Object.fromEntries(Object.entries(signed).map(([k, { wire: _w, ...e }]) => [k, e])),
    },
  };
}

/** Every push department's webhook, keyed by its code. */
export function buildWebhooks(examples: Map<string, ExampleFile>): Record<string, Json> {
  return Object.fromEntries(departments.filter((d) => d.delivery === 'push').map((d) => [d.code, webhook(d, examples)]));
}
