// Which deployment is built, and what its config may not say: refusals name the field, before any construct exists.
import { describe, expect, it } from 'vitest';
import { configs, deploymentFromEnv, deployments, parseConfig, resolveConfig } from '../../infra/config.ts';
import { LOG_RETENTION_DAYS, MIN_CHINA_LOG_RETENTION_DAYS } from '../../infra/config-schema.ts';

const china = configs['cn-northwest-1'];

describe('config', () => {
  it('picks the deployment from HUB_DEPLOYMENT, defaulting to test and refusing unknown names', () => {
    expect(deploymentFromEnv({})).toBe('test');
    expect(deploymentFromEnv({ HUB_DEPLOYMENT: 'aws' })).toBe('aws');
    expect(deploymentFromEnv({ HUB_DEPLOYMENT: 'local' })).toBe('local');
    expect(deploymentFromEnv({ HUB_DEPLOYMENT: 'cn-northwest-1' })).toBe('cn-northwest-1');
    expect(deploymentFromEnv({ HUB_DEPLOYMENT: 'cn-north-1' })).toBe('cn-north-1');
    expect(() => deploymentFromEnv({ HUB_DEPLOYMENT: 'prod' })).toThrow(/aws, cn-northwest-1, cn-north-1, local, test/);
    expect(resolveConfig('local', { HUB_JWKS_URL: 'https://idp.local/jwks' }).auth.jwksUrl).toBe('https://idp.local/jwks');
  });

  it('puts the China deployments in aws-cn, in their own region, without X-Ray, keeping logs 180 days', () => {
    for (const deployment of ['cn-northwest-1', 'cn-north-1'] as const) {
      const config = resolveConfig(deployment, {});
      expect(config).toMatchObject({ partition: 'aws-cn', env: { region: deployment }, tracing: false, logRetentionDays: 180 });
    }
    for (const deployment of ['aws', 'local', 'test'] as const) expect(resolveConfig(deployment, {}).partition).toBe('aws');
    expect(resolveConfig('aws', {}).logRetentionDays).toBe(180);
  });

  it('defaults logRetentionDays to 180 and the API to the public regional endpoint', () => {
    const { logRetentionDays: _, ...withoutRetention } = china;
    const parsed = parseConfig({ ...withoutRetention, api: { stageName: 'prod', throttlingRateLimit: 1, throttlingBurstLimit: 1 } });
    expect(parsed.logRetentionDays).toBe(MIN_CHINA_LOG_RETENTION_DAYS);
    expect(parsed.api.access).toEqual({ type: 'regional' });
  });

  it('refuses a China retention below 180 days, naming the field, and accepts it for a global test', () => {
    expect(() => parseConfig({ ...china, logRetentionDays: 90 })).toThrow(
      /config cn-northwest-1: logRetentionDays: must be at least 180 days in the aws-cn partition.*got 90/,
    );
    expect(parseConfig({ ...configs.test, logRetentionDays: 90 }).logRetentionDays).toBe(90);
    expect(parseConfig({ ...china, logRetentionDays: 365 }).logRetentionDays).toBe(365);
  });

  it('refuses a retention CloudWatch Logs does not offer', () => {
    expect(() => parseConfig({ ...configs.aws, logRetentionDays: 200 })).toThrow(/logRetentionDays: must be one of the values CloudWatch Logs accepts/);
    expect(LOG_RETENTION_DAYS).toContain(180);
  });

  it('refuses X-Ray, a missing region and a global region for a China deployment', () => {
    expect(() => parseConfig({ ...china, tracing: true })).toThrow(/tracing: X-Ray is not integrated with Lambda in the China regions/);
    expect(() => parseConfig({ ...china, env: undefined })).toThrow(/env\.region: a China deployment names its region/);
    expect(() => parseConfig({ ...china, env: { region: 'us-east-1' } })).toThrow(/env\.region: us-east-1 is not in the aws-cn partition/);
    expect(() => parseConfig({ ...configs.aws, env: { region: 'cn-north-1' } })).toThrow(/env\.region: cn-north-1 is not in the aws partition/);
  });

  it('refuses a private API without exactly one way to its VPC endpoint', () => {
    const withAccess = (access: object) => ({ ...china, api: { ...china.api, access } }) as typeof china;
    expect(() => parseConfig(withAccess({ type: 'private' }))).toThrow(/api\.access: a private API needs exactly one of vpcEndpointId/);
    const vpc = { vpcId: 'vpc-0123456789abcdef0', subnets: [{ subnetId: 'subnet-0123456789abcdef0', availabilityZone: 'cn-northwest-1a' }], allowedCidrs: ['10.0.0.0/8'] };
    expect(() => parseConfig(withAccess({ type: 'private', vpcEndpointId: 'vpce-0123456789abcdef0', vpc }))).toThrow(/exactly one of/);
    expect(() => parseConfig(withAccess({ type: 'private', vpcEndpointId: 'vpc-123' }))).toThrow(/api\.access\.vpcEndpointId: an interface VPC endpoint id/);
    expect(() => parseConfig(withAccess({ type: 'private', vpc: { ...vpc, allowedCidrs: ['everyone'] } }))).toThrow(/allowedCidrs\.0: an IPv4 CIDR block/);
    expect(parseConfig(withAccess({ type: 'private', vpc })).api.access).toMatchObject({ type: 'private', vpc: { vpcId: vpc.vpcId } });
  });

  it('refuses a push endpoint without TLS where real data is kept, and allows one for LocalStack', () => {
    expect(() => parseConfig({ ...china, departmentEndpoints: { education: 'http://edu.example.gov.cn/hub' } })).toThrow(
      /departmentEndpoints\.education: must be an https:\/\/ URL/,
    );
    expect(parseConfig({ ...configs.local, departmentEndpoints: { education: 'http://localhost:4000/' } }).departmentEndpoints).toEqual({
      education: 'http://localhost:4000/',
    });
  });

  it('takes an office endpoint per <department>@<city>, refusing other keys, unknown departments, non-cities and plain HTTP', () => {
    const offices = (officeEndpoints: Record<string, string>, base: typeof china = china) => () => parseConfig({ ...base, officeEndpoints });
    expect(offices({ 'education@450100': 'https://jyj.nanning.example.gov.cn/hub' })().officeEndpoints).toEqual({
      'education@450100': 'https://jyj.nanning.example.gov.cn/hub',
    });
    expect(offices({ education: 'https://x.example/' })).toThrow(/officeEndpoints\.education: must be <department>@<six-digit city code>/);
    expect(offices({ 'tax@450100': 'https://x.example/' })).toThrow(/officeEndpoints\.tax@450100: tax is no department/);
    expect(offices({ 'education@450103': 'https://x.example/' })).toThrow(/450103 is not a city code/);
    expect(offices({ 'education@450100': 'http://x.example/' })).toThrow(/officeEndpoints\.education@450100: must be an https:\/\/ URL/);
  });

  it('refuses a department code that is not one and an adapter concurrency under 2', () => {
    expect(() => parseConfig({ ...configs.test, departmentEndpoints: { Education: 'https://x.example/' } })).toThrow(/departmentEndpoints\.Education/);
    expect(() => parseConfig({ ...configs.test, adapterMaxConcurrency: 1 })).toThrow(/adapterMaxConcurrency: must be at least 2/);
  });

  it('refuses a department rate that leaves an adapter instance fewer than 2 pushes a second, or names no department', () => {
    expect(() => parseConfig({ ...configs.test, adapterMaxConcurrency: 5, departmentRates: { education: 9 } })).toThrow(
      /departmentRates\.education: education's rate of 9 pushes per second shared by 5 adapter instances leaves each fewer than 2: give it at least 10/,
    );
    expect(() => parseConfig({ ...configs.test, adapterMaxConcurrency: 11 })).toThrow(/adapterMaxConcurrency: .*rate of 20 .* at least 22/);
    expect(() => parseConfig({ ...configs.test, departmentRates: { tax: 50 } })).toThrow(/departmentRates\.tax: tax is no department/);
    expect(parseConfig({ ...configs.test, adapterMaxConcurrency: 5, departmentRates: { education: 10 } }).departmentRates).toEqual({ education: 10 });
  });

  it('parses every listed deployment', () => {
    for (const deployment of deployments) expect(resolveConfig(deployment, {}).deployment).toBe(deployment);
  });
});
