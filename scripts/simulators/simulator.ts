// Department simulators: an HTTP endpoint per department that verifies the hub's signature, reads the
// department's wire format, answers at once, and then, at a configurable pace, acknowledges and completes
// the task through the hub's API as the real department would.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DepartmentCode } from '../../contracts/common.ts';
import type { SignatureScheme } from '../../contracts/push.ts';
import { chinaDate } from '../../services/calendar/china-time.ts';
import { IDEMPOTENCY_HEADER, ReplayGuard, verify } from '../../services/delivery/signature.ts';
import { clock } from '../../services/lib/clock.ts';
import { signatureOf } from '../../services/topology.ts';

export interface DepartmentSimulator {
  department: DepartmentCode;
  /** Reads a pushed body in the department's wire format; throws on anything malformed. */
  fromWire(body: unknown): { taskId: string; type: string; request: unknown };
  /** A plausible result per task type, given the request and today's date (YYYY-MM-DD, China time). */
  results: Record<string, (request: unknown, today: string) => unknown>;
}

/** How a simulated department behaves: normally, down (503), or refusing every task (422). */
export type SimulatorMode = 'normal' | 'down' | 'refuse';

/** What a department received, for the fault-injection suite (scripts/reliability/): nothing lost, nothing twice. */
export interface SimulatorTally {
  /** Signed, well-formed pushes per idempotency key, duplicates included (at-least-once delivery). */
  deliveries: Map<string, number>;
  /** Times the department started acting on a task (acknowledge, complete): more than one is an effect applied twice. */
  effects: Map<string, number>;
  /** Most pushes the department was answering at one moment. */
  peakInFlight: number;
  /** When each push arrived (ms since the epoch), in order: what a rate is measured on. */
  arrivals: number[];
}

export interface SimulatorOptions {
  simulators: DepartmentSimulator[];
  /** Each department's signing secret, as the hub's adapter holds it. */
  secrets: Record<string, string>;
  /** The scheme a department's pushes are verified with; default: the topology's (`signatureOf`). */
  signatures?: Record<string, SignatureScheme>;
  hubUrl: string;
  /** Each department's bearer token for the hub API. */
  tokens: Record<string, string>;
  /** Wait before each move (acknowledge, complete). */
  delayMs: number;
  /** Acknowledge in the answer to the push instead of through the API (saves a call and a write per task). */
  ackInResponse?: boolean;
  port?: number;
  log?: (line: string) => void;
}

// The hub's clock, not the machine's: a test that moves the hub through years gets results dated in its time.
const chinaToday = () => chinaDate(clock.now());

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface RunningSimulators {
  url: string;
  endpointOf(department: string): string;
  setMode(department: string, mode: SimulatorMode): void;
  /** Answer every push this much later (0: at once); beyond the adapter's timeout the hub sees a failure and retries. */
  setAnswerDelay(department: string, ms: number): void;
  /** Wait this long before each move (acknowledge, complete) of this department instead of `delayMs`; undefined: `delayMs` again. */
  setMoveDelay(department: string, ms: number | undefined): void;
  /** Refuse (422) the pushes of the tasks `refuse` picks, as a department whose checks reject some cases; undefined: none. */
  refuseWhen(refuse: ((taskId: string) => boolean) | undefined): void;
  tally(department: string): SimulatorTally;
  /** Pushes received per department (a duplicate counts once). */
  received(department: string): string[];
  close(): Promise<void>;
}

export async function startSimulators(opts: SimulatorOptions): Promise<RunningSimulators> {
  const byCode = new Map(opts.simulators.map((s) => [s.department, s]));
  const modes = new Map<string, SimulatorMode>();
  const seen = new Map<string, string[]>();
  // Each department's accepted signatures: a request sent again inside the window is refused as a replay.
  const replays = new Map<string, ReplayGuard>();
  const delays = new Map<string, number>();
  const moveDelays = new Map<string, number>();
  let refuses: ((taskId: string) => boolean) | undefined;
  const tallies = new Map<string, SimulatorTally>();
  const tallyOf = (d: string) => {
    let t = tallies.get(d);
    if (!t) tallies.set(d, (t = { deliveries: new Map(), effects: new Map(), peakInFlight: 0, arrivals: [] }));
    return t;
  };
  const inFlight = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const log = opts.log ?? (() => {});

  // Every wait is tracked, so close() leaves no timer behind (a closed simulator's work is abandoned).
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const later = async (department: string, fn: () => Promise<void>) => {
    await wait(moveDelays.get(department) ?? opts.delayMs);
    await fn();
  };

  const callHub = async (department: string, taskId: string, action: string, body: unknown) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${opts.hubUrl}/v1/tasks/${encodeURIComponent(taskId)}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.tokens[department]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).catch((err: Error) => ({ ok: false, status: 0, text: async () => err.message }));
      if (res.ok) return true;
      // 409: either the hub has not yet recorded the delivery this answer raced (try again shortly), or a
      // person acted on the task first (then the simulator steps aside after a few tries). A 5xx or no answer
      // is the hub's trouble, not a verdict: a department tries again, as the API's error message asks.
      const retryable = res.status === 409 || res.status === 0 || res.status >= 500;
      if (retryable && attempt < (res.status === 409 ? 4 : 20)) {
        // Up to half a minute for a hub that is restarting.
        await wait(Math.min(100 * attempt, 2000));
        continue;
      }
      if (res.status !== 409) log(`${department} ${action} ${taskId}: ${res.status} ${await res.text()}`);
      return false;
    }
  };

  const work = async (sim: DepartmentSimulator, taskId: string, type: string, request: unknown) => {
    const { effects } = tallyOf(sim.department);
    effects.set(taskId, (effects.get(taskId) ?? 0) + 1);
    if (!opts.ackInResponse)
      await later(sim.department, async () => {
        await callHub(sim.department, taskId, 'acknowledge', {});
      });
    await later(sim.department, async () => {
      const make = sim.results[type];
      if (!make) return void log(`${sim.department}: no simulated result for ${type}`);
      await callHub(sim.department, taskId, 'complete', { result: make(request, chinaToday()) });
    });
  };

  const server: Server = createServer(async (req, res) => {
    const code = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/departments\//, '').replace(/\/$/, ''));
    const tally = tallyOf(code);
    tally.arrivals.push(Date.now());
    inFlight.set(code, (inFlight.get(code) ?? 0) + 1);
    tally.peakInFlight = Math.max(tally.peakInFlight, inFlight.get(code)!);
    const delay = delays.get(code) ?? 0;
    const reply = (status: number, body: unknown) => {
      const send = () => {
        inFlight.set(code, inFlight.get(code)! - 1);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (delay) void wait(delay).then(send);
      else send();
    };
    const sim = byCode.get(code as DepartmentCode);
    if (req.method !== 'POST' || !sim) return reply(404, { reason: 'no such department endpoint' });
    const body = await readBody(req);
    if (modes.get(code) === 'down') return reply(503, { reason: 'department system unavailable' });
    const scheme = opts.signatures?.[code] ?? signatureOf(code);
    if (!replays.has(code)) replays.set(code, new ReplayGuard());
    const check = verify(opts.secrets[code] ?? '', req.headers as Record<string, string>, body, Date.now(), { scheme, replays: replays.get(code) });
    if (!check.ok) return reply(401, { reason: `signature ${check.reason}` });
    if (modes.get(code) === 'refuse') return reply(422, { reason: 'the department refuses this task' });
    let parsed: ReturnType<DepartmentSimulator['fromWire']>;
    try {
      parsed = sim.fromWire(JSON.parse(body));
    } catch {
      return reply(400, { reason: 'body does not match the department wire format' });
    }
    const key = String(req.headers[IDEMPOTENCY_HEADER] ?? parsed.taskId);
    tally.deliveries.set(key, (tally.deliveries.get(key) ?? 0) + 1);
    if (refuses?.(parsed.taskId)) return reply(422, { reason: 'the department refuses this task' });
    const list = seen.get(code) ?? [];
    if (list.includes(key)) return reply(200, { received: true, duplicate: true });
    seen.set(code, [...list, key]);
    reply(202, { received: true, ...(opts.ackInResponse ? { acknowledged: true } : {}) });
    work(sim, parsed.taskId, parsed.type, parsed.request).catch((err: Error) => log(`${code}: ${err.message}`));
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    endpointOf: (d) => `${url}/departments/${d}`,
    setMode: (d, m) => void modes.set(d, m),
    setAnswerDelay: (d, ms) => void delays.set(d, ms),
    setMoveDelay: (d, ms) => void (ms === undefined ? moveDelays.delete(d) : moveDelays.set(d, ms)),
    refuseWhen: (refuse) => void (refuses = refuse),
    tally: tallyOf,
    received: (d) => seen.get(d) ?? [],
    close: async () => {
      for (const t of timers) clearTimeout(t);
      // A delayed answer whose timer was just cleared would hold its connection, and close() with it.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
