// What differs between the places the stack is deployed; everything else comes from services/topology.ts.
// HUB_DEPLOYMENT picks the entry (default `test`, so a bare `npx cdk synth` in CI synthesises something harmless):
// `aws` is an account in a global region, `cn-northwest-1` (Ningxia) and `cn-north-1` (Beijing) are accounts in the
// aws-cn partition (docs/deploy.md, China), `local` is LocalStack (through `cdklocal`), `test` is what tests synthesise.
// The fields are described in infra/config-schema.ts, which also refuses what a deployment may not do.
import { configSchema, deployments, type Config, type ConfigInput, type Deployment } from './config-schema.ts';

export { deployments, type Config, type Deployment };

/** Placeholders: set the deployment's identity provider here, or through HUB_JWT_* at synth time. */
const placeholderIdp = {
  issuer: 'https://idp.example.gov.cn/',
  audience: 'child-welfare-hub',
  jwksUrl: 'https://idp.example.gov.cn/.well-known/jwks.json',
};

/** The China regions: no X-Ray for Lambda, logs kept 180 days, the region pinned (data stays where it is put). */
const china = (region: 'cn-northwest-1' | 'cn-north-1'): ConfigInput => ({
  deployment: region,
  partition: 'aws-cn',
  stackName: 'child-welfare-hub',
  namePrefix: '',
  env: { region },
  retainData: true,
  logRetentionDays: 180,
  tracing: false,
  webAcl: true,
  // arm64 Lambda is not confirmed for these regions offline (infra/china-availability.json); x86_64 runs everywhere.
  lambdaArchitecture: 'x86_64',
  api: { stageName: 'prod', throttlingRateLimit: 50, throttlingBurstLimit: 100, access: { type: 'regional' } },
  auth: placeholderIdp,
  adapterMaxConcurrency: 5,
});

export const configs: Record<Deployment, ConfigInput> = {
  aws: {
    deployment: 'aws',
    partition: 'aws',
    stackName: 'child-welfare-hub',
    namePrefix: '',
    retainData: true,
    logRetentionDays: 180,
    tracing: true,
    webAcl: true,
    lambdaArchitecture: 'arm64',
    api: { stageName: 'prod', throttlingRateLimit: 50, throttlingBurstLimit: 100 },
    auth: placeholderIdp,
    adapterMaxConcurrency: 5,
    console: { hosting: 'cloudfront', clientId: 'child-welfare-hub-console' },
  },
  'cn-northwest-1': china('cn-northwest-1'),
  'cn-north-1': china('cn-north-1'),
  local: {
    deployment: 'local',
    partition: 'aws',
    stackName: 'hub-local',
    namePrefix: '',
    retainData: false,
    logRetentionDays: 7,
    // LocalStack's community image has no X-Ray and no WAFv2.
    tracing: false,
    webAcl: false,
    lambdaArchitecture: 'arm64',
    api: { stageName: 'local', throttlingRateLimit: 100, throttlingBurstLimit: 200 },
    auth: {
      issuer: 'http://localhost/hub-local-idp',
      audience: 'child-welfare-hub-local',
      jwksUrl: 'http://localhost/hub-local-idp/jwks.json',
    },
    adapterMaxConcurrency: 2,
  },
  test: {
    deployment: 'test',
    partition: 'aws',
    stackName: 'hub-test',
    namePrefix: 'test-',
    retainData: false,
    logRetentionDays: 1,
    tracing: true,
    webAcl: false,
    lambdaArchitecture: 'arm64',
    api: { stageName: 'test', throttlingRateLimit: 20, throttlingBurstLimit: 40 },
    auth: {
      issuer: 'https://idp.test.invalid/',
      audience: 'child-welfare-hub-test',
      jwksUrl: 'https://idp.test.invalid/.well-known/jwks.json',
    },
    adapterMaxConcurrency: 2,
  },
};

export const DEPLOYMENT_ENV = 'HUB_DEPLOYMENT';
/** Path of the local credentials file the `local` deployment's authorizer accepts tokens from (see Config). */
export const LOCAL_CREDENTIALS_ENV = 'HUB_LOCAL_CREDENTIALS_FILE';

/** The deployment named by HUB_DEPLOYMENT (default `test`); anything else is refused with the allowed values. */
export function deploymentFromEnv(env: NodeJS.ProcessEnv = process.env): Deployment {
  const raw = env[DEPLOYMENT_ENV];
  if (raw === undefined || raw === '') return 'test';
  if ((deployments as readonly string[]).includes(raw)) return raw as Deployment;
  throw new Error(`${DEPLOYMENT_ENV} must be one of ${deployments.join(', ')}; got ${JSON.stringify(raw)}`);
}

/** A config checked against the schema; a refusal names the deployment and every wrong field. */
export function parseConfig(input: ConfigInput): Config {
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`);
  throw new Error(`config ${input.deployment}: ${issues.join('; ')}`);
}

/**
 * The config of a deployment, with the identity provider optionally overridden at synth time (HUB_JWT_ISSUER,
 * HUB_JWT_AUDIENCE, HUB_JWKS_URL), so a LocalStack user can point the authorizer at their own test issuer without
 * editing this file. HUB_LOCAL_CREDENTIALS_FILE switches the `local` deployment's authorizer to local tokens; for any
 * other deployment it is an error, so a stray variable in a shell can never put static tokens in front of real data.
 */
export function resolveConfig(deployment: Deployment, env: NodeJS.ProcessEnv = process.env): Config {
  const base = configs[deployment];
  const localCredentialsFile = env[LOCAL_CREDENTIALS_ENV] || undefined;
  if (localCredentialsFile && deployment !== 'local') {
    throw new Error(
      `${LOCAL_CREDENTIALS_ENV} is set, but local tokens are for the local (LocalStack) deployment only, not ${deployment}; unset it`,
    );
  }
  return parseConfig({
    ...base,
    auth: {
      issuer: env.HUB_JWT_ISSUER || base.auth.issuer,
      audience: env.HUB_JWT_AUDIENCE || base.auth.audience,
      jwksUrl: env.HUB_JWKS_URL || base.auth.jwksUrl,
    },
    ...(localCredentialsFile ? { localCredentialsFile } : {}),
  });
}
