// Load on the embedded hub through its REST API: admissions (each child opens its tasks), all at once or at a
// steady rate, then waiting until the simulated departments have completed every task, with a progress bar on a TTY.
import type { Hub } from '../local/hub-options.ts';
import type { FetchProbe } from './fetch-probe.ts';

/** A child admitted from CWI-450100 (the same shape bench:budget admits); the tasks it opens come back in the answer. */
export const admissionBody = (i: number) => ({
  institutionId: 'CWI-450100', name: `基准${i}`, gender: i % 2 ? 'male' : 'female', birthDate: '2024-01-01',
  admittedOn: '2026-11-20', parentsUnknown: true, hukouRegistered: true, disabled: false, foundlingCertificateNumber: `BENCH-${i}`,
});

let serial = 0;

/** Admits one child; resolves with its id and when the request was sent (the tasks' opening time). */
async function admitOne(hub: Hub): Promise<{ childId: string; openedAt: number; taskIds: string[] }> {
  const openedAt = performance.now();
  const res = await fetch(`${hub.apiUrl}/v1/children`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.tokens['staff:CWI-450100']}`, 'content-type': 'application/json' },
    body: JSON.stringify(admissionBody(serial++)),
  });
  if (res.status !== 201) throw new Error(`admission answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { childId: string; tasks: { taskId: string }[] };
  return { childId: body.childId, openedAt, taskIds: body.tasks.map((t) => t.taskId) };
}

export interface LoadRun {
  openedAt: Map<string, number>;
  tasks: number;
  startedAt: number;
  finishedAt: number;
  /** Each task's opening → delivered and → completed, ms. */
  deliveredMs: number[];
  completedMs: number[];
  allCompleted: boolean;
}

export interface LoadOptions {
  children: number;
  /** Admissions per second; absent: all at once (a burst), at most `inFlight` requests open at a time. */
  perSecond?: number;
  inFlight?: number;
  timeoutMs: number;
  label: string;
  onTick?: () => void;
}

export async function runLoad(hub: Hub, probe: FetchProbe, o: LoadOptions): Promise<LoadRun> {
  const openedAt = new Map<string, number>();
  const startedAt = performance.now();
  const admissions: Promise<void>[] = [];
  const taskIds = new Set<string>();
  const record = (a: { childId: string; openedAt: number; taskIds: string[] }) => {
    openedAt.set(a.childId, a.openedAt);
    for (const id of a.taskIds) taskIds.add(id);
  };
  if (o.perSecond) {
    for (let i = 0; i < o.children; i++) {
      const due = startedAt + (i * 1000) / o.perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      admissions.push(admitOne(hub).then(record));
    }
  } else {
    let next = 0;
    const lane = async () => {
      while (next < o.children) {
        next++;
        record(await admitOne(hub));
      }
    };
    admissions.push(...Array.from({ length: Math.min(o.inFlight ?? o.children, o.children) }, lane));
  }
  await Promise.all(admissions);
  return untilCompleted(probe, { openedAt, tasks: taskIds.size, startedAt, isMine: (id) => taskIds.has(id) }, o);
}

/**
 * Waits until the departments completed `tasks` tasks of the children in `openedAt` (a progress bar on a TTY), then
 * each task's opening → delivered and → completed.
 */
export async function untilCompleted(
  probe: FetchProbe,
  run: { openedAt: Map<string, number>; tasks: number; startedAt: number; isMine: (taskId: string) => boolean },
  o: Pick<LoadOptions, 'timeoutMs' | 'label' | 'onTick'>,
): Promise<LoadRun> {
  const { openedAt, tasks, startedAt } = run;
  const mine = () => [...probe.completed.keys()].filter(run.isMine).length;
  const deadline = performance.now() + o.timeoutMs;
  let done = mine();
  while (done < tasks && performance.now() < deadline) {
    progress(o.label, done, tasks);
    o.onTick?.();
    await new Promise((r) => setTimeout(r, 250));
    done = mine();
  }
  progress(o.label, done, tasks, true);
  const deliveredMs: number[] = [];
  const completedMs: number[] = [];
  let finishedAt = startedAt;
  for (const [taskId, at] of probe.completed) {
    const opened = openedAt.get(childOf(taskId));
    if (!run.isMine(taskId) || opened === undefined) continue;
    completedMs.push(at - opened);
    deliveredMs.push((probe.delivered.get(taskId) ?? at) - opened);
    finishedAt = Math.max(finishedAt, at);
  }
  return { openedAt, tasks, startedAt, finishedAt, deliveredMs, completedMs, allCompleted: done >= tasks };
}

/** Task ids name their owner: `<childId>.T<ULID>`. */
export const childOf = (taskId: string) => taskId.slice(0, taskId.lastIndexOf('.T'));

export function progress(label: string, done: number, total: number, last = false) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r${label.padEnd(18)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${last ? '\n' : ''}`);
}
