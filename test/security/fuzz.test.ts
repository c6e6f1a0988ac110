// [fuzz] Bad input (docs/security.md): fast-check generates bodies, headers, query strings and ids for every write
// route (POST routes of the topology), from each route's contract: a body its contract accepts, then mutated:
// fields dropped, replaced by anything, unknown and prototype keys added, huge strings, deep nesting, lone
// surrogates (what invalid UTF-8 becomes once decoded), wrong content types, hostile ids. Each goes to the route's
// handler as API Gateway would hand it over, by a caller allowed on the resource, so it reaches validation. Only
// 4xx is answered, never 5xx, and the table's digest is unchanged over every batch of refused requests.
// FUZZ_RUNS=100000 npm test -- test/security/fuzz.test.ts for the long form.
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResult } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler as partnerApi } from '../../services/api/partner-api.ts';
import { handler as staffApi } from '../../services/api/staff-api.ts';
import { handler as supervisionApi } from '../../services/api/supervision-api.ts';
import { documentClient } from '../../services/lib/aws.ts';
import { routes } from '../../services/topology.ts';
import { proxyEventFor } from '../../scripts/local/api-event.ts';
import { lambdaContext } from '../../scripts/local/lambda-context.ts';
import { admission, NANNING, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });
const RUNS = Number(process.env.FUZZ_RUNS) || 10_000;
const BATCH = 500;

async function tableDigest(): Promise<string> {
  const hash = createHash('sha256');
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true, ExclusiveStartKey }));
    for (const item of page.Items ?? []) items.push(JSON.stringify(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  for (const i of items.sort()) hash.update(i);
  return hash.digest('hex');
}

const huge = fc.constantFrom('x'.repeat(300_000), '名'.repeat(50_000));
const loneSurrogates = fc.constantFrom('\uD800', 'a\uDC00b', '\uDBFF\uDBFF', '\u0000');
/** Nested 100 to 2,000 levels deep: built once (fast-check would rebuild each on every draw). */
const nested = (n: number) => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const deep = fc.constantFrom(nested(100), nested(1000), nested(2000));
const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const hostileValue = fc.oneof({ arbitrary: fc.anything(), weight: 4 }, huge, loneSurrogates, deep, fc.constant(null), fc.string({ unit: 'binary' }));
const hostileId = fc.oneof(fc.string(), fc.constantFrom('..', '%2e%2e', 'CH' + 'A'.repeat(500), '__proto__', 'CH01M8RRRQCMC78WEXSEB4Z7N0CK.T', ' '), fc.stringMatching(/^[A-Z0-9.#%-]{1,40}$/));

/** A body: the route's valid one, mutated. */
function bodyFor(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.record({ drop: fc.subarray(keys), replace: fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), hostileValue, { maxKeys: 3 }) }).map(({ drop, replace }) => {
      const b: Record<string, unknown> = { ...valid, ...replace };
      for (const k of drop) delete b[k];
      return JSON.stringify(b);
    }),
    fc.tuple(prototypeKeys, hostileValue).map(([k, v]) => `{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'},${JSON.stringify(valid).slice(1)}`),
    fc.tuple(fc.string(), hostileValue).map(([k, v]) => JSON.stringify({ ...valid, [k || 'unknown']: v })),
    hostileValue.map((v) => JSON.stringify(v) ?? 'undefined'),
    fc.string({ unit: 'binary' }),
    huge,
  );
}

/** One time in four: most requests keep their valid id, query and headers, so the body is what is tried. */
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: a, weight: 1 });

const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 4 },
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
  fc.string(),
);

describe('[fuzz] every write route answers bad input with a 4xx and changes nothing', () => {
  it(`${RUNS} generated requests: only 4xx, the table unchanged for each batch of refused ones`, async (ctx) => {
    if (hub().mode !== 'embedded') ctx.skip();
    const child = await hub().call('POST', '/v1/children', { as: `staff:${NANNING}`, body: admission({ parentsUnknown: true, foundlingCertificateNumber: 'FZ-1' }) });
    const childId: string = child.body.childId;
    const taskId: string = child.body.tasks[0].taskId;
    const department = child.body.tasks[0].department as string;
    const ids: Record<string, string> = { childId, taskId, institutionId: NANNING, transferId: 'TR01M8RRRQCMC78WEXSEB4Z7N0CK', department, escalationId: `${taskId}.E1` };
    const valid: Record<string, Record<string, unknown>> = {
      '/v1/children': admission(),
      '/v1/children/{childId}/tasks': { type: 'medical-insurance.pre-enrollment' },
      '/v1/children/{childId}/capability-assessment': {
        assessedOn: '2026-11-20',
        labourCapacity: 'partial',
        selfCareCapacity: 'full',
        wishes: ['study'],
        studying: true,
        category: 'community',
        place: { countyCode: '450103', address: '南宁市青秀区民族大道1号', villageOrCommunity: '民族社区' },
        needsHousing: false,
      },
      '/v1/institutions/{institutionId}/tasks': { type: 'fire-rescue.safety-inspection', recurEveryMonths: 6 },
      '/v1/tasks/{taskId}/acknowledge': { note: '已收到' },
      '/v1/tasks/{taskId}/complete': { result: {} },
      '/v1/tasks/{taskId}/reject': { reason: '材料不符' },
      '/v1/tasks/{taskId}/request-information': { missing: [{ field: 'idNumber', message: '请提供' }] },
      '/v1/tasks/{taskId}/supply-information': { facts: { idNumber: '110105194912310021' }, note: '补充' },
      '/v1/tasks/{taskId}/resume': {},
      '/v1/transfers': { fromInstitutionId: 'MPC-450123', toInstitutionId: NANNING, children: [{ childId, hukou: { decision: 'migrate' } }] },
      '/v1/transfers/{transferId}/send': { on: '2026-11-24', checklist: { guardianship: true, archive: true, property: true } },
      '/v1/transfers/{transferId}/receive': { on: '2026-11-25', checklist: { guardianship: true, archive: true, property: true } },
      '/v1/transfers/{transferId}/visits': { childId, visitedOn: '2026-11-26', note: '探访' },
      '/v1/imports': { institutionId: NANNING, importId: 'fuzz-import-1', rows: [{ row: 2, cells: { 姓名: '模糊', 行键: 'FZ-1' } }] },
      '/v1/reports/progress/submit': { city: '450100', period: '2026-H2' },
      '/v1/escalations/{escalationId}/acknowledge': { note: '已督办' },
    };
    const writes = routes.filter((r) => r.method === 'POST');
    expect(writes.map((r) => r.path).sort()).toEqual(Object.keys(valid).sort());

    // Per route, the same number of draws; interleaved so that each batch mixes every route.
    const perRoute = Math.ceil((RUNS * 1.3) / writes.length);
    const seed = Number(process.env.FUZZ_SEED) || 8;
    const drawn = writes.map((route, i) =>
      fc.sample(
        fc.record({
          route: fc.constant(route),
          body: bodyFor(valid[route.path]!),
          contentType,
          badId: sometimes(hostileId),
          query: sometimes(fc.dictionary(fc.oneof(fc.string(), prototypeKeys), fc.string(), { maxKeys: 3 })),
          header: sometimes(fc.tuple(fc.stringMatching(/^[a-z-]{1,20}$/), fc.string())),
        }),
        { numRuns: perRoute, seed: seed + i },
      ),
    );
    // More than RUNS: an id the router would not match is not sent (API Gateway answers it, not the hub).
    const samples = Array.from({ length: perRoute }, (_, n) => drawn.map((d) => d[n]!)).flat();
    let sent = 0;
    const statuses = new Map<number, number>();
    const fivexx: string[] = [];
    const changed: string[] = [];
    let accepted = 0;
    let before = await tableDigest();
    for (let start = 0; start < samples.length && sent < RUNS; start += BATCH) {
      let batchAccepted = false;
      for (const s of samples.slice(start, start + BATCH)) {
        if (sent >= RUNS) break;
        const staff = s.route.fn === 'api';
        const path = s.route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(s.badId ?? ids[name]!));
        const qs = s.query ? `?${new URLSearchParams(s.query).toString()}` : '';
        const principal =
          s.route.fn === 'supervisionApi'
            ? 'supervisor:450100'
            : staff
              ? s.route.path.startsWith('/v1/transfers') && !s.route.path.includes('{') ? 'staff:MPC-450123' : `staff:${NANNING}`
              : `department:${department}`;
        let event;
        try {
          event = proxyEventFor(
            { method: 'POST', url: `${path}${qs}`, headers: { 'content-type': s.contentType, ...(s.header ? { [s.header[0]]: s.header[1] } : {}) }, body: s.body },
            { authorizer: { principal, principalId: principal } },
          );
        } catch {
          continue; // a slash in the id: no route matches, API Gateway answers it
        }
        sent++;
        const fn = { api: staffApi, partnerApi, supervisionApi, docs: staffApi }[s.route.fn];
        const res = (await fn(event, lambdaContext({ functionName: s.route.fn }))) as APIGatewayProxyResult;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) fivexx.push(`${s.route.path} ${res.statusCode}: ${s.body.slice(0, 120)}`);
        if (res.statusCode < 400) (accepted++, (batchAccepted = true));
      }
      const after = await tableDigest();
      if (!batchAccepted && after !== before) changed.push(`batch ${start / BATCH}`);
      before = after;
    }
    console.log(`[fuzz] ${sent} generated requests over ${writes.length} write routes: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ${fivexx.length} 5xx; ${accepted} accepted; ${changed.length} refused batch(es) that changed the table`);
    expect(sent).toBe(RUNS);
    expect(fivexx).toEqual([]);
    expect(changed).toEqual([]);
  }, 600_000);
});
