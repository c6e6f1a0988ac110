// Each department of the topology, locally: its adapter Lambda's handler on a poller of its queue (as the stack's
// event source calls it), and its simulator, when it has one, as the endpoint the adapter pushes to.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DepartmentCode } from '../../contracts/common.ts';
import { createAdapterHandler } from '../../services/adapters/adapter.ts';
import { parseOfficeKey, type OfficeDelivery } from '../../services/delivery/offices.ts';
import type { Credentials } from '../../services/auth/local-credentials.ts';
import { perInstanceRate } from '../../services/delivery/pace.ts';
import { delivery, departments } from '../../services/topology.ts';
import { loadAdapter, loadSimulator } from '../departments/modules.ts';
import { startSimulators, type DepartmentSimulator, type RunningSimulators } from '../simulators/simulator.ts';
import type { ExternalDepartment } from './external-departments.ts';
import type { HubOptions } from './hub-options.ts';
import type { Provisioned } from './provision.ts';
import { createSqsPoller, type SqsPoller } from './sqs-poller.ts';

interface SimulatorsOptions {
  secrets: Record<string, string>;
  hubUrl: string;
  tokens: Credentials;
  delayMs?: number;
  ackInResponse?: boolean;
  /** Departments a partner serves instead: no simulator for them. */
  without?: readonly string[];
  log: (line: string) => void;
}

/** Every department's simulator on one local server, acting through the hub's API with the department's token. */
export async function startDepartmentSimulators(o: SimulatorsOptions): Promise<RunningSimulators> {
  const sims: DepartmentSimulator[] = [];
  for (const d of departments.filter((x) => !o.without?.includes(x.code))) {
    const sim = await loadSimulator(d.code);
    if (sim) sims.push(sim);
  }
  return startSimulators({
    simulators: sims,
    secrets: o.secrets,
    hubUrl: o.hubUrl,
    tokens: Object.fromEntries(departments.map((d) => [d.code, o.tokens[`department:${d.code}`]!])),
    delayMs: o.delayMs ?? 300,
    ackInResponse: o.ackInResponse ?? false,
    log: o.log,
  });
}

interface AdaptersOptions {
  sqs: SQSClient;
  provisioned: Provisioned;
  secrets: Record<string, string>;
  simulators: RunningSimulators | undefined;
  maxReceiveCount: number;
  options: HubOptions;
  log: (line: string) => void;
}

/** The `local` deployment's adapterMaxConcurrency (infra/config.ts; test/reliability/burst.test.ts keeps them equal). */
export const LOCAL_ADAPTER_CONCURRENCY = 2;
/** The stack's event source batching window (the topology's), in the pollers' milliseconds. */
export const localBatchingWindowMs = delivery.batchingWindowSeconds * 1000;

const endpointOf = (e: ExternalDepartment | undefined, simulator: () => string | undefined) =>
  e ? ('push' in e ? e.push : undefined) : simulator();

/** The department's configured city bureaus (HubOptions.offices), city → endpoint and secret. */
function officesOf(code: string, offices: HubOptions['offices'], secrets: Record<string, string>): Record<string, OfficeDelivery> {
  return Object.fromEntries(
    Object.entries(offices ?? {}).flatMap(([key, o]) => {
      const office = parseOfficeKey(key);
      if (!office) throw new Error(`offices: '${key}' is not <department>@<city code>`);
      return office.department === code ? [[office.city, { endpointUrl: o.push, secret: async () => secrets[key]! }]] : [];
    }),
  );
}

/** Every department's adapter, started on its queue. */
export async function startAdapters(o: AdaptersOptions): Promise<Partial<Record<DepartmentCode, SqsPoller>>> {
  const { options, log } = o;
  const pollers: Partial<Record<DepartmentCode, SqsPoller>> = {};
  for (const d of departments) {
    const { adapter } = await loadAdapter(d.code);
    const queue = o.provisioned.queues[d.code]!;
    const concurrency = options.adapterConcurrency ?? LOCAL_ADAPTER_CONCURRENCY;
    const handler = createAdapterHandler(adapter, () => ({
      // A partner's endpoint (--push), its inbox (--pull), else the simulator's endpoint; a department without a
      // simulator is a pull department locally: it reads its inbox.
      endpointUrl: endpointOf(options.external?.[d.code], () => o.simulators?.endpointOf(d.code)),
      secret: async () => o.secrets[d.code]!,
      offices: officesOf(d.code, options.offices, o.secrets),
      maxReceiveCount: o.maxReceiveCount,
      queueUrl: queue.url,
      retryBaseSeconds: options.retryBaseSeconds ?? 1,
      pushTimeoutMs: options.pushTimeoutMs ?? 5000,
      // One handler serves all of this department's concurrent batches here: it keeps what the stack's instances
      // keep together, each its floor(rate / concurrency) (docs/decisions/0021-department-rates.md).
      pushesPerSecond: perInstanceRate(options.departmentRates?.[d.code] ?? delivery.pushesPerSecond, concurrency) * concurrency,
    }));
    const poller = createSqsPoller({
      sqs: o.sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      handler,
      functionName: `adapter-${d.code}`,
      waitTimeSeconds: options.waitTimeSeconds ?? 20,
      batchingWindowMs: options.batchingWindowMs ?? localBatchingWindowMs,
      concurrency,
      onError: (err, phase) => log(`adapter ${d.code} (${phase}): ${(err as Error).message}`),
    });
    poller.start();
    pollers[d.code] = poller;
  }

  return pollers;
}
