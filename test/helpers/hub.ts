// A whole hub per test file: the same runtime as `npm start`, on the emulators the global setup started,
// under its own table and queue names, with a free API port and fast retries.
import { afterAll, beforeAll } from 'vitest';
import { startHub, type Hub, type HubOptions } from '../../services/runtime/hub.ts';
import { emulatorConfig, uniquePrefix } from './emulators.ts';

export interface Reply<T = any> {
  status: number;
  body: T;
}

export interface TestHub extends Hub {
  /** Calls the API as `principal` (a key of the credentials, e.g. `staff:CWI-450100`), or anonymously. */
  call<T = any>(method: string, path: string, opts?: { as?: string; body?: unknown; token?: string }): Promise<Reply<T>>;
}

export function useHub(options: HubOptions = {}): () => TestHub {
  let hub: TestHub | undefined;
  beforeAll(async () => {
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
      redispatchEverySeconds: 0,
      overdueEverySeconds: 0,
      ...options,
    });
    hub = Object.assign(started, {
      async call(method: string, path: string, opts: { as?: string; body?: unknown; token?: string } = {}) {
        const token = opts.token ?? (opts.as ? started.tokens[opts.as] : undefined);
        if (opts.as && !token) throw new Error(`no token for ${opts.as}`);
        const res = await fetch(`${started.apiUrl}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      },
    });
  });
  afterAll(async () => {
    await hub?.stop();
  });
  return () => {
    if (!hub) throw new Error('hub not started');
    return hub;
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
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
