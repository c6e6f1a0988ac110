// What differs between the places the stack is deployed. Everything else comes from services/topology.ts.
// One environment variable, HUB_DEPLOYMENT, picks the entry (default `test`, so a bare `npx cdk synth` in CI
// synthesises something harmless): `aws` is a real account, `local` is LocalStack (through `cdklocal`),
// `test` is what the unit tests and CI synthesise.
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { DepartmentCode } from '../contracts/common.ts';

export const deployments = ['aws', 'local', 'test'] as const;
export type Deployment = (typeof deployments)[number];

export interface Config {
  deployment: Deployment;
  /** CloudFormation stack name. */
  stackName: string;
  /**
   * Prepended to every physical name (table, queues, secrets, functions, log groups) so deployments can share an
   * account. `local` keeps the bare topology names, the ones the embedded runtime creates too.
   */
  namePrefix: string;
  /** Explicit account and region, or undefined for an environment-agnostic stack (the CLI's credentials decide). */
  env?: { account?: string; region?: string };
  /**
   * true: the table (with deletion protection), the KMS key, the HMAC secrets and the log groups survive a stack
   * deletion, and the stack has termination protection. false: everything is destroyed with the stack.
   */
  retainData: boolean;
  logRetention: RetentionDays;
  /** X-Ray active tracing on the functions and the API stage. */
  tracing: boolean;
  /** Attach an AWS WAFv2 web ACL (AWS managed rules plus a per-IP rate limit) to the API stage. */
  webAcl: boolean;
  api: {
    stageName: string;
    /** Stage-wide steady-state requests per second and burst. */
    throttlingRateLimit: number;
    throttlingBurstLimit: number;
  };
  /** The deployment's identity provider (authorizer in `AUTH_MODE=jwt`). Overridable, see `resolveConfig`. */
  auth: { issuer: string; audience: string; jwksUrl: string };
  /**
   * Where each department's adapter POSTs tasks (push delivery). Missing or empty: the adapter does not push and
   * the department pulls its inbox.
   */
  departmentEndpoints: Partial<Record<DepartmentCode, string>>;
  /** Upper bound of concurrent adapter invocations per department queue (SQS event source maxConcurrency, >= 2). */
  adapterMaxConcurrency: number;
  /** Alarm notifications go to this address too (SNS email subscription), when set. */
  alarmEmail?: string;
  /**
   * `local` (LocalStack) only: a local credentials file (principal → opaque token, services/auth/local-credentials.ts)
   * that is copied into the authorizer's bundle, which then runs with `AUTH_MODE=local` instead of verifying JWTs.
   * Set through HUB_LOCAL_CREDENTIALS_FILE by `npm run deploy:local`; `resolveConfig` refuses it for any other
   * deployment, and the stack refuses it for `aws` again (test/infra/hub-stack.test.ts).
   */
  localCredentialsFile?: string;
}

export const configs: Record<Deployment, Config> = {
  aws: {
    deployment: 'aws',
    stackName: 'child-welfare-hub',
    namePrefix: '',
    retainData: true,
    logRetention: RetentionDays.SIX_MONTHS,
    tracing: true,
    webAcl: true,
    api: { stageName: 'prod', throttlingRateLimit: 50, throttlingBurstLimit: 100 },
    auth: {
      // Placeholders: set the deployment's identity provider here (or through HUB_JWT_* at synth time).
      issuer: 'https://idp.example.gov.cn/',
      audience: 'child-welfare-hub',
      jwksUrl: 'https://idp.example.gov.cn/.well-known/jwks.json',
    },
    departmentEndpoints: {},
    adapterMaxConcurrency: 5,
  },
  local: {
    deployment: 'local',
    stackName: 'hub-local',
    namePrefix: '',
    retainData: false,
    logRetention: RetentionDays.ONE_WEEK,
    // LocalStack's community image has no X-Ray and no WAFv2.
    tracing: false,
    webAcl: false,
    api: { stageName: 'local', throttlingRateLimit: 100, throttlingBurstLimit: 200 },
    auth: {
      issuer: 'http://localhost/hub-local-idp',
      audience: 'child-welfare-hub-local',
      jwksUrl: 'http://localhost/hub-local-idp/jwks.json',
    },
    departmentEndpoints: {},
    adapterMaxConcurrency: 2,
  },
  test: {
    deployment: 'test',
    stackName: 'hub-test',
    namePrefix: 'test-',
    retainData: false,
    logRetention: RetentionDays.ONE_DAY,
    tracing: true,
    webAcl: false,
    api: { stageName: 'test', throttlingRateLimit: 20, throttlingBurstLimit: 40 },
    auth: {
      issuer: 'https://idp.test.invalid/',
      audience: 'child-welfare-hub-test',
      jwksUrl: 'https://idp.test.invalid/.well-known/jwks.json',
    },
    departmentEndpoints: {},
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
  return {
    ...base,
    auth: {
      issuer: env.HUB_JWT_ISSUER || base.auth.issuer,
      audience: env.HUB_JWT_AUDIENCE || base.auth.audience,
      jwksUrl: env.HUB_JWKS_URL || base.auth.jwksUrl,
    },
    ...(localCredentialsFile ? { localCredentialsFile } : {}),
  };
}
