// `npm run reliability:crash [-- --quick]`: scenario 2 of docs/reliability.md. The local runtime (`npm start`, DynamoDB
// Local on disk, the in-process SQS emulator) runs as a child process and is killed with SIGKILL at random moments
// while staff open tasks, then started again, several times; the departments' simulators run in this process, so
// that what they received survives the kills (the runtime pushes to them as to partners: `--push`). At the end every
// task must be completed, none twice. Each kill also loses the emulator's queues: start-up re-sends what was
// dispatched and not delivered.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { departments, table } from '../../services/topology.ts';
import { ensureEmulatorAwsEnv } from '../local/aws-env.ts';
import { tokensOf } from '../local/credentials.ts';
import { freePort, sleep } from '../local/ports.ts';
import { loadSimulator } from '../departments/modules.ts';
import { startSimulators, type DepartmentSimulator } from '../simulators/simulator.ts';
import { allTasks } from './verdict.ts';
import { openEveryType, type Call, type Opened } from './workload.ts';

const quick = process.argv.includes('--quick');
const KILLS = quick ? 2 : 5;
const ROUNDS_PER_LIFE = quick ? 2 : 4;
const root = fileURLToPath(new URL('../..', import.meta.url));
process.env.LOG_LEVEL ??= 'CRITICAL';

const dir = mkdtempSync(join(tmpdir(), 'hub-crash-'));
const port = await freePort();
const hubUrl = `http://127.0.0.1:${port}`;
const secrets = Object.fromEntries(departments.map((d) => [d.code, randomBytes(32).toString('base64url')]));
const tokens: Record<string, string> = {};
const sims: DepartmentSimulator[] = [];
for (const d of departments) {
  const sim = await loadSimulator(d.code);
  if (sim) sims.push(sim);
}
const simulators = await startSimulators({ simulators: sims, secrets, hubUrl, tokens, delayMs: 100 });

let child: ChildProcess | undefined;
let dynamodbEndpoint = '';
/** Starts `npm start`'s runtime in `dir` and resolves once it answers, with its DynamoDB endpoint from the banner. */
async function start(): Promise<void> {
  const env = {
    ...process.env,
    PORT: String(port),
    HUB_DATA_DIR: join(dir, '.local'),
    HUB_PUSH: departments.map((d) => `${d.code}=${simulators.endpointOf(d.code)}`).join(','),
    HUB_PUSH_SECRET: departments.map((d) => `${d.code}=${secrets[d.code]}`).join(','),
  };
  // node itself, not the tsx launcher, so that SIGKILL reaches the runtime and not a wrapper.
  child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'scripts', 'start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => void (out += b.toString()));
  child.stderr!.on('data', () => {});
  for (let i = 0; i < 600; i++) {
    const m = /DynamoDB\s+(http:\/\/\S+)/.exec(out);
    const up = await fetch(`${hubUrl}/v1/health`).then((r) => r.ok, () => false);
    if (m && up) {
      dynamodbEndpoint = m[1]!;
      Object.assign(tokens, Object.fromEntries(departments.map((d) => [d.code, creds()[`department:${d.code}`]!])));
      return;
    }
    await sleep(200);
  }
  throw new Error(`the runtime did not start:\n${out}`);
}
const creds = () => tokensOf(JSON.parse(readFileSync(join(dir, '.local', 'credentials.json'), 'utf8')));

const call: Call = async (method, path, o) => {
  const res = await fetch(`${hubUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${creds()[o.as!]}`, 'content-type': 'application/json' },
    body: JSON.stringify(o.body),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
};

const opened: Opened[] = [];
let interrupted = 0;
let round = 0;
const started = Date.now();
try {
  await start();
  for (let life = 0; life <= KILLS; life++) {
    const work = (async () => {
      for (let i = 0; i < ROUNDS_PER_LIFE; i++) opened.push(...(await openEveryType(call, round++)));
    })().catch(() => void interrupted++);
    if (life < KILLS) {
      await sleep(300 + Math.random() * 2500);
      child!.kill('SIGKILL');
      await work;
      await start();
    } else await work;
  }
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamodbEndpoint;
  ensureEmulatorAwsEnv(process.env, true);
  const tableName = table.name;
  let tasks = await allTasks(tableName);
  for (let i = 0; i < 300 && tasks.some((t) => t.status !== 'completed'); i++) {
    await sleep(500);
    tasks = await allTasks(tableName);
  }
  const effects = departments.flatMap((d) => [...simulators.tally(d.code).effects.values()]);
  const twice = effects.filter((n) => n > 1).length + tasks.filter((t) => t.history.filter((h) => h.to === 'completed').length > 1).length;
  const ids = new Set(tasks.map((t) => t.taskId));
  const lost = opened.filter((o) => !ids.has(o.taskId)).length + tasks.filter((t) => t.status !== 'completed').length;
  console.log(
    `[reliability] 2 runtime killed (SIGKILL) ${KILLS} times: opened ${opened.length} (workloads interrupted ${interrupted}), ` +
      `tasks ${tasks.length}, lost ${lost}, applied twice ${twice}, completed ${tasks.filter((t) => t.status === 'completed').length}, ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exitCode = lost || twice ? 1 : 0;
} finally {
  child?.kill('SIGINT');
  await new Promise((r) => (child?.exitCode === null ? child.once('exit', r) : r(undefined)));
  await simulators.close();
  rmSync(dir, { recursive: true, force: true });
}
