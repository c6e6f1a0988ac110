// The embedded SQS: fauxqs 2.x in this process. Its queues live in memory only (fauxqs' SQLite persistence, its
// `dataDir` option, is not used), which is why the local runtime re-dispatches undelivered tasks on start
// (docs/decisions/0004-dispatch.md).
//
// Clients must set `endpoint` and `useQueueUrlAsEndpoint: false`: the queue URLs fauxqs returns name the host
// `sqs.<region>.localhost`, which does not resolve, and by default the SDK sends requests to the queue URL's host.
import type { FauxqsServer } from 'fauxqs';

export interface SqsLocalOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Region used when a request carries none (requests signed by the SDK do). Default us-east-1. */
  region?: string;
}

export interface SqsLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /** The fauxqs server, for inspection in tests (`inspectQueue`, `reset`). */
  server: FauxqsServer;
  /** Idempotent. */
  stop(): Promise<void>;
}

export async function startSqsLocal(options: SqsLocalOptions = {}): Promise<SqsLocal> {
  // Loaded here, not at the top: fauxqs imports node:sqlite, which Node 20 lacks, and a static import would fail
  // the whole module graph before scripts/require-node.ts could say which Node to use. With AWS_ENDPOINT_URL set
  // (moto, LocalStack) it is never loaded at all.
  const { startFauxqs } = await import('fauxqs');
  // It listens on 0.0.0.0 whatever we ask (fauxqs hard-codes it); the endpoint we hand out is loopback.
  const server = await startFauxqs({ port: options.port ?? 0, logger: false, defaultRegion: options.region ?? 'us-east-1' });
  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    port: server.port,
    server,
    stop: () => (stopping ??= server.stop()),
  };
}
