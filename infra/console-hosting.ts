// The web console as static files (docs/decisions/0019-console-hosting.md): a private S3 bucket read by CloudFront
// through origin access control, `/v1/*` forwarded to the REST API on the same distribution (same origin as in
// `npm start`: no CORS, the page's CSP is 'self'), page paths answered with index.html by a CloudFront Function
// (the router reads the path; an error-response rewrite would also rewrite the API's 403 and 404), and
// /console-config.json written from the deployment's identity provider. Access logs in a bucket of their own, kept
// as long as the stack's log groups.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { consoleDir, ensureConsoleBuilt } from '../scripts/local/console-build.ts';
import { CONFIG_PATH, contentSecurityPolicy, type ConsoleConfig } from '../services/console/config.ts';
import type { Config } from './config.ts';

type Hosted = Extract<Config['console'], { hosting: 'cloudfront' }>;

/** Page paths (no file extension) get the single page; assets and the config file are served as they are. */
export const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface ConsoleHostingProps {
  config: Config & { console: Hosted };
  api: apigateway.RestApi;
}

export class ConsoleHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly consoleConfig: ConsoleConfig;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    const { config, api } = props;
    const hosting = config.console;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const common = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy,
      autoDeleteObjects: false,
    };
    // CloudFront's standard logs are written with an ACL: this bucket alone allows them. Its own access logs go
    // to itself (AwsSolutions-S1), under another prefix.
    const logBucket = new s3.Bucket(this, 'Logs', {
      ...common,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      serverAccessLogsPrefix: 's3-logs/',
      lifecycleRules: [{ expiration: Duration.days(config.logRetentionDays) }],
    });
    this.bucket = new s3.Bucket(this, 'Assets', { ...common, serverAccessLogsBucket: logBucket, serverAccessLogsPrefix: 'assets-bucket/' });

    this.consoleConfig = { signIn: 'oidc', authority: config.auth.issuer, clientId: hosting.clientId };
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(this.consoleConfig), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    const rewrite = new cloudfront.Function(this, 'PageRewrite', {
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Console page paths to index.html',
    });
    const custom = hosting.domainName && hosting.certificateArn
      ? { domainNames: [hosting.domainName], certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', hosting.certificateArn) }
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${config.namePrefix}child-welfare-hub console`,
      defaultRootObject: 'index.html',
      ...(custom ? { ...custom, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: rewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // The API as it is: never cached, every viewer header but Host (API Gateway routes on its own name).
        '/v1/*': {
          origin: new origins.RestApiOrigin(api),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });

    ensureConsoleBuilt();
    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [s3deploy.Source.asset(consoleDir, { exclude: ['.sources.json'] }), s3deploy.Source.jsonData(CONFIG_PATH.slice(1), this.consoleConfig)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', CONFIG_PATH],
      logGroup: new logs.LogGroup(this, 'DeployLogs', { retention: config.logRetentionDays, removalPolicy }),
      memoryLimit: 256,
    });
    acknowledgeDeployment(deployment, this.bucket, this.distribution, custom === undefined);
  }
}

/**
 * What cdk-nag finds in aws-cdk-lib's own pieces: the bucket deployment's singleton function (one per stack, outside
 * this construct) and the default *.cloudfront.net certificate. Each acknowledged with why it is acceptable here.
 */
function acknowledgeDeployment(deployment: s3deploy.BucketDeployment, bucket: s3.Bucket, distribution: cloudfront.Distribution, defaultCertificate: boolean) {
  const singleton = Stack.of(deployment).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  for (const scope of [deployment, ...(singleton ? [singleton] : [])]) {
    const v = Validations.of(scope);
    v.acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'aws-cdk-lib\'s bucket deployment function writes its own logs with the basic execution role; it runs only during a deployment.',
    });
    for (const wildcard of ['Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Resource::*']) {
      v.acknowledge({
        id: `AwsSolutions-IAM5[${wildcard}]`,
        reason: 'aws-cdk-lib\'s bucket deployment grants: read of the CDK asset and write of the console\'s own bucket (prune), and CloudFront invalidation, which takes no narrower resource.',
      });
    }
    for (const objects of ['Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*', `Resource::<${Stack.of(bucket).getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*`]) {
      v.acknowledge({ id: `AwsSolutions-IAM5[${objects}]`, reason: 'The objects of the CDK asset bucket (read) and of the console bucket (written), nothing else.' });
    }
    v.acknowledge({ id: 'AwsSolutions-L1', reason: 'aws-cdk-lib pins the bucket deployment function\'s runtime; it holds no data and runs only while deploying.' });
  }
  Validations.of(distribution).acknowledge(
    {
      id: 'AwsSolutions-CFR1',
      reason: 'The files are the console\'s public code, no data; who may read data is decided by the API under /v1 (its authorizer and web ACL).',
    },
    {
      id: 'AwsSolutions-CFR2',
      reason: 'A CloudFront web ACL lives in us-east-1, outside this regional stack; /v1 passes through the API stage\'s own regional web ACL.',
    },
  );
  if (defaultCertificate) {
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'Without an alternate domain name CloudFront serves its default *.cloudfront.net certificate, whose policy it fixes; with a domain (console.domainName) TLS 1.2 is the minimum.',
    });
  }
}
