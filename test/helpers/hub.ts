// A whole hub per test file: the same runtime as `npm start`, on the emulators the global setup started,
// under its own table and queue names, with a free API port and fast retries.
// With HUB_STACK_OUTPUTS set (test/helpers/target.ts) no hub starts: `call()` goes to the deployed stack's API, and
// the in-process parts (simulators, pollers, sweeps, secrets) are absent. A file whose hub runs the department
// simulators (useHub's default) is skipped as a whole there, its tests wait for departments that do not exist;
// a file with `simulators: false` runs, and its tests that need pollers, sweeps or queues call `needsEmbedded`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { clock } from '../../services/lib/clock.ts';
import type { Hub, HubOptions } from '../../scripts/local/hub-options.ts';
import { startHub } from '../../scripts/local/hub.ts';
import { emulatorConfig, uniquePrefix } from './emulators.ts';
import { checkResponse } from './responses.ts';
import { deployedTarget, embeddedOnlyReason, isDeployed, type DeployedTarget } from './target.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

export { isDeployed, needsEmbedded } from './target.ts';

export interface Reply<T = any> {
  status: number;
  body: T;
}

export interface TestHub extends Hub {
  /** Calls the API as `principal` (a key of the credentials, e.g. `staff:CWI-450100`), or anonymously. */
  call<T = any>(method: string, path: string, opts?: CallOpts): Promise<Reply<T>>;
  /** embedded: a hub in this process; deployed: the stack named by HUB_STACK_OUTPUTS. */
  mode: 'embedded' | 'deployed';
}

/** `headers` replace the defaults (a test of what a wrong content type gets). */
type CallOpts = { as?: string; body?: unknown; token?: string; headers?: Record<string, string> };

function caller(apiUrl: string, tokens: Record<string, string>): TestHub['call'] {
  return async (method: string, path: string, opts: CallOpts = {}) => {
    const token = opts.token ?? (opts.as ? tokens[opts.as] : undefined);
    if (opts.as && !token) throw new Error(`no token for ${opts.as}`);
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // A gateway's own error page (a deployed API Gateway, LocalStack) need not be JSON.
      body = text;
    }
    checkResponse(method, path, res.status, body);
    return { status: res.status, body };
  };
}

/** The deployed stack as a TestHub: its API, its outputs, and errors naming what only an embedded hub has. */
function deployedHub(target: DeployedTarget): TestHub {
  const missing = (what: string) => () => Promise.reject(new Error(embeddedOnlyReason(what)));
  return {
    mode: 'deployed',
    apiUrl: target.apiUrl,
    tokens: target.tokens,
    credentialsFile: target.credentialsFile,
    provisioned: target.provisioned,
    endpoints: { dynamodb: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '', sqs: process.env.AWS_ENDPOINT_URL_SQS ?? '' },
    simulators: undefined,
    pollers: {},
    secrets: {},
    redispatch: missing('redispatch() runs the sweep in process'),
    flagOverdue: missing('flagOverdue() runs the sweep in process'),
    openRecurring: missing('openRecurring() runs the sweep in process'),
    sweepClocks: missing('sweepClocks() runs the sweep in process'),
    escalate: missing('escalate() runs the sweep in process'),
    draftReports: missing('draftReports() runs the sweep in process'),
    stop: async () => {},
    call: caller(target.apiUrl, target.tokens),
  };
}

export function useHub(options: HubOptions = {}): () => TestHub {
  let hub: TestHub | undefined;
  if (isDeployed() && options.simulators !== false) {
    const reason = embeddedOnlyReason('this file runs the department simulators, which a deployed stack does not have');
    beforeEach((ctx) => ctx.skip(true, reason));
  }
  beforeAll(async () => {
    const target = deployedTarget();
    if (target) {
      hub = deployedHub(target);
      return;
    }
    hub = await startTestHub(options);
  });
  afterAll(async () => {
    await hub?.stop();
  });
  return () => {
    if (!hub) throw new Error('hub not started');
    return hub;
  };
}

/** An embedded hub on the emulators, as useHub starts one; given the same `prefix`, a restart of that hub (same table). */
export async function startTestHub(options: HubOptions = {}): Promise<TestHub> {
  const c = emulatorConfig();
  const started = await startHub({
    port: 0,
    inMemory: true,
    prefix: uniquePrefix('hub'),
    endpoints: { dynamodb: c.dynamodbEndpoint, sqs: c.sqsEndpoint },
    simulatorDelayMs: 50,
    visibilityTimeoutSeconds: 1,
    retryBaseSeconds: 1,
    waitTimeSeconds: 1,
    // Tests run with a one-second visibility timeout: no batching window.
    batchingWindowMs: 0,
    redispatchEverySeconds: 0,
    overdueEverySeconds: 0,
    clocksEverySeconds: 0,
    // HUB_TEST_LOG=1 shows what the hub logs (simulator refusals, poller errors), hidden by default.
    ...(process.env.HUB_TEST_LOG ? { log: (line: string) => console.error(`[hub] ${line}`) } : {}),
    ...options,
  });
  return Object.assign(started, { mode: 'embedded' as const, call: caller(started.apiUrl, started.tokens) });
}

/**
 * A hub the file starts, and restarts on the same table, on the hub's clock: a restart keeps its tokens in a
 * credentials file, as `npm start` does. The clock is reset after each test; the hub stops and its files go after the file.
 */
export function useRestartableHub(name: string) {
  const prefix = uniquePrefix(name);
  const dataDir = mkdtempSync(join(tmpdir(), `hub-${name}-`));
  let hub: TestHub | undefined;
  afterEach(() => clock.set());
  afterAll(async () => {
    clock.set();
    await hub?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    /** Starts the hub; when one runs, stops it first (a restart). */
    async start(): Promise<TestHub> {
      await hub?.stop();
      hub = await startTestHub({ prefix, inMemory: false, dataDir });
      return hub;
    },
  };
}

/**
 * Waits scale with HUB_TEST_TIME_SCALE; against a deployed stack they default to 4x (Lambda cold starts in
 * LocalStack take seconds). Give vitest a longer --testTimeout too (npm run test:integration does).
 */
function timeScale(): number {
  const fromEnv = Number(process.env.HUB_TEST_TIME_SCALE);
  return fromEnv > 0 ? fromEnv : process.env.HUB_STACK_OUTPUTS ? 4 : 1;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs * timeScale();
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const NANNING = 'CWI-450100';
export const LIUZHOU = 'CWI-450200';

/** An admission body; parents known, hukou registered, not disabled, under school age: opens no tasks. */
export function admission(overrides: Record<string, unknown> = {}) {
  return {
    institutionId: NANNING,
    name: '测试儿童',
    gender: 'female',
    birthDate: '2023-05-01',
    admittedOn: '2026-11-20',
    parentsUnknown: false,
    hukouRegistered: true,
    disabled: false,
    ...overrides,
  };
}

/** The child and its tasks, as the staff of its institution read them. */
export async function readChild(h: TestHub, childId: string, as = `staff:${NANNING}`) {
  return (await h.call('GET', `/v1/children/${childId}`, { as })).body;
}

export async function readTask(h: TestHub, childId: string, taskId: string) {
  return (await readChild(h, childId)).tasks.find((t: any) => t.taskId === taskId);
}

/** Waits until the task reaches `status`, and returns it. */
export function untilTaskStatus(h: TestHub, childId: string, taskId: string, status: string, timeoutMs = 20_000) {
  return eventually(async () => {
    const t = await readTask(h, childId, taskId);
    return t?.status === status ? t : undefined;
  }, timeoutMs, `task ${status}`);
}

/**
 * Admits a child whose parents are unknown but who has a police certificate: admission opens DNA comparison
 * and medical pre-enrollment. Returns the child and its pre-enrollment task.
 */
export async function admitFoundling(h: TestHub, certificate = 'NN-GA-2026-0001') {
  const res = await h.call('POST', '/v1/children', {
    as: `staff:${NANNING}`,
    body: admission({ parentsUnknown: true, foundlingCertificateNumber: certificate }),
  });
  if (res.status !== 201) throw new Error(`admission answered ${res.status}: ${JSON.stringify(res.body)}`);
  const task = res.body.tasks.find((t: any) => t.type === preEnrollmentV1.type);
  if (!task) throw new Error('admission opened no pre-enrollment');
  return { childId: res.body.childId as string, taskId: task.taskId as string, res };
}
