// A burst (a bulk import) to one department: `count` tasks opened through the API as fast as staff's systems can,
// while the department answers each push only after `answerDelayMs`, so that pushes overlap. The department's
// simulator counts the most pushes it was answering at once: never more than the adapter's concurrency (the stack's
// event source maxConcurrency, which the local runtime honours) times the batch size.
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
  openMs: number;
  settleMs: number;
}

export async function runBurst(hub: Hub, call: Call, opts: { count: number; concurrency: number; answerDelayMs: number; parallel?: number }): Promise<BurstFigures> {
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
  await Promise.all(Array.from({ length: opts.parallel ?? 8 }, one));
  poller.start();
  const openMs = Date.now() - started;
  await settle(hub, Math.max(60_000, opts.count * 200));
  hub.simulators!.setAnswerDelay(department, 0);
  const tasks = (await allTasks(hub.provisioned.tableName)).filter((t) => t.createdAt >= since);
  return {
    department,
    tasks: tasks.length,
    completed: tasks.filter((t) => t.status === 'completed').length,
    peakInFlight: hub.simulators!.tally(department).peakInFlight,
    cap: opts.concurrency * BATCH_SIZE,
    openMs,
    settleMs: Date.now() - started - openMs,
  };
}

export const burstLine = (f: BurstFigures) =>
  `[reliability] burst: ${f.tasks} tasks to ${f.department}, completed ${f.completed}, most pushes at once ${f.peakInFlight} ` +
  `(cap ${f.cap}: adapter concurrency x batch size), opened in ${f.openMs} ms with the adapter held, delivered and completed ${f.settleMs} ms later`;
