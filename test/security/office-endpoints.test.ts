// Per-office delivery (services/delivery/offices.ts): education's Nanning and Liuzhou bureaus each have their own
// push endpoint and secret, the department's region-wide endpoint has another. Each endpoint is the partner kit's
// generic verifier holding only its own secret, so a task signed with any other would be refused (401) and fail.
// A task goes to the bureau of its jurisdiction's city, a city without its own bureau endpoint to the region's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Child, Institution } from '../../contracts/case.ts';
import { schoolPlacementV1 } from '../../contracts/education/index.ts';
import { OPENAPI_FILE } from '../../scripts/contracts/build.ts';
import type { HubOptions } from '../../scripts/local/hub-options.ts';
import { buildTaskItems } from '../../services/cases/open-tasks.ts';
import { deliveryOf } from '../../services/delivery/offices.ts';
import { sendTasks } from '../../services/dispatch/send.ts';
import { newChildId } from '../../services/state/keys.ts';
import { getTask, putAllNew } from '../../services/state/tasks.ts';
import { eventually, useHub } from '../helpers/hub.ts';
import { startGenericEndpoint } from '../partner-check/generic-verifier.ts';
import { everyFactChild } from './disclosure-facts.ts';

const code = 'education';
const secrets = { region: 'education-region-secret', '450100': 'education-nanning-secret', '450200': 'education-liuzhou-secret' };
type Endpoint = Awaited<ReturnType<typeof startGenericEndpoint>>;
const endpoints = {} as Record<keyof typeof secrets, Endpoint>;
const options: HubOptions = { simulators: false };
beforeAll(async () => {
  for (const [where, secret] of Object.entries(secrets) as [keyof typeof secrets, string][]) {
    endpoints[where] = await startGenericEndpoint({ openApiFile: OPENAPI_FILE, department: code, secret });
  }
  options.external = { [code]: { push: endpoints.region.url, secret: secrets.region } };
  options.offices = {
    [`${code}@450100`]: { push: endpoints['450100'].url, secret: secrets['450100'] },
    [`${code}@450200`]: { push: endpoints['450200'].url, secret: secrets['450200'] },
  };
});
afterAll(async () => {
  for (const e of Object.values(endpoints)) await e.close();
});
const hub = useHub(options);

const institution = (city: string) =>
  Institution.parse({ institutionId: `CWI-${city}`, kind: 'city-welfare', name: `${city} 儿童福利院`, cityCode: city });

/** A school placement for a child of the city's institution, opened and sent as the hub would. */
async function placementIn(city: string) {
  const child = Child.parse({ ...everyFactChild, childId: newChildId(), institutionId: `CWI-${city}` });
  const [task] = buildTaskItems({ institution: institution(city), child }, [{ type: schoolPlacementV1.type, input: { level: 'primary', grade: 3 } }], { by: `staff:CWI-${city}` }, new Date());
  await putAllNew([task!]);
  await sendTasks([task!]);
  return task!.taskId;
}

describe('[offices] a city bureau with its own endpoint and secret', () => {
  it('chooses the office of the task’s city, else the department’s endpoint', () => {
    const secret = async () => 'x';
    const config = { endpointUrl: 'https://region.example/', secret, offices: { '450100': { endpointUrl: 'https://nn.example/', secret } } };
    expect(deliveryOf(config, '450100')).toMatchObject({ endpointUrl: 'https://nn.example/', office: '450100' });
    expect(deliveryOf(config, '450300')).toEqual({ endpointUrl: 'https://region.example/', secret });
  });

  it('two offices receive only their own city’s tasks, each verified with its own secret; other cities go region-wide', async () => {
    const tasks = { '450100': [await placementIn('450100'), await placementIn('450100')], '450200': [await placementIn('450200')], region: [await placementIn('450300')] };
    const all = Object.values(tasks).flat();
    await eventually(async () => {
      const statuses = await Promise.all(all.map(async (id) => (await getTask(id))?.status));
      return statuses.every((s) => s === 'delivered') ? statuses : undefined;
    }, 30_000, 'every task delivered');
    for (const [where, ids] of Object.entries(tasks) as [keyof typeof secrets, string[]][]) {
      expect([...endpoints[where].received].sort(), where).toEqual([...ids].sort());
    }
    // Each secret signed its own office's pushes only: nothing was refused anywhere (a 401 fails a task at once).
    expect(Object.keys(hub().secrets).filter((k) => k.includes('@')).sort()).toEqual([`${code}@450100`, `${code}@450200`]);
  });
});
