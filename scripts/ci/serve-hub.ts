// A stand-in for a deployed stack, for CI: the embedded hub on one AWS-shaped endpoint (moto_server, LocalStack),
// with no simulators (every department pulls its inbox, as in the `local` CDK deployment, which configures no
// department endpoints), under a fixed name prefix, describing itself in a `cdk deploy --outputs-file` file with the
// stack's output keys (infra/outputs.ts) and a credentials file beside it. That lets CI run the integration suite in
// its deployed-stack mode (HUB_STACK_OUTPUTS) and the AWS CLI against the same data, without Docker.
//
//   AWS_ENDPOINT_URL=http://127.0.0.1:5000 npx tsx scripts/ci/serve-hub.ts <dir> [prefix]
//
// Writes <dir>/credentials.json, then <dir>/outputs.json last (its appearance means "ready"), and runs until
// SIGINT/SIGTERM. The data stays on the endpoint after it stops.
import '../require-node.ts';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { outputKeys } from '../../infra/outputs.ts';
import { startHub } from '../local/hub.ts';
import { departments } from '../../services/topology.ts';

const [dirArg, prefix = 'ci-'] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: AWS_ENDPOINT_URL=<endpoint> tsx scripts/ci/serve-hub.ts <dir> [prefix]');
  process.exit(2);
}
if (!process.env.AWS_ENDPOINT_URL) {
  console.error('serve-hub: AWS_ENDPOINT_URL must name the endpoint (moto_server, LocalStack) to run against');
  process.exit(2);
}
const dir = resolve(dirArg);
mkdirSync(dir, { recursive: true });

const hub = await startHub({
  port: 0,
  dataDir: dir, // credentials.json goes here; no DynamoDB Local starts with an endpoint set
  prefix,
  simulators: false,
  // The `local` deployment's pace would make the suite wait minutes for retries; keep the test hub's.
  visibilityTimeoutSeconds: 2,
  retryBaseSeconds: 1,
  waitTimeSeconds: 1,
  redispatchEverySeconds: 0,
  overdueEverySeconds: 0,
  clocksEverySeconds: 0,
  log: (line) => console.error(`[serve-hub] ${line}`),
});

const stackName = `hub-${prefix.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '') || 'ci'}`;
const outputs: Record<string, string> = {
  [outputKeys.apiUrl]: `${hub.apiUrl}/`,
  [outputKeys.tableName]: hub.provisioned.tableName,
  [outputKeys.queueUrls]: JSON.stringify(Object.fromEntries(departments.map((d) => [d.code, hub.provisioned.queues[d.code]!.url]))),
};
for (const d of departments) {
  outputs[outputKeys.queueUrl(d.code)] = hub.provisioned.queues[d.code]!.url;
  outputs[outputKeys.deadLetterQueueUrl(d.code)] = hub.provisioned.queues[d.code]!.dlqUrl;
}
const file = join(dir, 'outputs.json');
writeFileSync(`${file}.tmp`, `${JSON.stringify({ [stackName]: outputs }, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
console.error(`[serve-hub] ${stackName} ready: API ${hub.apiUrl}, table ${hub.provisioned.tableName}, outputs ${file}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    hub.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
