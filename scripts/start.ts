// `npm start`: the whole hub on this machine, no AWS account needed.
//   npm start                 data kept in .local/ between runs
//   npm start -- --fresh      start with an empty table
//   PORT=3100 npm start       another API port
//   AWS_ENDPOINT_URL=http://localhost:4566 npm start   use LocalStack (or moto) instead of the emulators
import './require-node.ts';
import { parseArgs } from 'node:util';
import { coverage } from '../services/calendar/holidays.ts';
import { ensureConsoleBuilt } from './local/console-build.ts';
import { startHub } from './local/hub.ts';
import { departments } from '../services/topology.ts';

const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm start [-- --fresh]\n  env: PORT (3000), SIMULATOR_DELAY_MS (300), SIMULATORS=off, AWS_ENDPOINT_URL (use LocalStack/moto)');
  process.exit(0);
}

const started = Date.now();
ensureConsoleBuilt((line) => console.log(`  ${line}`));
const hub = await startHub({
  port: Number(process.env.PORT ?? 3000),
  fresh: values.fresh,
  simulatorDelayMs: Number(process.env.SIMULATOR_DELAY_MS ?? 300),
  simulatorAckInResponse: process.env.SIMULATOR_ACK_IN_RESPONSE === 'true',
  // Off: the departments are people in the console, their tasks wait in their inboxes.
  simulators: process.env.SIMULATORS !== 'off',
  log: (line) => console.log(`  ${line}`),
});

console.log(`
child welfare hub is up (${((Date.now() - started) / 1000).toFixed(1)} s)
  console          ${hub.apiUrl}/   (sign in as any local principal)
  API              ${hub.apiUrl}/v1   (health: ${hub.apiUrl}/v1/health)
  DynamoDB         ${hub.endpoints.dynamodb}   table ${hub.provisioned.tableName}
  SQS              ${hub.endpoints.sqs}   ${departments.length} department queues, each with a dead-letter queue
  simulators       ${hub.simulators ? hub.simulators.url : 'off'}
  bearer tokens    ${hub.credentialsFile}
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
