// Endpoints the partner-check tests run against: the real department simulators (with a stand-in hub API that
// takes their acknowledge/complete calls), and a fake department with chosen flaws. Everything they start is
// closed by the `close` they return, timers included.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureSchemes, type SignatureScheme } from '../../contracts/push.ts';
import { IDEMPOTENCY_HEADER, ReplayGuard, SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from '../../services/delivery/signature.ts';
import { loadMapping, loadSimulator } from '../../scripts/departments/modules.ts';
import { startSimulators, type DepartmentSimulator, type RunningSimulators } from '../../scripts/simulators/simulator.ts';
import { departments, signatureOf } from '../../services/topology.ts';
import type { CommandIo } from '../../scripts/partner-check/command.ts';

export const SECRET = 'partner-check-test-secret';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface HubCall {
  taskId: string;
  action: string;
  authorization?: string;
  body: unknown;
}

/** A stand-in for the hub's partner API: takes every acknowledge/complete call with 200 and records it. */
export async function startStandInHub(): Promise<{ url: string; calls: HubCall[]; close(): Promise<void> }> {
  const calls: HubCall[] = [];
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    const m = /^\/v1\/tasks\/([^/]+)\/([a-z-]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) {
      res.writeHead(404).end();
      return;
    }
    calls.push({ taskId: decodeURIComponent(m[1]!), action: m[2]!, authorization: req.headers.authorization, body: JSON.parse(text) });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  const url = await listen(server);
  return { url, calls, close: () => shut(server) };
}

/** The five real simulators, on one port, each with SECRET, acknowledging and completing through a stand-in hub. */
export async function startRealSimulators(delayMs = 5): Promise<{
  simulators: RunningSimulators;
  hub: Awaited<ReturnType<typeof startStandInHub>>;
  /** Every result a simulator made, with the request it read. */
  results: { department: string; type: string; request: unknown; result: unknown }[];
  close(): Promise<void>;
}> {
  const hub = await startStandInHub();
  const sims: DepartmentSimulator[] = [];
  const results: { department: string; type: string; request: unknown; result: unknown }[] = [];
  for (const d of departments) {
    const sim = (await loadSimulator(d.code))!;
    const recorded = Object.fromEntries(
      Object.entries(sim.results).map(([type, make]) => [
        type,
        (request: unknown, today: string) => {
          const result = make(request, today);
          results.push({ department: d.code, type, request, result });
          return result;
        },
      ]),
    );
    sims.push({ ...sim, results: recorded });
  }
  const simulators = await startSimulators({
    simulators: sims,
    secrets: Object.fromEntries(departments.map((d) => [d.code, SECRET])),
    hubUrl: hub.url,
    tokens: Object.fromEntries(departments.map((d) => [d.code, `token-${d.code}`])),
    delayMs,
  });
  return {
    simulators,
    hub,
    results,
    close: async () => {
      await simulators.close();
      await hub.close();
    },
  };
}

export interface Flaws {
  /**
   * checked (default); ignored; hmac-only: checks the HMAC but not the timestamp's age; status-400: refuses with 400;
   * any-scheme: verifies with whichever algorithm the signature's prefix names.
   */
  signature?: 'checked' | 'ignored' | 'hmac-only' | 'status-400' | 'any-scheme';
  /** Status for a body it cannot read (default 400). */
  unreadableStatus?: number;
  /** Answer only after this long. */
  delayMs?: number;
  /** flagged (default): 200 duplicate: true; silent: 202 like a new task; refused: 409; new: 202 duplicate: false. */
  duplicates?: 'flagged' | 'silent' | 'refused' | 'new';
  /** The scheme it verifies with (default: the department's). */
  scheme?: SignatureScheme;
  /** refused (default): a ReplayGuard, as the simulators; accepted: a signature seen before passes under any key. */
  replays?: 'refused' | 'accepted';
}

/** A department endpoint with chosen flaws: verifies (or not) as the simulators do, reads with the real fromWire. */
export async function startFakeDepartment(
  code: string,
  flaws: Flaws = {},
): Promise<{ url: string; received: string[]; close(): Promise<void> }> {
  const { fromWire } = await loadMapping(code);
  const received: string[] = [];
  const replays = flaws.replays === 'accepted' ? undefined : new ReplayGuard();
  const timers = new Set<NodeJS.Timeout>();
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const reply = (status: number, answer: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    };
    const headers = req.headers as Record<string, string>;
    const signature = flaws.signature ?? 'checked';
    if (signature !== 'ignored') {
      // hmac-only: judged as of the request's own timestamp, so no timestamp is ever too old.
      const at = signature === 'hmac-only' ? Number(headers[TIMESTAMP_HEADER]) * 1000 : Date.now();
      const named = (Object.keys(signatureSchemes) as SignatureScheme[]).find((s) =>
        headers[SIGNATURE_HEADER]?.startsWith(signatureSchemes[s].prefix),
      );
      const scheme = signature === 'any-scheme' && named ? named : (flaws.scheme ?? signatureOf(code));
      const check = verify(SECRET, headers, body, at, { scheme, ...(replays ? { replays } : {}) });
      if (!check.ok) return reply(signature === 'status-400' ? 400 : 401, { reason: `signature ${check.reason}` });
    }
    let taskId: string;
    try {
      taskId = fromWire(JSON.parse(body)).taskId;
    } catch {
      return reply(flaws.unreadableStatus ?? 400, { reason: 'unreadable body' });
    }
    const key = headers[IDEMPOTENCY_HEADER] ?? taskId;
    if (received.includes(key)) {
      switch (flaws.duplicates ?? 'flagged') {
        case 'flagged':
          return reply(200, { received: true, duplicate: true });
        case 'silent':
          return reply(202, { received: true });
        case 'refused':
          return reply(409, { reason: 'task already received' });
        case 'new':
          return reply(202, { received: true, duplicate: false });
      }
    }
    received.push(key);
    reply(202, { received: true });
  };
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (!flaws.delayMs) return handle(req, res, body);
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) handle(req, res, body);
    }, flaws.delayMs);
    timers.add(t);
  });
  const url = await listen(server);
  return {
    url: `${url}/departments/${code}`,
    received,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await shut(server);
    },
  };
}

/** A CommandIo that keeps what the command prints. */
export function captureIo(env: Record<string, string | undefined> = {}): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}
