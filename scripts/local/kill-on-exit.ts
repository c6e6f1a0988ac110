// Child processes we start (the DynamoDB Local JVM above all) must not outlive this process. A JVM keeps
// running when its Node parent ends, so every registered pid is killed when Node exits or is told to stop.
// SIGKILL because an exit handler cannot wait; DynamoDB Local commits each write, so nothing is lost.
// A hard kill of this process runs none of this: dynamodb-local.ts covers that case with a watchdog.

const pids = new Set<number>();
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

function killAll(): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  pids.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles the signal (npm start, the benchmark's hub, vitest): they stop in order, the JVM last, after
  // the requests still in flight; killing it now would fail those with ECONNREFUSED. 'exit' kills what is left.
  if (process.listenerCount(signal) > 1) return;
  killAll();
  // Listening to a signal cancels Node's default of dying from it. When nobody else handles it, die from it as if
  // we had never listened.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const s of signals) process.on(s, onSignal);
}

/** Kills `pid` when this process exits or receives SIGINT/SIGTERM/SIGHUP. Returns the unregister function. */
export function killOnExit(pid: number): () => void {
  install();
  pids.add(pid);
  return () => {
    pids.delete(pid);
  };
}
