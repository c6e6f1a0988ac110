// Fault injection on the hub's own AWS SDK clients, for the reliability suite (test/reliability/, docs/reliability.md).
// Faults are answers the SDK parses as it would AWS's: throttling and 5xx are made up below the deserializer and
// inside the retry loop, so the SDK's own retries see them first and only what outlasts them reaches the hub's code.
// 'lost-answer' lets the request through and throws its answer away: the write happened, the caller does not know.
// 'dropped' never sends the request and answers 500: nothing happened (a delete that never reached the queue).
import type { MiddlewareStack } from '@smithy/types';

export type FaultKind = 'throttle' | 'server-error' | 'lost-answer' | 'dropped';

export interface FaultPlan {
  /** Share of requests that fail, 0-1. */
  rate: number;
  kinds: readonly FaultKind[];
  /** Seed of the generator that picks the requests, so that a run can be repeated. */
  seed?: number;
  /** Only these commands (e.g. `DeleteMessageBatchCommand`); default every request. */
  commands?: readonly string[];
}

export interface InjectedFaults {
  /** Requests failed, by kind. */
  readonly injected: Record<FaultKind, number>;
  /** Takes the middleware out again. */
  remove(): void;
}

/** A client the SDK builds: its middleware stack is where faults go in. */
interface StackOwner {
  middlewareStack: MiddlewareStack<any, any>;
}

/** mulberry32: small, seeded, good enough to pick requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bodies = {
  dynamodb: {
    throttle: { status: 400, type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException' },
    'server-error': { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError' },
  },
  sqs: {
    throttle: { status: 400, type: 'com.amazonaws.sqs#ThrottlingException' },
    'server-error': { status: 500, type: 'com.amazonaws.sqs#InternalError' },
  },
} as const;

function fakeAnswer(service: 'dynamodb' | 'sqs', kind: 'throttle' | 'server-error') {
  const { status, type } = bodies[service][kind];
  const body = new TextEncoder().encode(JSON.stringify({ __type: type, message: `injected ${kind}` }));
  return {
    statusCode: status,
    reason: kind,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'injected' },
    body,
  };
}

const NAME = 'reliabilityFaults';

/** `name`: the middleware's, so that one client can carry several plans (a second under one name replaces the first). */
export function injectSdkFaults(client: StackOwner, service: 'dynamodb' | 'sqs', plan: FaultPlan, name = NAME): InjectedFaults {
  const random = seededRandom(plan.seed ?? 1);
  const injected: Record<FaultKind, number> = { throttle: 0, 'server-error': 0, 'lost-answer': 0, dropped: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (plan.commands && !plan.commands.includes(context.commandName ?? '')) return next(args);
      if (random() >= plan.rate) return next(args);
      const kind = plan.kinds[Math.floor(random() * plan.kinds.length)]!;
      injected[kind]++;
      if (kind === 'lost-answer') {
        await next(args);
        return { response: fakeAnswer(service, 'server-error') };
      }
      if (kind === 'dropped') return { response: fakeAnswer(service, 'server-error') };
      return { response: fakeAnswer(service, kind) };
    },
    // Below the deserializer (so the fake answer is parsed into the SDK's error) and inside the retry loop.
    { step: 'deserialize', priority: 'low', name, override: true },
  );
  return { injected, remove: () => void client.middlewareStack.remove(name) };
}

export interface Duplicator {
  /** Copies sent so far. */
  readonly copies: number;
  /** Resolves when every copy scheduled so far has been sent (or failed to be). */
  settled(): Promise<void>;
  remove(): void;
}

/**
 * Every message the client sends is sent a second time, up to `maxDelayMs` later, and each batch goes out shuffled:
 * duplicates and reordering, as SQS standard queues may deliver them.
 */
export function duplicateSends(client: StackOwner, opts: { maxDelayMs: number; seed?: number }): Duplicator {
  const random = seededRandom(opts.seed ?? 7);
  const pending = new Set<Promise<unknown>>();
  let copies = 0;
  const shuffled = <T>(xs: T[]) =>
    xs
      .map((x) => [random(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  client.middlewareStack.add(
    (next, context) => async (args: any) => {
      const batch = context.commandName === 'SendMessageBatchCommand';
      if (!batch && context.commandName !== 'SendMessageCommand') return next(args);
      const reordered = batch ? { ...args, input: { ...args.input, Entries: shuffled(args.input.Entries) } } : args;
      const out = await next(reordered);
      const copy = new Promise<void>((resolve) => setTimeout(resolve, random() * opts.maxDelayMs))
        .then(() => next(batch ? { ...args, input: { ...args.input, Entries: shuffled(args.input.Entries) } } : args))
        .then(() => void (copies += batch ? args.input.Entries.length : 1))
        .catch(() => {})
        .finally(() => pending.delete(copy));
      pending.add(copy);
      return out;
    },
    { step: 'initialize', name: 'reliabilityDuplicates', override: true },
  );
  return {
    get copies() {
      return copies;
    },
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    remove: () => void client.middlewareStack.remove('reliabilityDuplicates'),
  };
}
