// A burst (a bulk import) to one department: `count` tasks opened through the API as fast as staff's systems can,
// while the department answers each push only after `answerDelayMs`, so that pushes overlap. The department's
// simulator counts the most pushes it was answering at once: never more than the adapter's concurrency (the stack's
// event source maxConcurrency, which the local runtime honours) times the batch size. The most pushes the hub sent in
// any one second is never more than the department's rate (docs/decisions/0021-department-rates.md); the most that
// arrived in one second can be a little more, by what the way there bunches (here: one busy event loop).
import type { Hub } from '../local/hub-options.ts';
import { taskTypes } from '../../services/topology.ts';
import { settle } from './scenario.ts';
import { allTasks } from './verdict.ts';
import { child, inputOf, type Call } from './workload.ts';

/** The event source's batch size, as the stack has it (infra/department-pipeline.ts) and the local pollers default to. */
export const BATCH_SIZE = 10;

export interface BurstFigures {
  department: string;
  tasks: number;
  completed: number;
  peakInFlight: number;
  cap: number;
  /** Most pushes the hub sent, and that arrived, within any one second (a sliding window); the department's rate. */
  mostSentInOneSecond: number;
  mostArrivedInOneSecond: number;
  rate: number;
  openMs: number;
  settleMs: number;
}

/** The most of `times` (ms, ascending) that fall within any window of `windowMs`. */
export function mostWithin(times: readonly number[], windowMs = 1000): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/**
 * When the adapter sends each push to `endpoint`: the process's fetch watched (the adapter pushes with it) until
 * `stop`. The send side of the rate, before the way there adds its jitter.
 */
function whenSent(endpoint: string): { times: number[]; stop(): void } {
  const times: number[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(endpoint)) times.push(Date.now());
    return original(input, init);
  };
  return { times, stop: () => void (globalThis.fetch = original) };
}

export async function runBurst(hub: Hub, call: Call, opts: { count: number; concurrency: number; rate: number; answerDelayMs: number; parallel?: number }): Promise<BurstFigures> {
  const type = taskTypes.find((t) => t.contract.subject === 'child' && !t.contract.workflow)!;
  const department = type.contract.department;
  hub.simulators!.setAnswerDelay(department, opts.answerDelayMs);
  const since = new Date().toISOString();
  const started = Date.now();
  let next = 0;
  const staff = 'staff:CWI-450100';
  // A connection reset on a loaded machine (a kept-alive socket the server closed) is the client's to retry; an
  // admission tried twice only admits a second child with no tasks.
  const retried: Call = (method, path, o) => call(method, path, o).catch(() => call(method, path, o));
  const one = async () => {
    for (let i = next++; i < opts.count; i = next++) {
      const admitted = await retried('POST', '/v1/children', { as: staff, body: child('CWI-450100', i) });
      const body = { type: type.contract.type, input: inputOf(type) };
      const opened = await retried('POST', `/v1/children/${admitted.body.childId}/tasks`, { as: staff, body });
      if (opened.status !== 201) throw new Error(`burst task ${i} answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    }
  };
  // The department's adapter is held while the burst is opened, so that the whole burst waits on its queue at once,
  // as after a bulk import faster than the department: what then reaches the department is the cap's doing.
  const poller = hub.pollers[department]!;
  await poller.stop();
  const arrivalsBefore = hub.simulators!.tally(department).arrivals.length;
  await Promise.all(Array.from({ length: opts.parallel ?? 8 }, one));
  const sent = whenSent(hub.simulators!.endpointOf(department)!);
  poller.start();
  const openMs = Date.now() - started;
  try {
    await settle(hub, Math.max(60_000, opts.count * 200));
  } finally {
    sent.stop();
  }
  hub.simulators!.setAnswerDelay(department, 0);
  const tasks = (await allTasks(hub.provisioned.tableName)).filter((t) => t.createdAt >= since);
  return {
    department,
    tasks: tasks.length,
    completed: tasks.filter((t) => t.status === 'completed').length,
    peakInFlight: hub.simulators!.tally(department).peakInFlight,
    cap: opts.concurrency * BATCH_SIZE,
    mostSentInOneSecond: mostWithin(sent.times),
    mostArrivedInOneSecond: mostWithin(hub.simulators!.tally(department).arrivals.slice(arrivalsBefore)),
    rate: opts.rate,
    openMs,
    settleMs: Date.now() - started - openMs,
  };
}

export const burstLine = (f: BurstFigures) =>
  `[reliability] burst: ${f.tasks} tasks to ${f.department}, completed ${f.completed}, most pushes at once ${f.peakInFlight} ` +
  `(cap ${f.cap}: adapter concurrency x batch size), most pushes sent in one second ${f.mostSentInOneSecond} (rate ${f.rate}), arrived in one second ${f.mostArrivedInOneSecond}, opened in ${f.openMs} ms with the adapter held, delivered and completed ${f.settleMs} ms later`;
