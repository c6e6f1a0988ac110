// The shape of a deployment's configuration, as a zod schema: infra/config.ts lists the deployments as data and
// resolveConfig parses them, so a wrong value fails synthesis with the field it is in, before any construct exists.
import * as z from 'zod/mini';
import { DepartmentCode } from '../contracts/common.ts';
import { parseOfficeKey } from '../services/delivery/offices.ts';
import { MIN_PUSHES_PER_INSTANCE, perInstanceRate } from '../services/delivery/pace.ts';
import { delivery, departments, findDepartment } from '../services/topology.ts';

export const deployments = ['aws', 'cn-northwest-1', 'cn-north-1', 'local', 'test'] as const;
export type Deployment = (typeof deployments)[number];

/** The values CloudWatch Logs accepts for a log group's retention (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
/** MLPS 2.0 (等保 2.0) level 3 keeps security logs for at least six months. */
export const MIN_CHINA_LOG_RETENTION_DAYS = 180;

const cidr = z.string().check(z.regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 CIDR block such as 10.20.0.0/16'));

/** The REST API's endpoint: public regional (the default), or private behind an execute-api interface endpoint. */
const apiAccess = z.discriminatedUnion('type', [
  z.object({ type: z.literal('regional') }),
  z.object({
    type: z.literal('private'),
    /** An execute-api interface endpoint that already exists (e.g. in the VPC joined to the government network). */
    vpcEndpointId: z.optional(z.string().check(z.regex(/^vpce-[0-9a-f]{8,17}$/, 'an interface VPC endpoint id, vpce-…'))),
    /** Or the VPC in which the stack creates that endpoint, reachable on 443 from `allowedCidrs` only. */
    vpc: z.optional(z.object({
        vpcId: z.string().check(z.regex(/^vpc-[0-9a-f]{8,17}$/, 'a VPC id, vpc-…')),
        subnets: z
          .array(z.object({ subnetId: z.string().check(z.regex(/^subnet-[0-9a-f]{8,17}$/, 'a subnet id, subnet-…')), availabilityZone: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
        allowedCidrs: z.array(cidr).check(z.minLength(1)),
      })),
  }),
]);
export type ApiAccess = z.infer<typeof apiAccess>;

/** Where the web console is served from (docs/decisions/0019-console-hosting.md). */
const consoleHosting = z.discriminatedUnion('hosting', [
  /** Not by this stack (China, for now: decision 0019). */
  z.object({ hosting: z.literal('none') }),
  z.object({
    hosting: z.literal('cloudfront'),
    /** The console's OpenID Connect client at the identity provider (authorization code with PKCE, no secret). */
    clientId: z.string().check(z.minLength(1)),
    /** An alternate domain name and its ACM certificate (in us-east-1, as CloudFront requires). */
    domainName: z.optional(z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain name such as console.example.gov.cn'))),
    certificateArn: z.optional(z.string().check(z.regex(/^arn:[a-z-]+:acm:us-east-1:\d{12}:certificate\//, 'an ACM certificate ARN in us-east-1'))),
  }),
]);

export const configSchema = z
  .object({
    deployment: z.enum(deployments),
    /** `aws-cn` for the Beijing and Ningxia regions: the stack then uses only what those regions offer. */
    partition: z.enum(['aws', 'aws-cn']),
    stackName: z.string().check(z.minLength(1)),
    /**
     * Prepended to every physical name (table, queues, secrets, functions, log groups) so deployments can share an
     * account. `local` keeps the bare topology names, the ones the embedded runtime creates too.
     */
    namePrefix: z.string(),
    /** Explicit account and region, or none for an environment-agnostic stack (the CLI's credentials decide). */
    env: z.optional(z.object({ account: z.optional(z.string().check(z.regex(/^\d{12}$/))), region: z.optional(z.string()) })),
    /**
     * true: the table (with deletion protection), the KMS key, the secrets and the log groups survive a stack
     * deletion, and the stack has termination protection. false: everything is destroyed with the stack.
     */
    retainData: z.boolean(),
    /** Days every log group of the stack keeps its events. */
    logRetentionDays: z._default(z.number().check(z.refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
        message: `must be one of the values CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
      })), 180),
    /** X-Ray active tracing on the functions and the API stage. */
    tracing: z.boolean(),
    /** Attach an AWS WAFv2 web ACL (AWS managed rules plus a per-IP rate limit) to the API stage. */
    webAcl: z.boolean(),
    lambdaArchitecture: z.enum(['arm64', 'x86_64']),
    api: z.object({
      stageName: z.string().check(z.regex(/^[A-Za-z0-9_]+$/)),
      /** Stage-wide steady-state requests per second and burst. */
      throttlingRateLimit: z.number().check(z.positive()),
      throttlingBurstLimit: z.number().check(z.int(), z.positive()),
      access: z._default(apiAccess, { type: 'regional' }),
    }),
    /** The deployment's identity provider (authorizer in `AUTH_MODE=jwt`). Overridable, see `resolveConfig`. */
    auth: z.object({ issuer: z.url(), audience: z.string().check(z.minLength(1)), jwksUrl: z.url() }),
    /**
     * Where each department's adapter POSTs tasks (push delivery). Missing or empty: the adapter does not push and
     * the department pulls its inbox.
     */
    departmentEndpoints: z._default(z.record(DepartmentCode, z.url()), {}),
    /**
     * A city bureau's own push endpoint, `<department>@<city code>` → URL: that city's tasks go there, signed with the
     * office's own secret (the stack creates `hub/departments/<department>@<city>/hmac-key`), the department's other
     * tasks to `departmentEndpoints` (services/delivery/offices.ts).
     */
    officeEndpoints: z._default(z.record(z.string(), z.url()), {}),
    /** Upper bound of concurrent adapter invocations per department queue (SQS event source maxConcurrency). */
    adapterMaxConcurrency: z.number().check(z.int(), z.gte(2, 'must be at least 2 (SQS event source maximum concurrency)')),
    /**
     * Pushes per second a department's system takes, where it differs from the topology's `delivery.pushesPerSecond`;
     * each of the adapter's concurrent instances keeps floor(rate / adapterMaxConcurrency) (docs/decisions/0021-department-rates.md).
     */
    departmentRates: z._default(z.record(DepartmentCode, z.number().check(z.int(), z.positive())), {}),
    /** Alarm notifications go to this address too (SNS email subscription), when set. */
    alarmEmail: z.optional(z.email()),
    /**
     * `local` (LocalStack) only: a local credentials file (principal → opaque token, services/auth/local-credentials.ts)
     * copied into the authorizer's bundle, which then runs with `AUTH_MODE=local` instead of verifying JWTs.
     */
    localCredentialsFile: z.optional(z.string().check(z.minLength(1))),
    console: z._default(consoleHosting, { hosting: 'none' }),
  }).check(z.superRefine((config, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (config.localCredentialsFile && config.deployment !== 'local') {
      issue(['localCredentialsFile'], `local tokens are for the local (LocalStack) deployment only, not ${config.deployment}`);
    }
    const region = config.env?.region;
    if (region && region.startsWith('cn-') !== (config.partition === 'aws-cn')) {
      issue(['env', 'region'], `${region} is not in the ${config.partition} partition`);
    }
    if (config.retainData) {
      for (const [field, endpoints] of [['departmentEndpoints', config.departmentEndpoints], ['officeEndpoints', config.officeEndpoints]] as const) {
        for (const [code, url] of Object.entries(endpoints)) {
          // The body is signed, not encrypted: only TLS keeps a child's request from being read on the way.
          if (!url.startsWith('https://')) issue([field, code], `must be an https:// URL for a deployment holding real data; got ${url}`);
        }
      }
    }
    for (const office of Object.keys(config.officeEndpoints)) {
      const parsed = parseOfficeKey(office);
      if (!parsed) {
        issue(['officeEndpoints', office], 'must be <department>@<six-digit city code>');
        continue;
      }
      const { department, city } = parsed;
      if (!findDepartment(department)) issue(['officeEndpoints', office], `${department} is no department of the topology`);
      if (!city.endsWith('00') || city.endsWith('0000')) issue(['officeEndpoints', office], `${city} is not a city code`);
    }
    for (const d of departments) {
      const rate = departmentRate(config, d.code);
      if (perInstanceRate(rate, config.adapterMaxConcurrency) < MIN_PUSHES_PER_INSTANCE) {
        const least = MIN_PUSHES_PER_INSTANCE * config.adapterMaxConcurrency;
        const path = config.departmentRates[d.code] === undefined ? ['adapterMaxConcurrency'] : ['departmentRates', d.code];
        issue(path, `${d.code}'s rate of ${rate} pushes per second shared by ${config.adapterMaxConcurrency} adapter instances leaves each fewer than ${MIN_PUSHES_PER_INSTANCE}: give it at least ${least}`);
      }
    }
    for (const code of Object.keys(config.departmentRates)) {
      if (!findDepartment(code)) issue(['departmentRates', code], `${code} is no department of the topology`);
    }
    if (config.api.access.type === 'private' && !config.api.access.vpcEndpointId === !config.api.access.vpc) {
      issue(['api', 'access'], 'a private API needs exactly one of vpcEndpointId (an existing endpoint) or vpc (the stack creates one)');
    }
    if (config.api.access.type === 'private' && config.api.access.vpc && !region) {
      issue(['env', 'region'], 'creating the execute-api endpoint needs the region (its service name differs per partition)');
    }
    if (config.console.hosting === 'cloudfront') {
      if (!config.console.domainName !== !config.console.certificateArn) issue(['console'], 'domainName and certificateArn go together');
      // CloudFront reaches public origins only; a private API is served with the console inside its network.
      if (config.api.access.type === 'private') issue(['console', 'hosting'], 'CloudFront cannot reach a private API; use hosting: none');
      // CloudFront China serves only ICP-filed domains, and its Functions and origin access control could not be
      // confirmed offline: China's hosting is not built yet (docs/decisions/0019-console-hosting.md).
      if (config.partition === 'aws-cn') issue(['console', 'hosting'], 'the console\'s CloudFront hosting is not available in the aws-cn partition yet; use hosting: none');
    }
    if (config.partition !== 'aws-cn') return;
    if (config.logRetentionDays < MIN_CHINA_LOG_RETENTION_DAYS) {
      issue(['logRetentionDays'], `must be at least ${MIN_CHINA_LOG_RETENTION_DAYS} days in the aws-cn partition (MLPS 2.0 keeps security logs six months); got ${config.logRetentionDays}`);
    }
    if (config.tracing) issue(['tracing'], 'X-Ray is not integrated with Lambda in the China regions; set tracing: false');
    if (!region) issue(['env', 'region'], 'a China deployment names its region, so its data cannot be deployed elsewhere by a stray profile');
  }));

/** A department's rate in a deployment: its own, or the topology's default. */
export const departmentRate = (config: { departmentRates: Record<string, number> }, code: string): number =>
  config.departmentRates[code] ?? delivery.pushesPerSecond;

/** What infra/config.ts writes (defaults may be left out). */
export type ConfigInput = z.input<typeof configSchema>;
/** A parsed configuration: what the constructs read. */
export type Config = z.infer<typeof configSchema>;
