// [matrix] The authorization matrix (docs/security.md): every principal kind × every route of the API (the route
// table: contracts/api/operations) × a resource of Nanning's and one of Liuzhou's → allowed or denied, as data. A
// request is denied when it is answered 401, 403 or 404 (the 404 an unknown id gets); anything else (2xx, a 400 of a
// body the rules refuse, a 409 of a state that forbids the step) got past the authorization checks. Zero unexpected
// allows, zero unexpected denies; a route without a row fails the test, so a new route cannot slip past it.
import { describe, expect, it } from 'vitest';
import { operations, type OperationKey } from '../../contracts/api/operations/index.ts';
import { admission, LIUZHOU, NANNING, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulators: false });

const NN_COUNTY = 'MPC-450123';
const LZ_COUNTY = 'MPC-450202';
const MI = 'medical-insurance';

/** Who calls: an identity of the local credentials, or a header the authorizer refuses. */
const principals = {
  'staff, city institution': `staff:${NANNING}`,
  'staff, county centre': `staff:${NN_COUNTY}`,
  'staff, other city institution': `staff:${LIUZHOU}`,
  'staff, other city county centre': `staff:${LZ_COUNTY}`,
  'department, region-wide': `department:${MI}`,
  'department, city bureau': `department:${MI}@450100`,
  'department, other city bureau': `department:${MI}@450200`,
  'department, another department': 'department:education',
  'supervisor, city': 'supervisor:450100',
  'supervisor, other city': 'supervisor:450200',
  'supervisor, region': 'supervisor:450000',
  'no token': undefined,
  'expired JWT': { token: jwtShaped({ sub: 'u1', exp: 1_600_000_000 }) },
  'badly signed JWT': { token: `${jwtShaped({ sub: 'u1', exp: 4_000_000_000 }).slice(0, -4)}AAAA` },
} as const;
type Who = keyof typeof principals;

function jwtShaped(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ ...claims, 'hub:principal': `staff:${NANNING}` })}.${'c2ln'.repeat(10)}`;
}

const all = Object.keys(principals) as Who[];
const tokens = all.filter((w) => !['no token', 'expired JWT', 'badly signed JWT'].includes(w));
const NN_READERS: Who[] = ['staff, city institution', 'supervisor, city', 'supervisor, region'];
const LZ_READERS: Who[] = ['staff, other city institution', 'supervisor, other city', 'supervisor, region'];
const NN_TASK: Who[] = ['department, region-wide', 'department, city bureau'];
const LZ_TASK: Who[] = ['department, region-wide', 'department, other city bureau'];
const SUPERVISORS: Who[] = ['supervisor, city', 'supervisor, other city', 'supervisor, region'];

/** Expected allows per route: [on Nanning's resource, on Liuzhou's]. The rows are the data this test checks. */
const matrix: Record<OperationKey, [Who[], Who[]]> = {
  'GET /v1/health': [all, all],
  'GET /v1/openapi.json': [all, all],
  'GET /v1/me': [tokens, tokens],
  'POST /v1/children': [['staff, city institution'], ['staff, other city institution']],
  'GET /v1/children/{childId}': [NN_READERS, LZ_READERS],
  // Who looked: the supervisor of the child's city and the region's; staff and departments 403, another city 404.
  'GET /v1/children/{childId}/reads': [['supervisor, city', 'supervisor, region'], ['supervisor, other city', 'supervisor, region']],
  'POST /v1/children/{childId}/tasks': [['staff, city institution'], ['staff, other city institution']],
  'POST /v1/children/{childId}/capability-assessment': [['staff, city institution'], ['staff, other city institution']],
  'POST /v1/tasks/{taskId}/resume': [['staff, city institution'], ['staff, other city institution']],
  'POST /v1/tasks/{taskId}/supply-information': [['staff, city institution'], ['staff, other city institution']],
  'GET /v1/institutions/{institutionId}': [NN_READERS, LZ_READERS],
  'GET /v1/institutions/{institutionId}/children': [NN_READERS, LZ_READERS],
  'POST /v1/institutions/{institutionId}/tasks': [['staff, city institution'], ['staff, other city institution']],
  'GET /v1/departments/{department}/tasks': [['department, region-wide', 'department, city bureau', 'department, other city bureau'], ['department, another department']],
  'GET /v1/tasks/{taskId}': [NN_TASK, LZ_TASK],
  'POST /v1/tasks/{taskId}/acknowledge': [NN_TASK, LZ_TASK],
  'POST /v1/tasks/{taskId}/complete': [NN_TASK, LZ_TASK],
  'POST /v1/tasks/{taskId}/reject': [NN_TASK, LZ_TASK],
  'POST /v1/tasks/{taskId}/request-information': [NN_TASK, LZ_TASK],
  'GET /v1/institutions/{institutionId}/transfers': [NN_READERS, LZ_READERS],
  'GET /v1/transfers/{transferId}': [[...NN_READERS, 'staff, county centre'], [...LZ_READERS, 'staff, other city county centre']],
  'POST /v1/transfers': [['staff, county centre'], ['staff, other city county centre']],
  'POST /v1/transfers/{transferId}/send': [['staff, county centre'], ['staff, other city county centre']],
  'POST /v1/transfers/{transferId}/receive': [['staff, city institution'], ['staff, other city institution']],
  'POST /v1/transfers/{transferId}/visits': [['staff, city institution'], ['staff, other city institution']],
  'GET /v1/incidents': [NN_READERS, LZ_READERS],
  'GET /v1/import-template': [tokens, tokens],
  'POST /v1/imports': [['staff, city institution'], ['staff, other city institution']],
  // After the POST above: the import exists, its own institution's staff read it.
  'GET /v1/imports/{importId}': [['staff, city institution'], ['staff, other city institution']],
  'GET /v1/reports/progress': [['supervisor, city', 'supervisor, region'], ['supervisor, other city', 'supervisor, region']],
  'POST /v1/reports/progress/submit': [['supervisor, city'], ['supervisor, other city']],
  'GET /v1/cities/{cityCode}/overview': [['supervisor, city', 'supervisor, region'], ['supervisor, other city', 'supervisor, region']],
  'GET /v1/cities/{cityCode}/overdue': [['supervisor, city', 'supervisor, region'], ['supervisor, other city', 'supervisor, region']],
  'GET /v1/escalations': [SUPERVISORS, SUPERVISORS],
  // The escalation of the side's task to its city (E1): only that city's supervisor received it.
  'POST /v1/escalations/{escalationId}/acknowledge': [['supervisor, city'], ['supervisor, other city']],
};

const capabilityAssessment = {
  assessedOn: '2026-11-20',
  labourCapacity: 'full',
  selfCareCapacity: 'full',
  wishes: ['work'],
  studying: false,
  category: 'community',
  place: { countyCode: '450103', address: '南宁市青秀区民族大道1号', villageOrCommunity: '民族社区' },
  needsHousing: true,
};

interface Side {
  city: string;
  county: string;
  childId: string;
  taskId: string;
  transferId: string;
  transferChildId: string;
  department: string;
}

const cityOf = (s: Side) => s.city.slice('CWI-'.length);

/** Each route's request on one side's resources, with a body its contract accepts. */
function request(key: OperationKey, s: Side): { path: string; body?: unknown } {
  const checklist = { guardianship: true, archive: true, property: true };
  const path = key.split(' ')[1]!
    .replace('{childId}', s.childId).replace('{taskId}', s.taskId).replace('{transferId}', s.transferId)
    .replace('{department}', s.department).replace('{institutionId}', s.city).replace('{importId}', `matrix-${s.city}`)
    // The incident view takes its institution as a query parameter.
    .replace(/^\/v1\/incidents$/, `/v1/incidents?institutionId=${s.city}`)
    .replace('{cityCode}', cityOf(s)).replace('{escalationId}', `${s.taskId}.E1`);
  if (key === 'GET /v1/reports/progress') return { path: `${path}?city=${cityOf(s)}&period=2026-H2` };
  const bodies: Partial<Record<OperationKey, unknown>> = {
    'POST /v1/children': admission({ institutionId: s.city }),
    'POST /v1/children/{childId}/tasks': { type: 'medical-insurance.pre-enrollment' },
    // A child years from 18: a caller past the checks gets the 409 of a coming-of-age case not yet opened.
    'POST /v1/children/{childId}/capability-assessment': capabilityAssessment,
    'POST /v1/tasks/{taskId}/resume': {},
    'POST /v1/tasks/{taskId}/supply-information': { facts: { hukouRegistered: true }, note: '补充材料' },
    'POST /v1/institutions/{institutionId}/tasks': { type: 'fire-rescue.safety-inspection' },
    'POST /v1/tasks/{taskId}/acknowledge': {},
    'POST /v1/tasks/{taskId}/complete': { result: {} },
    'POST /v1/tasks/{taskId}/reject': { reason: '材料与登记信息不符，请核实后重新提交' },
    'POST /v1/tasks/{taskId}/request-information': { missing: [{ field: 'idNumber', message: '请提供公民身份号码' }] },
    'POST /v1/transfers': { fromInstitutionId: s.county, toInstitutionId: s.city, children: [{ childId: s.transferChildId, hukou: { decision: 'exempt', reason: '户口迁移将损害儿童合法权益，暂不迁移' } }] },
    'POST /v1/transfers/{transferId}/send': { on: '2026-11-24', checklist },
    'POST /v1/transfers/{transferId}/receive': { on: '2026-11-25', checklist },
    'POST /v1/transfers/{transferId}/visits': { childId: s.transferChildId, visitedOn: '2026-11-26', note: '探访' },
    'POST /v1/imports': { institutionId: s.city, importId: `matrix-${s.city}`, rows: [{ row: 2, cells: { 姓名: '矩阵', 性别: '女', 出生日期: '2020-01-01', 入院日期: '2026-11-20', 父母不明: '否', 已登记户口: '是', 残疾: '否', 行键: `M-${s.city}` } }] },
    'POST /v1/reports/progress/submit': { city: cityOf(s), period: '2026-H2' },
    'POST /v1/escalations/{escalationId}/acknowledge': { note: '已督办' },
  };
  return { path, body: bodies[key] };
}

async function side(city: string, county: string, department: string): Promise<Side> {
  const admitted = await hub().call('POST', '/v1/children', { as: `staff:${city}`, body: admission({ institutionId: city, parentsUnknown: true, foundlingCertificateNumber: `GA-${city}` }) });
  expect(admitted.status).toBe(201);
  const task = admitted.body.tasks.find((t: any) => t.department === MI);
  const moving = await hub().call('POST', '/v1/children', { as: `staff:${county}`, body: admission({ institutionId: county }) });
  expect(moving.status).toBe(201);
  const transfer = await hub().call('POST', '/v1/transfers', {
    as: `staff:${county}`,
    body: { fromInstitutionId: county, toInstitutionId: city, children: [{ childId: moving.body.childId, hukou: { decision: 'exempt', reason: '户口迁移将损害儿童合法权益，暂不迁移' } }] },
  });
  expect(transfer.status).toBe(201);
  return { city, county, childId: admitted.body.childId, taskId: task.taskId, transferId: transfer.body.transferId, transferChildId: moving.body.childId, department };
}

describe('[matrix] who may call what, on whose resources', () => {
  it('has a row for every route of the route table', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(operations).sort());
  });

  it('allows exactly what the matrix allows: zero unexpected allows, zero unexpected denies', async () => {
    const sides = [await side(NANNING, NN_COUNTY, MI), await side(LIUZHOU, LZ_COUNTY, 'education')];
    // Two months on, every side's open task is past both escalation thresholds: each city's supervisor has one.
    expect(await hub().escalate(new Date(Date.now() + 60 * 86_400_000))).toBeGreaterThanOrEqual(4);
    const unexpected: string[] = [];
    let requests = 0;
    let allowed = 0;
    for (const key of Object.keys(matrix) as OperationKey[]) {
      const method = key.split(' ')[0]!;
      for (const [n, s] of sides.entries()) {
        const { path, body } = request(key, s);
        for (const who of all) {
          const p = principals[who];
          const auth = p === undefined ? {} : typeof p === 'string' ? { as: p } : { token: p.token };
          const res = await hub().call(method, path, { ...auth, ...(method === 'POST' ? { body: body ?? {} } : {}) });
          requests++;
          const allow = ![401, 403, 404].includes(res.status);
          if (res.status >= 500) unexpected.push(`${key} [${n ? 'liuzhou' : 'nanning'}] ${who}: ${res.status}`);
          const expected = matrix[key][n]!.includes(who);
          if (allow) allowed++;
          if (allow !== expected) unexpected.push(`${key} [${n ? 'liuzhou' : 'nanning'}] ${who}: ${res.status}, expected ${expected ? 'allow' : 'deny'}`);
        }
      }
    }
    console.log(`[matrix] ${Object.keys(matrix).length} routes × ${all.length} principals × 2 resources = ${requests} requests: ${allowed} allowed, ${requests - allowed} denied, ${unexpected.length} unexpected`);
    expect(unexpected).toEqual([]);
  }, 120_000);
});
