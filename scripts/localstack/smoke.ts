// Checks a deployed stack's API before the suite runs, so that a broken deployment fails with a reason instead of
// forty test failures: health answers, a valid token is accepted, no token is refused.
//   npx tsx scripts/localstack/smoke.ts        (reads HUB_STACK_OUTPUTS, HUB_CREDENTIALS_FILE, AWS_ENDPOINT_URL)
// Messages go to stderr; on success the API base URL is printed on stdout.
import { departments } from '../../services/topology.ts';
import { loadDeployedTarget } from '../../test/helpers/target.ts';

const fail = (msg: string): never => {
  console.error(`\n[smoke] ERROR: ${msg}`);
  process.exit(1);
};

let target;
try {
  target = loadDeployedTarget();
} catch (err) {
  fail((err as Error).message);
}
const t = target!;
console.error(`[smoke] stack ${t.stackName}: API ${t.apiUrl} (declared ${t.declaredApiUrl})`);

const get = async (path: string, token?: string, attempts = 1) => {
  let last: { status: number; text: string } = { status: 0, text: '' };
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(`${t.apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      last = { status: res.status, text: (await res.text()).slice(0, 300) };
      // 5xx right after a deployment is usually a Lambda still starting; try again a few times.
      if (last.status < 500) return last;
    } catch (err) {
      last = { status: 0, text: (err as Error).message };
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  return last;
};

const health = await get('/v1/health', undefined, 10);
if (health.status !== 200) {
  fail(
    `GET /v1/health answered ${health.status || 'nothing'} (${health.text}). Is the stack deployed (npm run deploy:local) ` +
      `and is ${t.apiUrl} reachable? HUB_API_URL overrides the URL.`,
  );
}
// Any department will do: its own inbox is what a valid token may read.
const department = departments[0]!.code;
const token = t.tokens[`department:${department}`];
if (!token) fail(`${t.credentialsFile} has no token for department:${department}`);
const inbox = await get(`/v1/departments/${department}/tasks`, token, 5);
if (inbox.status === 401 || inbox.status === 403) {
  fail(
    `a valid token was refused (${inbox.status} ${inbox.text}). Either the Lambda authorizer did not run (LocalStack's ` +
      'community image may not run Lambda authorizers; the handlers then see no principal and answer 401), or it ' +
      'runs with other tokens: redeploy with npm run deploy:local, and read the authorizer log with ' +
      `aws --endpoint-url ${process.env.AWS_ENDPOINT_URL ?? 'http://localhost:4566'} logs tail /aws/lambda/hub-authorizer`,
  );
}
if (inbox.status !== 200) fail(`GET /v1/departments/${department}/tasks answered ${inbox.status}: ${inbox.text}`);
const anonymous = await get(`/v1/departments/${department}/tasks`);
if (anonymous.status !== 401) fail(`a request without a token answered ${anonymous.status}, not 401: ${anonymous.text}`);
console.error('[smoke] ok: health 200, a valid token accepted, no token refused with 401');
// stdout: the API base URL, for scripts (deploy.sh prints it).
console.log(t.apiUrl);
