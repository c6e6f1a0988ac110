// Counts, at the SDK clients, every request the hub's own code makes (API handlers, adapters, sweeps): DynamoDB
// requests by command with the capacity units DynamoDB reports for them (ReturnConsumedCapacity INDEXES, so each
// index's units are its own), SQS requests by command, and how many DynamoDB requests were in flight at once.
// Installed once per process on the shared clients of services/lib/aws.ts; `snapshot()` copies the live counts.
import { documentClient, sqsClient } from '../../services/lib/aws.ts';

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

interface Capacity {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

export interface CallCounts {
  ddbWrites: number;
  ddbReads: number;
  writeUnits: number;
  readUnits: number;
  writeUnitsTable: number;
  /** Write units per index name. */
  writeUnitsByIndex: Record<string, number>;
  /** Requests and units per command (UpdateItemCommand, QueryCommand, …). */
  byCommand: Record<string, { requests: number; units: number }>;
  sqsByCommand: Record<string, number>;
  /** Time-weighted in-flight DynamoDB requests: sum of request durations (ms), and the peak. */
  ddbBusyMs: number;
  ddbPeakInFlight: number;
  /**
   * Conditional writes DynamoDB refused (ConditionalCheckFailedException, or a transaction cancelled on a condition).
   * They throw, so they are in no count above, yet each is a request and is billed write units for the item's size.
   */
  refusedWrites: number;
  /**
   * The read audit's own requests (its queue, its items: docs/decisions/0016-read-audit.md), kept out of the counts
   * above: a benchmark's progress reads are recorded as reads, and that is not the work the benchmark measures.
   */
  readAudit: { sqsByCommand: Record<string, number>; ddbWrites: number; writeUnits: number };
}

const empty = (): CallCounts => ({
  ddbWrites: 0, ddbReads: 0, writeUnits: 0, readUnits: 0, writeUnitsTable: 0, writeUnitsByIndex: {}, byCommand: {}, sqsByCommand: {}, ddbBusyMs: 0, ddbPeakInFlight: 0, refusedWrites: 0,
  readAudit: { sqsByCommand: {}, ddbWrites: 0, writeUnits: 0 },
});

/** A BatchWriteItem of read records (the read audit's consumer is the only batch writer of the hub). */
const isReadAuditWrite = (name: string, input: unknown) =>
  name === 'BatchWriteItemCommand' &&
  Object.values((input as { RequestItems?: Record<string, { PutRequest?: { Item?: { pk?: unknown } } }[]> }).RequestItems ?? {})
    .flat()
    .some((r) => String(r.PutRequest?.Item?.pk ?? '').startsWith('READS#'));

let counts: CallCounts | undefined;

/** Starts counting (once per process) and returns the live counts. */
export function countCalls(): { live: CallCounts; snapshot(): CallCounts; reset(): void } {
  if (!counts) {
    counts = empty();
    let inFlight = 0;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const c = counts!;
        const name = context.commandName ?? '';
        const write = WRITES.has(name);
        if (write || READS.has(name)) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
        inFlight++;
        c.ddbPeakInFlight = Math.max(c.ddbPeakInFlight, inFlight);
        const started = performance.now();
        let out;
        try {
          out = await next(args);
        } catch (err) {
          const n = (err as Error).name;
          if (write && (n === 'ConditionalCheckFailedException' || n === 'TransactionCanceledException')) c.refusedWrites++;
          throw err;
        } finally {
          inFlight--;
          c.ddbBusyMs += performance.now() - started;
        }
        const caps = [(out.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity].flat().filter(Boolean) as Capacity[];
        if (isReadAuditWrite(name, args.input)) {
          c.readAudit.ddbWrites++;
          c.readAudit.writeUnits += caps.reduce((n, cap) => n + (cap.CapacityUnits ?? 0), 0);
          return out;
        }
        if (write) c.ddbWrites++;
        else c.ddbReads++;
        const cmd = (c.byCommand[name] ??= { requests: 0, units: 0 });
        cmd.requests++;
        for (const cap of caps) {
          const units = cap.CapacityUnits ?? 0;
          cmd.units += units;
          if (!write) c.readUnits += units;
          else {
            c.writeUnits += units;
            c.writeUnitsTable += cap.Table?.CapacityUnits ?? 0;
            for (const [index, g] of Object.entries(cap.GlobalSecondaryIndexes ?? {}))
              c.writeUnitsByIndex[index] = (c.writeUnitsByIndex[index] ?? 0) + (g.CapacityUnits ?? 0);
          }
        }
        return out;
      },
      { step: 'initialize', name: 'benchCounter' },
    );
    sqsClient().middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        const audit = (args.input as { QueueUrl?: string }).QueueUrl === process.env.READ_AUDIT_QUEUE_URL;
        const byCommand = audit ? counts!.readAudit.sqsByCommand : counts!.sqsByCommand;
        byCommand[name] = (byCommand[name] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'benchCounter' },
    );
  }
  return {
    live: counts,
    snapshot: () => structuredClone(counts!),
    reset: () => void Object.assign(counts!, empty()),
  };
}
