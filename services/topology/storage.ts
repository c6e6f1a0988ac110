// The state table, its indexes and the queues: names and keys the CDK stack, the local runtime and the code share.
import type { DepartmentCode } from '../../contracts/common.ts';

export const table = {
  /** Logical name; deployments prefix it (see config). */
  name: 'hub-state',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** A department's inbox: pk DEPT#<code>, sk <status>#<deadline>#<taskId>. */
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

/** How often a delivery is tried before the message is parked in the dead-letter queue. */
export const delivery = { maxReceiveCount: 5, visibilityTimeoutSeconds: 60 } as const;
