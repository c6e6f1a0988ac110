// What the integration suite runs against. By default an embedded hub per test file (test/helpers/hub.ts starts it
// on the emulators of the global setup, or on AWS_ENDPOINT_URL). With HUB_STACK_OUTPUTS naming the outputs file of a
// deployed stack (`cdk deploy --outputs-file`, as `npm run deploy:local` writes it), nothing is started: `call()`
// goes to that stack's API with the tokens of a credentials file, and the tests that need in-process parts
// (simulators, pollers, sweeps run on demand, direct queue access) skip themselves with `needsEmbedded`.
//
//   HUB_STACK_OUTPUTS     outputs file: { "<stack name>": { "ApiUrl": …, "TableName": …, "QueueUrl<Dept>": … } }
//                         (a flat { "ApiUrl": … } object is accepted too)
//   HUB_STACK_NAME        which stack of the file, when it holds several
//   HUB_CREDENTIALS_FILE  principal → bearer token (default: credentials.json beside the outputs file)
//   HUB_API_URL           overrides the API base URL (for example a LocalStack URL form that resolves on your machine)
//
// No vitest import at run time: scripts (scripts/localstack/, scripts/ci/) use this file too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DepartmentCode } from '../../contracts/common.ts';
import { outputKeys } from '../../infra/outputs.ts';
import { readCredentialsFile, type Credentials } from '../../services/auth/local-credentials.ts';
import type { Provisioned, ProvisionedQueue } from '../../scripts/local/provision.ts';
import { departments } from '../../services/topology.ts';

export const STACK_OUTPUTS_ENV = 'HUB_STACK_OUTPUTS';
export const STACK_NAME_ENV = 'HUB_STACK_NAME';
export const CREDENTIALS_ENV = 'HUB_CREDENTIALS_FILE';
export const API_URL_ENV = 'HUB_API_URL';

export interface DeployedTarget {
  outputsFile: string;
  stackName: string;
  /** Base URL the routes are appended to (`${apiUrl}/v1/health`); no trailing slash. */
  apiUrl: string;
  /** The stack's own ApiUrl output, as deployed. */
  declaredApiUrl: string;
  apiId?: string;
  /** Table name and queue URLs from the outputs; ARNs are derived from the queue URLs. */
  provisioned: Provisioned;
  tokens: Credentials;
  credentialsFile: string;
}

/** The outputs file named by HUB_STACK_OUTPUTS, or undefined (embedded mode). */
export function stackOutputsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env[STACK_OUTPUTS_ENV];
  return file ? resolve(file) : undefined;
}

/** The outputs of one stack from a `cdk deploy --outputs-file` file. */
export function readStackOutputs(file: string, stackName?: string): { stackName: string; outputs: Record<string, string> } {
  if (!existsSync(file)) {
    throw new Error(`${STACK_OUTPUTS_ENV}=${file}: no such file (npm run deploy:local writes .local/localstack/outputs.json)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file}: not JSON`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a JSON object`);
  const top = raw as Record<string, unknown>;
  if (typeof top[outputKeys.apiUrl] === 'string') return { stackName: stackName ?? '(flat)', outputs: top as Record<string, string> };
  const stacks = Object.keys(top).filter((k) => top[k] && typeof top[k] === 'object');
  const name = stackName ?? (stacks.length === 1 ? stacks[0] : undefined);
  if (!name || !stacks.includes(name)) {
    throw new Error(
      `${file}: ${stackName ? `no stack ${stackName}` : `${stacks.length} stacks`} (${stacks.join(', ') || 'none'}); ` +
        `set ${STACK_NAME_ENV} to one of them`,
    );
  }
  return { stackName: name, outputs: top[name] as Record<string, string> };
}

/**
 * `https://<id>.execute-api.<region>.<suffix>/<stage>/` does not resolve on a machine without network (LocalStack's
 * CloudFormation may even name amazonaws.com). With a LocalStack endpoint, use its DNS-free path form instead:
 * `<endpoint>/restapis/<id>/<stage>/_user_request_` (documented by LocalStack for "local DNS issues").
 */
export function invokeBaseUrl(declared: string, endpoint: string | undefined): string {
  const m = /^https?:\/\/([A-Za-z0-9]+)\.execute-api\.[^/]+\/([^/]+)\/?$/.exec(declared);
  if (m && endpoint) return `${endpoint.replace(/\/+$/, '')}/restapis/${m[1]}/${m[2]}/_user_request_`;
  return declared.replace(/\/+$/, '');
}

/** `http(s)://host/<account>/<name>` → `arn:aws:sqs:<region>:<account>:<name>` (region from an `sqs.<region>.` host). */
export function queueArnFromUrl(url: string, fallbackRegion: string): string {
  const u = new URL(url);
  const [account, name] = u.pathname.split('/').filter(Boolean);
  if (!account || !name) throw new Error(`not a queue URL: ${url}`);
  const region = /(?:^|\.)sqs\.([a-z0-9-]+)\./.exec(u.hostname)?.[1] ?? fallbackRegion;
  return `arn:aws:sqs:${region}:${account}:${name}`;
}

const lastSegment = (url: string) => new URL(url).pathname.split('/').filter(Boolean).at(-1)!;

export function loadDeployedTarget(env: NodeJS.ProcessEnv = process.env): DeployedTarget {
  const outputsFile = stackOutputsFile(env);
  if (!outputsFile) throw new Error(`${STACK_OUTPUTS_ENV} is not set`);
  const { stackName, outputs } = readStackOutputs(outputsFile, env[STACK_NAME_ENV] || undefined);
  const need = (key: string) => {
    const v = outputs[key];
    if (typeof v !== 'string' || !v) throw new Error(`${outputsFile}: stack ${stackName} has no output ${key}`);
    return v;
  };
  const declaredApiUrl = need(outputKeys.apiUrl);
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  let queueUrls: Record<string, string> = {};
  try {
    queueUrls = JSON.parse(outputs[outputKeys.queueUrls] ?? '{}');
  } catch {
    // the per-department outputs below are enough
  }
  const queues = {} as Record<DepartmentCode, ProvisionedQueue>;
  for (const { code } of departments) {
    const url = outputs[outputKeys.queueUrl(code)] ?? queueUrls[code];
    const dlqUrl = outputs[outputKeys.deadLetterQueueUrl(code)];
    if (!url || !dlqUrl) throw new Error(`${outputsFile}: stack ${stackName} lacks the queue outputs of ${code}`);
    queues[code] = {
      name: lastSegment(url),
      url,
      arn: queueArnFromUrl(url, region),
      dlqName: lastSegment(dlqUrl),
      dlqUrl,
      dlqArn: queueArnFromUrl(dlqUrl, region),
    };
  }
  const credentialsFile = resolve(env[CREDENTIALS_ENV] || join(dirname(outputsFile), 'credentials.json'));
  const tokens = readCredentialsFile(credentialsFile);
  if (!tokens) {
    throw new Error(
      `no credentials file ${credentialsFile}: set ${CREDENTIALS_ENV} to a JSON file of principal → bearer token ` +
        '(npm run deploy:local writes .local/localstack/credentials.json)',
    );
  }
  return {
    outputsFile,
    stackName,
    apiUrl: env[API_URL_ENV]?.replace(/\/+$/, '') || invokeBaseUrl(declaredApiUrl, env.AWS_ENDPOINT_URL),
    declaredApiUrl,
    apiId: outputs[outputKeys.apiId],
    provisioned: { tableName: need(outputKeys.tableName), queues },
    tokens,
    credentialsFile,
  };
}

let cached: DeployedTarget | null | undefined;

/** The deployed stack the suite targets, or undefined in embedded mode. Read once per process. */
export function deployedTarget(): DeployedTarget | undefined {
  if (cached === undefined) cached = stackOutputsFile() ? loadDeployedTarget() : null;
  return cached ?? undefined;
}

/** Whether the suite targets a deployed stack (HUB_STACK_OUTPUTS set). Cheap: reads no file. */
export const isDeployed = (): boolean => stackOutputsFile() !== undefined;

/** Why a test that needs `what` cannot run against a deployed stack. */
export const embeddedOnlyReason = (what: string) =>
  `needs the embedded hub (${what}); ${STACK_OUTPUTS_ENV} targets a deployed stack`;

/**
 * Skips the current test, with the reason in the report (`--reporter=verbose` shows it), when the suite targets a
 * deployed stack. Call first thing in a test, or in a `beforeEach` for a whole file:
 *   it('…', async (ctx) => { needsEmbedded(ctx, 'the department simulators'); … })
 */
export function needsEmbedded(ctx: { skip(condition: boolean, note?: string): void }, what: string): void {
  ctx.skip(isDeployed(), embeddedOnlyReason(what));
}
