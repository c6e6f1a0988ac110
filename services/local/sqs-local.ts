// The embedded SQS: fauxqs 1.x in this process (2.x needs node:sqlite, which Node 20 lacks). Its queues live
// in memory only, which is why the local runtime re-dispatches undelivered tasks on start (ARCHITECTURE 6).
//
// Clients must set `endpoint` and `useQueueUrlAsEndpoint: false`: the queue URLs fauxqs returns name the host
// `sqs.<region>.localhost`, which does not resolve, and by default the SDK sends requests to the queue URL's host.
import { startFauxqs, type FauxqsServer } from 'fauxqs';

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
