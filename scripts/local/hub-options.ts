// What the embedded hub takes (`startHub` in hub.ts) and what it hands back: the API's URL, tokens, the queues, the
// simulators and pollers, and the sweeps to run on demand.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Credentials } from '../../services/auth/local-credentials.ts';
import type { DepartmentCode } from '../../contracts/common.ts';
import type { ExternalDepartments } from './external-departments.ts';
import type { RunningSimulators } from '../simulators/simulator.ts';
import type { Provisioned } from './provision.ts';
import type { SqsPoller } from './sqs-poller.ts';

export interface HubOptions {
  /** API port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Where DynamoDB Local keeps its files and the credentials file is written. Default `.local`. */
  dataDir?: string;
  /** Keep the table in memory (tests). */
  inMemory?: boolean;
  /** Start with an empty table. */
  fresh?: boolean;
  /** Prefix for the table and queue names, so several hubs can share one emulator. */
  prefix?: string;
  /**
   * Use these endpoints instead of starting emulators: a single one (LocalStack, moto) or one per service
   * (the emulators a test setup started). Default: AWS_ENDPOINT_URL when set.
   */
  endpoints?: { dynamodb: string; sqs: string };
  /** Wait before each move of a simulated department. Default 300 ms. */
  simulatorDelayMs?: number;
  /** Deliveries before a message goes to the dead-letter queue. Default 3 locally. */
  maxReceiveCount?: number;
  /** Seconds a received message stays invisible; also the pace of retries. Default 5 locally. */
  visibilityTimeoutSeconds?: number;
  /** First retry backoff in seconds, doubled each try. Default 1 locally. */
  retryBaseSeconds?: number;
  /** Long-poll wait of the queue pollers. Default 20 s (as Lambda). */
  waitTimeSeconds?: number;
  /** The adapters' batching window, as the stack's event sources have it. Default 1000 ms; below the visibility timeout. */
  batchingWindowMs?: number;
  /** Batches each adapter handles at once, as the stack's event source maxConcurrency. Default: the local deployment's (2). */
  adapterConcurrency?: number;
  /** Pushes per second a department takes, where it differs from the topology's `delivery.pushesPerSecond` (20). */
  departmentRates?: Partial<Record<DepartmentCode, number>>;
  /** How long an adapter waits for a department's answer to a push. Default 5000 ms. */
  pushTimeoutMs?: number;
  /** Sweep timers, seconds. 0 turns a sweep off. */
  redispatchEverySeconds?: number;
  overdueEverySeconds?: number;
  /**
   * The children's clocks (daily on AWS); also run once at start unless 0. Default 3600: its events fall on days, and
   * each run reads every child (at 10,000 children a minute's interval was most of the local hub's DynamoDB work).
   */
  clocksEverySeconds?: number;
  /** Simulated departments acknowledge in their answer to the push (SIMULATOR_ACK_IN_RESPONSE). */
  simulatorAckInResponse?: boolean;
  /**
   * Verify JWTs of an OpenID provider (AUTH_MODE=jwt) instead of the local tokens; the console then signs in through
   * that provider as `consoleClientId`. Default: local tokens, and the console's local sign-in.
   */
  jwt?: { issuer: string; audience: string; jwksUrl: string; consoleClientId: string };
  /** Serve the console's build at `/` (default true; the build itself is `ensureConsoleBuilt`'s business). */
  console?: boolean;
  /** Start the department simulators. Default true. */
  simulators?: boolean;
  /** Departments a partner serves (its endpoint, or its inbox): their simulators stay off (external-departments.ts). */
  external?: ExternalDepartments;
  /**
   * City bureaus with their own push endpoint, `<department>@<city>` → endpoint and secret (random when not given):
   * that city's tasks go there, the department's others where they went (services/delivery/offices.ts).
   */
  offices?: Record<string, { push: string; secret?: string }>;
  log?: (line: string) => void;
}

export interface Hub {
  apiUrl: string;
  /** Principal → bearer token. */
  tokens: Credentials;
  credentialsFile?: string;
  provisioned: Provisioned;
  endpoints: { dynamodb: string; sqs: string };
  simulators?: RunningSimulators;
  pollers: Partial<Record<DepartmentCode, SqsPoller>>;
  /** The read audit's consumer (absent against a deployed stack). */
  readAuditPoller?: SqsPoller;
  /** The SQS client the pollers receive and delete with (the runtime's own, not the hub's): where tests put its faults. */
  pollerSqs?: SQSClient;
  /** Each department's HMAC signing secret, and each configured office's under `<department>@<city>` (local only). */
  secrets: Record<string, string>;
  /** Runs a sweep now (tests, and the timers). */
  redispatch(olderThanSeconds?: number): Promise<{ resent: number; released: number }>;
  flagOverdue(now?: Date): Promise<{ overdue: number; flagged: number }>;
  /** Escalates overdue tasks past their threshold (services/schedules/escalate.ts); how many escalations were written. */
  escalate(now?: Date): Promise<number>;
  /** Marks the period's reports drafted once their draft day has come; how many were new. */
  draftReports(now?: Date): Promise<number>;
  /** Opens recurring institution duties that are due at `now`. */
  openRecurring(now?: Date): Promise<{ taskId: string; type: string }[]>;
  /** Runs the children's clocks at `now` (default the hub's clock): what they opened, covered, discharged. */
  sweepClocks(now?: Date): Promise<{ opened: { taskId: string; type: string }[]; covered: number; comingOfAge: number; discharged: number }>;
  stop(): Promise<void>;
}

