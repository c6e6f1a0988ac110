// One fault scenario against a running embedded hub: open a workload of every task type with the fault on, let the
// hub settle, count (verdict.ts), heal the fault, bring every parked task home (redrive the dead-letter queues,
// resume the refused deliveries as staff do), and count again.
import type { Hub } from '../local/hub-options.ts';
import { hubMachine } from '../../services/auth/actor.ts';
import { isTerminal } from '../../services/state/lifecycle.ts';
import type { TaskItem } from '../../services/state/tasks.ts';
import { redriveDeadLetters } from '../operations/redrive.ts';
import { allTasks, figures, figuresLine, queueDepth, type Figures } from './verdict.ts';
import { openRounds, type Call, type Opened } from './workload.ts';

export interface Scenario {
  name: string;
  rounds: number;
  /** Turns the fault on; what it returns turns it off. */
  inject(): Promise<() => Promise<void> | void> | (() => Promise<void> | void);
  /** More tasks or messages, once the workload is open (poison messages, races). */
  during?(opened: Opened[]): Promise<void>;
}

export interface ScenarioResult {
  before: Figures;
  after: Figures;
  line: string;
  opened: Opened[];
  /** Messages the redrive left in the dead-letter queues: not task envelopes, for a person to read. */
  unreadable: number;
}

/**
 * Until every task is `settled` (default: closed or failed) and the department queues are empty, or `timeoutMs` passes. The re-dispatch
 * sweep runs every two seconds, as the stack's schedule does every few minutes: a task written but not sent (its
 * send failed, or the answer to its write was lost and the caller told 500) goes out again.
 */
export async function settle(hub: Hub, timeoutMs: number, settled = (t: TaskItem) => isTerminal(t.status) || t.status === 'failed'): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let round = 1; ; round++) {
    // Under injected faults the sweep may fail, as a scheduled run can: it runs again at the next tick.
    if (round % 8 === 0) await hub.redispatch(2).catch(() => {});
    const tasks = await allTasks(hub.provisioned.tableName);
    const open = tasks.filter((t) => !settled(t)).length;
    const queued = (await Promise.all(Object.values(hub.provisioned.queues).map((q) => queueDepth(q.url)))).reduce((a, b) => a + b, 0);
    if ((open === 0 && queued === 0) || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Every parked task sent again: those a dead-letter queue holds by `hub redrive`, the refused ones as staff resume
 * them. Returns how many messages the redrive left unread (poison: not a task envelope).
 */
export async function bringHome(hub: Hub, call: Call): Promise<number> {
  const reports = await Promise.all(Object.values(hub.provisioned.queues).map((q) => redriveDeadLetters(q.dlqUrl, hubMachine('redrive'))));
  for (const t of (await allTasks(hub.provisioned.tableName)).filter((x) => x.status === 'failed')) {
    const r = await call('POST', `/v1/tasks/${t.taskId}/resume`, { as: `staff:${t.institutionId}`, body: {} });
    if (r.status !== 200 && r.status !== 409) throw new Error(`resume of ${t.taskId} answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
  return reports.reduce((n, r) => n + r.unreadable, 0);
}

export async function runScenario(hub: Hub, call: Call, s: Scenario, settleMs = 30_000): Promise<ScenarioResult> {
  const since = new Date().toISOString();
  const heal = await s.inject();
  let opened: Opened[];
  try {
    const t0 = Date.now();
    opened = await openRounds(call, s.rounds, { sweepClocks: () => hub.sweepClocks() });
    const t1 = Date.now();
    await s.during?.(opened);
    // The fault stays on while the hub works through the tasks, for a while; then it heals, as outages do.
    await settle(hub, settleMs / 2);
    if (process.env.HUB_RELIABILITY_TIMING) console.log(`[reliability] ${s.name}: opened in ${t1 - t0} ms, settled in ${Date.now() - t1} ms`);
  } finally {
    await heal();
  }
  await settle(hub, settleMs);
  // Counted with the fault off: a count must not fail to the fault it counts.
  const before = await figures(hub.provisioned, opened, hub.simulators, since);
  const unreadable = await bringHome(hub, call);
  await settle(hub, settleMs);
  const after = await figures(hub.provisioned, opened, hub.simulators, since);
  const line = figuresLine(s.name, before, after, unreadable);
  console.log(line);
  return { before, after, line, opened, unreadable };
}
