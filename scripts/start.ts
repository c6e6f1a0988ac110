// `npm start`: the whole hub on this machine, no AWS account needed.
//   npm start                 data kept in .local/ between runs
//   npm start -- --fresh      start with an empty table
//   PORT=3100 npm start       another API port
//   AWS_ENDPOINT_URL=http://localhost:4566 npm start   use LocalStack (or moto) instead of the emulators
//   npm start -- --push education=http://127.0.0.1:4100 --push-secret education=<secret>   a partner's own endpoint
//   npm start -- --pull education                                                            its tasks wait in the inbox
import './require-node.ts';
import { parseArgs } from 'node:util';
import { coverage } from '../services/calendar/holidays.ts';
import { ensureConsoleBuilt } from './local/console-build.ts';
import { startHub } from './local/hub.ts';
import { delivery, departments } from '../services/topology.ts';
import { externalBanner, parseExternalDepartments, type ExternalDepartments } from './local/external-departments.ts';

const USAGE = `usage: npm start [-- --fresh] [--push <dept>=<url> [--push-secret <dept>=<secret>]] [--pull <dept>]
  --push, --push-secret  push that department's tasks to your endpoint, signed with your secret (else one drawn
                         for this run, shown below); its simulator is off, the others keep theirs
  --pull                 leave that department's tasks in its inbox; its simulator is off
  env: PORT (3000), SIMULATOR_DELAY_MS (300), SIMULATORS=off, AWS_ENDPOINT_URL (use LocalStack/moto),
       HUB_PUSH, HUB_PUSH_SECRET, HUB_PULL (comma-separated, as the flags)`;
const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    push: { type: 'string', multiple: true },
    'push-secret': { type: 'string', multiple: true },
    pull: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
let external: ExternalDepartments;
try {
  external = parseExternalDepartments({ push: values.push, pushSecret: values['push-secret'], pull: values.pull }, process.env);
} catch (err) {
  console.error(`npm start: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
// Local queues retry faster than the deployed ones the AsyncAPI describes: said where a tester reads it.
const LOCAL_VISIBILITY_SECONDS = 5;
const LOCAL_MAX_RECEIVES = 3;

const started = Date.now();
ensureConsoleBuilt((line) => console.log(`  ${line}`));
const hub = await startHub({
  port: Number(process.env.PORT ?? 3000),
  // Where DynamoDB Local's files and the credentials go (default .local); the crash scenario runs its own.
  dataDir: process.env.HUB_DATA_DIR || undefined,
  fresh: values.fresh,
  simulatorDelayMs: Number(process.env.SIMULATOR_DELAY_MS ?? 300),
  simulatorAckInResponse: process.env.SIMULATOR_ACK_IN_RESPONSE === 'true',
  // Off: the departments are people in the console, their tasks wait in their inboxes.
  simulators: process.env.SIMULATORS !== 'off',
  external,
  visibilityTimeoutSeconds: LOCAL_VISIBILITY_SECONDS,
  maxReceiveCount: LOCAL_MAX_RECEIVES,
  log: (line) => console.log(`  ${line}`),
});

console.log(`
child welfare hub is up (${((Date.now() - started) / 1000).toFixed(1)} s)
  console          ${hub.apiUrl}/   (sign in as any local principal)
  API              ${hub.apiUrl}/v1   (health: ${hub.apiUrl}/v1/health)
  DynamoDB         ${hub.endpoints.dynamodb}   table ${hub.provisioned.tableName}
  SQS              ${hub.endpoints.sqs}   ${departments.length} department queues, each with a dead-letter queue
                   locally: visibility ${LOCAL_VISIBILITY_SECONDS} s, ${LOCAL_MAX_RECEIVES} receives before the dead-letter queue (deployed, as the AsyncAPI says: ${delivery.visibilityTimeoutSeconds} s, ${delivery.maxReceiveCount})
  simulators       ${hub.simulators ? hub.simulators.url : 'off'}
${externalBanner(external, hub.secrets).map((l) => `  ${l}\n`).join('')}  bearer tokens    ${hub.credentialsFile}
try:
  TOKEN=$(node -p "require('./.local/credentials.json')['staff:CWI-450100']")
  curl -s -X POST ${hub.apiUrl}/v1/children -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"institutionId":"CWI-450100","name":"测试","gender":"female","birthDate":"2024-01-01","admittedOn":"2026-11-20","parentsUnknown":true,"hukouRegistered":true,"disabled":false,"foundlingCertificateNumber":"NN-2026-1"}'
Ctrl-C stops everything.`);

// Deadlines count working days: say so when the holiday schedule for this year or the next is missing.
const thisYear = Number(new Date().toISOString().slice(0, 4));
for (const year of [thisYear, thisYear + 1]) {
  const c = coverage(year);
  if (!c.official) console.log(`warning: ${c.warning}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    hub.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
