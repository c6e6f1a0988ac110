// The JVM's leftovers: the pid file in the data directory, and finding and killing a DynamoDB Local that a
// hard-killed parent left running on it (only if the pid still is DynamoDB Local on this directory: pids get reused).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { canBind, sleep, waitFor } from './ports.ts';

export const PID_FILE_NAME = 'dynamodb-local.pid';

export interface PidFile {
  pid: number;
  port: number;
  startedAt: string;
}

/**
 * A JVM left by a hard-killed parent still holds this data directory's database file and its port. We kill it
 * rather than reuse it: it is not our child (no exit event, no watchdog, no kill-on-exit), it may run with other
 * options or another DynamoDB Local version, and its port may not be the one asked for. A restart costs a few
 * seconds, and only after a crash. The pid is killed only if it still is DynamoDB Local on this directory,
 * because pids get reused.
 */
export async function killOrphan(pidFile: string, dataDir: string): Promise<void> {
  let recorded: PidFile;
  try {
    recorded = JSON.parse(readFileSync(pidFile, 'utf8')) as PidFile;
  } catch {
    return;
  }
  if (Number.isInteger(recorded.pid) && isAlive(recorded.pid) && isDynamoDbLocalOn(recorded.pid, dataDir)) {
    killQuietly(recorded.pid, 'SIGTERM');
    if (!(await waitFor(() => !isAlive(recorded.pid), 3000))) killQuietly(recorded.pid, 'SIGKILL');
    if (!(await waitFor(() => !isAlive(recorded.pid), 10_000))) {
      throw new Error(`DynamoDB Local left running on ${dataDir} (pid ${recorded.pid}) does not die; kill it by hand.`);
    }
    // Dead is not yet unbound where /proc is missing (no thread count); the port tells.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await canBind(recorded.port))) await sleep(50);
  }
  rmSync(pidFile, { force: true });
}

/** Whether `pid` is a live process (a zombie is not, once its threads are gone). Exported for tests. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z') return true;
    // A killed child of ours stays a zombie until Node reaps it. But a JVM's main thread turns zombie while its
    // other threads are still exiting, and those still hold its port and database file: it is gone only when
    // the main thread is the last task left.
    return readdirSync(`/proc/${pid}/task`).length > 1;
  } catch {
    return true;
  }
}

function isDynamoDbLocalOn(pid: number, dataDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((a) => a.endsWith('DynamoDBLocal.jar')) && args[args.indexOf('-dbPath') + 1] === dataDir;
  } catch {
    // No /proc (macOS): the command line from ps, where arguments are only space-separated.
    try {
      const commandLine = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
      return commandLine.includes('DynamoDBLocal.jar') && commandLine.includes(`-dbPath ${dataDir} `);
    } catch {
      return false;
    }
  }
}

export function removePidFileIfOurs(pidFile: string, pid: number): void {
  try {
    const recorded = JSON.parse(readFileSync(pidFile, 'utf8')) as PidFile;
    if (recorded.pid === pid) rmSync(pidFile, { force: true });
  } catch {
    // Gone or unreadable: nothing of ours to remove.
  }
}

export function killQuietly(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

