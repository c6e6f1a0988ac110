// The state table, its indexes and the queues: names and keys the CDK stack, the local runtime and the code share.
import type { DepartmentCode } from '../../contracts/common.ts';

export const table = {
  /** Logical name; deployments prefix it (see config). */
  name: 'hub-state',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** A department's inbox: pk DEPT#<code>, sk <open|closed>#<deadline>#<taskId> (keys.ts). */
    inbox: { name: 'inbox', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * A city bureau's inbox: pk DEPT#<code>@<city>, the inbox's own sort key (a transition's one SET of gsi1sk moves
     * the task in both indexes). docs/decisions/0013-jurisdictions.md.
     */
    bureau: { name: 'bureau', partitionKey: 'gsi3pk', sortKey: 'gsi1sk' },
    /** An institution's children: pk INST#<institutionId>, sk CHILD#<admittedOn>#<childId>. */
    institution: { name: 'institution', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

/** Task attributes the inbox index carries (the history and the result stay on the base item only: decision 0001). */
export const inboxProjection = [
  'taskId', 'type', 'department', 'status', 'deadline', 'overdue', 'subjectId', 'institutionId', 'rev', 'updatedAt', 'request', 'contractVersion', 'dispatchedAt', 'requestVersion',
] as const;

export const queueName = (code: DepartmentCode) => `hub-${code}`;
export const deadLetterQueueName = (code: DepartmentCode) => `hub-${code}-dlq`;

/** The service every log line and metric names (Powertools' `service`); the overdue alarm selects its metric by it. */
export const serviceName = 'child-welfare-hub';

/**
 * How often a delivery is tried before the message is parked in the dead-letter queue, and how long an adapter
 * waits for a fuller batch after a receive: none, so a lone task goes out at once (the stack's event source and
 * the local pollers both read it; docs/performance.md has the latency and invocations measured both ways).
 */
export const delivery = {
  maxReceiveCount: 5,
  visibilityTimeoutSeconds: 60,
  batchingWindowSeconds: 0,
  /** A department's rate, pushes per second, unless its deployment sets another (docs/decisions/0021-department-rates.md). */
  pushesPerSecond: 20,
} as const;

/**
 * The read audit ("who looked", docs/decisions/0016-read-audit.md): the APIs send what they disclosed of a child to
 * this queue, its consumer writes one item per read into the state table (pk READS#<childId>), kept `retentionDays`.
 */
export const readAudit = {
  queueName: 'hub-reads',
  deadLetterQueueName: 'hub-reads-dlq',
  maxReceiveCount: 5,
  visibilityTimeoutSeconds: 30,
  /**
   * The consumer's batch: up to 10 messages (250 read records), gathered for up to 5 s. Nobody waits on a read record,
   * so the window trades nothing for fewer invocations; one value for the stack's event source and the local poller.
   */
  batchSize: 10,
  batchingWindowSeconds: 5,
  /** Three years: longer than the six months the Cybersecurity Law (art. 21) asks of access logs, see decision 0016. */
  retentionDays: 1095,
  /** The item attribute DynamoDB's TTL deletes by (epoch seconds). */
  ttlAttribute: 'expiresAt',
} as const;
