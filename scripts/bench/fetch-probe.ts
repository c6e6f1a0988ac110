// Watches every HTTP request the process makes through the global fetch (the simulators' calls to the hub API, the
// adapters' pushes, the benchmark's own admissions): counts the API requests, and stamps, per task, when its
// department first answered it (the acknowledge call starts as soon as the push arrived) and when the hub accepted
// its completion. Installed once; `stop()` restores fetch.

export interface FetchProbe {
  /** Requests to the hub API, by route kind (admission, acknowledge, complete, other), with 409 retries counted. */
  apiRequests: Record<string, number>;
  /** Answers 409 from the hub (a department's move raced the hub's own write and is retried). */
  conflicts: number;
  /** Sum and count of API request wall times, ms (a stand-in for the API function's billed duration). */
  apiMs: { sum: number; count: number };
  /** Pushes to departments: in flight now, the peak per department, and start times per department. */
  pushes: { inFlight: Record<string, number>; peakInFlight: Record<string, number>; startedAt: Record<string, number[]> };
  delivered: Map<string, number>;
  completed: Map<string, number>;
  stop(): void;
}

const TASK_ROUTE = /\/v1\/tasks\/([^/]+)\/(acknowledge|complete)$/;

export function installFetchProbe(apiUrl: string, simulatorUrl: string | undefined): FetchProbe {
  const original = globalThis.fetch;
  const probe: FetchProbe = {
    apiRequests: {},
    conflicts: 0,
    apiMs: { sum: 0, count: 0 },
    pushes: { inFlight: {}, peakInFlight: {}, startedAt: {} },
    delivered: new Map(),
    completed: new Map(),
    stop: () => {
      globalThis.fetch = original;
    },
  };
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const started = performance.now();
    if (simulatorUrl && url.startsWith(simulatorUrl)) {
      const dept = decodeURIComponent(url.slice(simulatorUrl.length).replace(/^\/departments\//, '').replace(/\/$/, ''));
      const p = probe.pushes;
      p.inFlight[dept] = (p.inFlight[dept] ?? 0) + 1;
      p.peakInFlight[dept] = Math.max(p.peakInFlight[dept] ?? 0, p.inFlight[dept]);
      (p.startedAt[dept] ??= []).push(started);
      try {
        return await original(input, init);
      } finally {
        p.inFlight[dept]!--;
      }
    }
    if (!url.startsWith(apiUrl)) return original(input, init);
    const path = new URL(url).pathname;
    const move = TASK_ROUTE.exec(path);
    const kind = move ? move[2]! : path === '/v1/children' ? 'admission' : 'other';
    probe.apiRequests[kind] = (probe.apiRequests[kind] ?? 0) + 1;
    if (move?.[2] === 'acknowledge') {
      const id = decodeURIComponent(move[1]!);
      if (!probe.delivered.has(id)) probe.delivered.set(id, started);
    }
    const res = await original(input, init);
    probe.apiMs.sum += performance.now() - started;
    probe.apiMs.count++;
    if (res.status === 409) probe.conflicts++;
    if (move?.[2] === 'complete' && res.ok) {
      const id = decodeURIComponent(move[1]!);
      probe.completed.set(id, performance.now());
      // With the acknowledgement in the push answer there is no acknowledge call: completion bounds delivery.
      if (!probe.delivered.has(id)) probe.delivered.set(id, started);
    }
    return res;
  };
  return probe;
}
