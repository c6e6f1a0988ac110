// The console's hosting (infra/console-hosting.ts, docs/decisions/0019-console-hosting.md): S3 read by CloudFront
// through origin access control only, the API at /v1/* on the same distribution (never cached, every viewer header
// but Host), page paths rewritten to index.html, the sign-in configuration from the deployment's identity provider,
// access logs kept as long as the stack's logs; and where the config refuses it.
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { SPA_REWRITE } from '../../../infra/console-hosting.ts';
import { outputKeys } from '../../../infra/outputs.ts';
import { configWith, logicalIdOf, onlyResource, resourcesOf, type Templates } from '../synth.ts';

// CloudFront's managed policies, by their documented ids.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

export function consoleSuite(all: Templates): void {
  describe('console hosting', () => {
    it('serves the bucket through origin access control, and /v1/* from the API, uncached, at the same origin', () => {
      const s = all.aws;
      const [, dist] = onlyResource(s, 'AWS::CloudFront::Distribution');
      const cfg = dist.Properties.DistributionConfig;
      expect(cfg.DefaultRootObject).toBe('index.html');
      const [s3Origin, apiOrigin] = [cfg.Origins.find((o: any) => o.S3OriginConfig), cfg.Origins.find((o: any) => o.CustomOriginConfig)];
      expect(s3Origin.OriginAccessControlId).toBeDefined();
      expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
      expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
      expect(JSON.stringify(apiOrigin.OriginPath)).toContain(s.stack.getLogicalId(s.stack.api.deploymentStage.node.defaultChild as never));
      expect(JSON.stringify(apiOrigin.DomainName)).toContain(s.stack.getLogicalId(s.stack.api.node.defaultChild as never));
      expect(cfg.DefaultCacheBehavior).toMatchObject({ TargetOriginId: s3Origin.Id, ViewerProtocolPolicy: 'redirect-to-https' });
      expect(cfg.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: expect.anything() }]);
      expect(cfg.CacheBehaviors).toEqual([
        expect.objectContaining({
          PathPattern: '/v1/*',
          TargetOriginId: apiOrigin.Id,
          CachePolicyId: CACHING_DISABLED,
          OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
          AllowedMethods: expect.arrayContaining(['GET', 'POST', 'OPTIONS']),
          ViewerProtocolPolicy: 'https-only',
        }),
      ]);
      expect(s.json.Outputs[outputKeys.consoleUrl]).toBeDefined();
    });

    it('keeps both buckets private, TLS-only, and lets only this distribution read the assets', () => {
      const s = all.aws;
      const buckets = resourcesOf(s, 'AWS::S3::Bucket');
      expect(buckets).toHaveLength(2);
      for (const [, b] of buckets) {
        expect(b.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        expect(b.Properties.LoggingConfiguration).toBeDefined();
      }
      const assets = logicalIdOf(s, s.stack.console!.bucket);
      const policy = resourcesOf(s, 'AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === assets)![1];
      const statements = policy.Properties.PolicyDocument.Statement;
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
      const read = statements.filter((st: any) => st.Effect === 'Allow');
      expect(read).toEqual([
        expect.objectContaining({
          Action: 's3:GetObject',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
        }),
      ]);
      expect(JSON.stringify(read[0].Condition)).toContain(logicalIdOf(s, s.stack.console!.distribution));
    });

    it('logs access into a bucket that expires them after the configured days, the deployment function too', () => {
      const s = all.aws;
      const [, dist] = onlyResource(s, 'AWS::CloudFront::Distribution');
      expect(dist.Properties.DistributionConfig.Logging).toMatchObject({ Prefix: 'cloudfront/' });
      s.template.hasResourceProperties('AWS::S3::Bucket', {
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
        LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: s.config.logRetentionDays, Status: 'Enabled' })] },
      });
      const [, deployFn] = resourcesOf(s, 'AWS::Lambda::Function').find(([id]) => id.startsWith('CustomCDKBucketDeployment'))!;
      const groupId = deployFn.Properties.LoggingConfig.LogGroup.Ref;
      expect(s.json.Resources[groupId]!.Properties.RetentionInDays).toBe(s.config.logRetentionDays);
    });

    it('signs in with the deployment\'s identity provider, and the page may reach only its origin and that provider', () => {
      const s = all.aws;
      const hosting = s.config.console;
      expect(hosting.hosting).toBe('cloudfront');
      expect(s.stack.console!.consoleConfig).toEqual({ signIn: 'oidc', authority: s.config.auth.issuer, clientId: hosting.hosting === 'cloudfront' ? hosting.clientId : '' });
      const [, headers] = onlyResource(s, 'AWS::CloudFront::ResponseHeadersPolicy');
      const csp: string = headers.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
      expect(csp).toContain(`connect-src 'self' ${new URL(s.config.auth.issuer).origin}`);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
    });

    it('rewrites page paths to index.html and leaves files alone', () => {
      const handler = new Function(`${SPA_REWRITE}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
      const uri = (u: string) => handler({ request: { uri: u } }).uri;
      expect(uri('/children/CH01M8RVZT4DESFZ39PSCMWRCHF8')).toBe('/index.html');
      expect(uri('/incidents')).toBe('/index.html');
      expect(uri('/assets/main-Dk2x.js')).toBe('/assets/main-Dk2x.js');
      expect(uri('/console-config.json')).toBe('/console-config.json');
    });

    it('is not part of the test, local and China deployments', () => {
      for (const d of ['test', 'local', 'cn-northwest-1', 'cn-north-1'] as const) {
        expect(resourcesOf(all[d], 'AWS::CloudFront::Distribution'), d).toEqual([]);
        expect(all[d].stack.console, d).toBeUndefined();
      }
    });

    it('is refused where CloudFront cannot serve it, each naming the field', () => {
      const cloudfront = { hosting: 'cloudfront' as const, clientId: 'console' };
      expect(() => configWith('cn-north-1', (c) => ({ ...c, console: cloudfront }))).toThrow(/console\.hosting.*aws-cn/s);
      const privateApi = { type: 'private' as const, vpcEndpointId: 'vpce-0123456789abcdef0' };
      expect(() => configWith('aws', (c) => ({ ...c, api: { ...c.api, access: privateApi } }))).toThrow(/console\.hosting.*private API/s);
      expect(() => configWith('aws', (c) => ({ ...c, console: { ...cloudfront, domainName: 'console.example.gov.cn' } }))).toThrow(/domainName and certificateArn go together/);
    });
  });
}
