// Tasks of every department and task type of the topology, opened through the REST API as staff open them: a child's
// tasks by hand (input from each type's example file), an institution's duties, and a county-to-city transfer for the
// types only a workflow opens. A type none of these can open is an error, so a new department is covered or named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExampleFile, exampleFile } from '../contracts/examples.ts';
import { seededInstitutions } from '../../services/seed/institutions.ts';
import { taskTypes } from '../../services/topology.ts';
import { openComingOfAge, type SweepClocks } from './coming-of-age.ts';

export interface Reply {
  status: number;
  body: any;
}
export type Call = (method: string, path: string, opts: { as?: string; body?: unknown }) => Promise<Reply>;

export interface Opened {
  taskId: string;
  childId?: string;
  type: string;
  department: string;
}

const CITY = 'CWI-450100';
const COUNTY = 'MPC-450123';
const root = join(import.meta.dirname, '..', '..');
export const inputOf = (t: (typeof taskTypes)[number]) =>
  ExampleFile.parse(JSON.parse(readFileSync(join(root, exampleFile(t.contract)), 'utf8'))).input;

export const child = (institutionId: string, n: number) => ({
  institutionId,
  name: '测试儿童',
  gender: n % 2 ? 'male' : 'female',
  birthDate: '2015-03-02',
  admittedOn: '2026-11-20',
  parentsUnknown: false,
  hukouRegistered: true,
  disabled: false,
  hukouAddress: '隆安县城厢镇某街道集体户',
  inSchool: true,
  schoolName: '隆安县第一小学',
  studentRecordNumber: `G45012320150302${String(n % 10000).padStart(4, '0')}`,
});

/** API calls that answered 5xx: under injected faults a caller is told, and nothing it was told of may be lost. */
export const failedCalls: string[] = [];

/** The body of a 201; undefined for a 5xx (counted); anything else is the workload's own mistake. */
export async function expect201(what: string, reply: Promise<Reply>): Promise<any> {
  const r = await reply;
  if (r.status >= 500) return void failedCalls.push(`${what}: ${r.status}`);
  if (r.status !== 201) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Types only the coming-of-age plan opens: the workload drives them when it can run the clock sweep. */
export const comingOfAgeOnly = taskTypes.filter((t) => t.contract.workflow?.name === 'coming-of-age');

/** Institutions' duties open once per institution at a time: each round takes institutions no other round took. */
let nextInstitution = 0;

/**
 * One round: one task of every task type. `round` only varies the children's details. Without `sweepClocks` (a hub in
 * another process) the coming-of-age types are left out: `comingOfAgeOnly` names them.
 */
export async function openEveryType(call: Call, round: number, sweepClocks?: SweepClocks): Promise<Opened[]> {
  const opened: Opened[] = [];
  const add = (t: any, childId?: string) => t && opened.push({ taskId: t.taskId, childId, type: t.type, department: t.department });
  const failedBefore = failedCalls.length;

  const byHand = taskTypes.filter((t) => t.contract.subject === 'child' && !t.contract.workflow);
  const admitted = await expect201('admission', call('POST', '/v1/children', { as: `staff:${CITY}`, body: child(CITY, round) }));
  const openForChild = async (t: (typeof taskTypes)[number]) => {
    const body = { type: t.contract.type, input: inputOf(t) };
    add(await expect201(t.contract.type, call('POST', `/v1/children/${admitted.childId}/tasks`, { as: `staff:${CITY}`, body })), admitted.childId);
  };
  const openForInstitution = async (t: (typeof taskTypes)[number]) => {
    const inst = seededInstitutions[nextInstitution++ % seededInstitutions.length]!;
    const body = { type: t.contract.type, input: inputOf(t) };
    add(await expect201(t.contract.type, call('POST', `/v1/institutions/${inst.institutionId}/tasks`, { as: `staff:${inst.institutionId}`, body })));
  };
  await Promise.all([
    ...(admitted ? byHand : []).map(openForChild),
    ...taskTypes.filter((x) => x.contract.subject === 'institution').map(openForInstitution),
    sweepClocks && openComingOfAge(call, sweepClocks, CITY, round, expect201, failedCalls).then((ts) => ts.forEach((t) => add(t, t.childId))),
  ]);

  const inWorkflow = taskTypes.filter((t) => t.contract.workflow?.name === 'transfer');
  const county = inWorkflow.length
    ? await expect201('county admission', call('POST', '/v1/children', { as: `staff:${COUNTY}`, body: child(COUNTY, round) }))
    : undefined;
  if (county) {
    const transfer = await expect201(
      'transfer',
      call('POST', '/v1/transfers', {
        as: `staff:${COUNTY}`,
        body: { fromInstitutionId: COUNTY, toInstitutionId: CITY, children: [{ childId: county.childId, hukou: { decision: 'migrate' } }] },
      }),
    );
    for (const t of transfer?.tasks ?? []) add(t, county.childId);
  }

  if (failedCalls.length > failedBefore) return opened;
  const missing = taskTypes
    .filter((t) => sweepClocks || !comingOfAgeOnly.includes(t))
    .map((t) => t.contract.type)
    .filter((type) => !opened.some((o) => o.type === type));
  if (missing.length) throw new Error(`the workload cannot open ${missing.join(', ')}: teach scripts/reliability/workload.ts how`);
  return opened;
}

/** `rounds` rounds, `parallel` at a time. */
export async function openRounds(call: Call, rounds: number, opts: { parallel?: number; sweepClocks?: SweepClocks } = {}): Promise<Opened[]> {
  const all: Opened[] = [];
  const parallel = opts.parallel ?? 4;
  for (let i = 0; i < rounds; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, rounds - i) }, (_, k) => openEveryType(call, i + k, opts.sweepClocks));
    for (const r of await Promise.all(batch)) all.push(...r);
  }
  return all;
}
