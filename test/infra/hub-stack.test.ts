// The CDK stack, synthesised without bundling (`aws:cdk:bundling-stacks: []`), checked against the topology.
// Needs no emulator; run alone with `npx vitest run --config test/infra/vitest.config.ts`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deploymentFromEnv, LOCAL_CREDENTIALS_ENV, resolveConfig, type Deployment } from '../../infra/config.ts';
import { createHubApp } from '../../infra/create-app.ts';
import { ESBUILD_TARGET, HUB_RUNTIME } from '../../infra/hub-function.ts';
import {
  ADAPTER_BATCHING_WINDOW_SECONDS,
  BUNDLED_CREDENTIALS_PATH,
  OVERDUE_METRIC,
  type HubStack,
} from '../../infra/hub-stack.ts';
import { outputKeys } from '../../infra/outputs.ts';
import { NODE_MAJOR } from '../../scripts/node-version.ts';
import {
  deadLetterQueueName,
  delivery,
  departments,
  functions,
  inboxProjection,
  queueName,
  routes,
  table as tableTopology,
} from '../../services/topology.ts';

const SYNTH_TIMEOUT = 180_000;
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:appMode': 'inmemory' };

interface Synthesised {
  app: App;
  stack: HubStack;
  template: Template;
  json: { Resources: Record<string, { Type: string; Properties?: any; DeletionPolicy?: string }>; Outputs: Record<string, any> };
}

/** Synthesises like `cdk synth` does (validation plugins included), once; a cdk-nag finding makes this throw. */
function synth(deployment: Deployment, mutate?: (stack: HubStack) => void): Synthesised {
  const { app, stack } = createHubApp({ deployment, context: NO_BUNDLING });
  mutate?.(stack);
  const assembly = app.synth();
  const json = assembly.getStackArtifact(stack.artifactId).template;
  return { app, stack, template: Template.fromJSON(json), json };
}

const resourcesOf = (s: Synthesised, type: string) =>
  Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);

/** The one resource of a type: [logical id, resource]; fails when there is not exactly one. */
function onlyResource(s: Synthesised, type: string): [string, any] {
  const found = resourcesOf(s, type);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const logicalIdOf = (s: Synthesised, construct: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(construct.node.defaultChild as never);

let test: Synthesised;
let aws: Synthesised;
let local: Synthesised;

beforeAll(() => {
  test = synth('test');
  aws = synth('aws');
  local = synth('local');
}, SYNTH_TIMEOUT);

describe('config', () => {
  it('picks the deployment from HUB_DEPLOYMENT, defaulting to test and refusing unknown names', () => {
    expect(deploymentFromEnv({})).toBe('test');
    expect(deploymentFromEnv({ HUB_DEPLOYMENT: 'aws' })).toBe('aws');
    expect(deploymentFromEnv({ HUB_DEPLOYMENT: 'local' })).toBe('local');
    expect(() => deploymentFromEnv({ HUB_DEPLOYMENT: 'prod' })).toThrow(/aws, local, test/);
    expect(resolveConfig('local', { HUB_JWKS_URL: 'https://idp.local/jwks' }).auth.jwksUrl).toBe('https://idp.local/jwks');
  });

  it('yields one stack per app', () => {
    for (const s of [test, aws, local]) {
      expect(s.app.node.children.filter((c) => c === s.stack)).toHaveLength(1);
      expect(s.app.synth().stacks).toHaveLength(1);
    }
  });
});

describe('state table', () => {
  it('is on-demand, KMS-encrypted with the rotating customer key, with point-in-time recovery', () => {
    const keyId = logicalIdOf(test, test.stack.key);
    test.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    test.template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: `test-${tableTopology.name}`,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableTopology.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableTopology.sortKey, KeyType: 'RANGE' },
      ],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    test.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('has the inbox index (INCLUDE of the inbox projection) and the institution index (KEYS_ONLY)', () => {
    const [, table] = onlyResource(test, 'AWS::DynamoDB::Table');
    const indexes = table.Properties.GlobalSecondaryIndexes as any[];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(['inbox', 'institution']);
    const inbox = indexes.find((i) => i.IndexName === tableTopology.indexes.inbox.name);
    expect(inbox.KeySchema).toEqual([
      { AttributeName: 'gsi1pk', KeyType: 'HASH' },
      { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
    ]);
    expect(inbox.Projection.ProjectionType).toBe('INCLUDE');
    expect([...inbox.Projection.NonKeyAttributes].sort()).toEqual([...inboxProjection].sort());
    const institution = indexes.find((i) => i.IndexName === tableTopology.indexes.institution.name);
    expect(institution.KeySchema).toEqual([
      { AttributeName: 'gsi2pk', KeyType: 'HASH' },
      { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
    ]);
    expect(institution.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
    for (const attr of ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']) {
      expect(table.Properties.AttributeDefinitions).toContainEqual({ AttributeName: attr, AttributeType: 'S' });
    }
  });

  it('is retained and deletion-protected on aws, destroyable in local and test', () => {
    aws.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    aws.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    for (const s of [test, local]) {
      const [, table] = onlyResource(s, 'AWS::DynamoDB::Table');
      expect(table.DeletionPolicy).toBe('Delete');
      expect(table.Properties.DeletionProtectionEnabled ?? false).toBe(false);
      s.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    }
  });
});

describe('department queues', () => {
  it('has exactly one queue and one dead-letter queue per department, KMS-encrypted', () => {
    const queues = resourcesOf(test, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(2 * departments.length);
    expect(departments).toHaveLength(5);
    const names = queues.map(([, q]) => q.Properties.QueueName).sort();
    expect(names).toEqual(
      departments.flatMap((d) => [`test-${queueName(d.code)}`, `test-${deadLetterQueueName(d.code)}`]).sort(),
    );
    const keyId = logicalIdOf(test, test.stack.key);
    for (const [, q] of queues) expect(q.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    // local keeps the bare topology names, as the embedded runtime does
    const localNames = resourcesOf(local, 'AWS::SQS::Queue').map(([, q]) => q.Properties.QueueName);
    expect(localNames).toContain(queueName('medical-insurance'));
  });

  it('redrives each queue to its own dead-letter queue after delivery.maxReceiveCount receives', () => {
    for (const d of departments) {
      const { queue, deadLetterQueue } = test.stack.departments.get(d.code)!;
      const q = test.json.Resources[logicalIdOf(test, queue)]!;
      expect(q.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(test, deadLetterQueue), 'Arn'] },
        maxReceiveCount: delivery.maxReceiveCount,
      });
      expect(q.Properties.VisibilityTimeout).toBe(delivery.visibilityTimeoutSeconds);
      const dlq = test.json.Resources[logicalIdOf(test, deadLetterQueue)]!;
      expect(dlq.Properties.RedrivePolicy).toBeUndefined();
      expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    }
  });

  it('denies every request to every queue that does not use TLS', () => {
    const policies = resourcesOf(test, 'AWS::SQS::QueuePolicy');
    const covered = new Set<string>();
    for (const [, p] of policies) {
      expect(p.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sqs:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      for (const q of p.Properties.Queues) covered.add(q.Ref);
    }
    expect([...covered].sort()).toEqual(resourcesOf(test, 'AWS::SQS::Queue').map(([id]) => id).sort());
  });

  it('feeds each adapter from its department queue with partial batch responses', () => {
    const mappings = resourcesOf(test, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(departments.length);
    for (const [, m] of mappings) {
      expect(m.Properties).toMatchObject({
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: ADAPTER_BATCHING_WINDOW_SECONDS,
      });
    }
    for (const d of departments) {
      const { queue, adapter } = test.stack.departments.get(d.code)!;
      const mapping = mappings.find(([, m]) => m.Properties.EventSourceArn['Fn::GetAtt'][0] === logicalIdOf(test, queue));
      expect(mapping?.[1].Properties.FunctionName).toEqual({ Ref: logicalIdOf(test, adapter) });
    }
  });

  it('keeps the queue visibility timeout at least 6x the adapter timeout plus the batching window', () => {
    for (const d of departments) {
      const { adapter } = test.stack.departments.get(d.code)!;
      const fn = test.json.Resources[logicalIdOf(test, adapter)]!;
      expect(6 * fn.Properties.Timeout + ADAPTER_BATCHING_WINDOW_SECONDS).toBeLessThanOrEqual(
        delivery.visibilityTimeoutSeconds,
      );
    }
  });

  it('gives each adapter its department, queue, table, endpoint, HMAC secret and receive count', () => {
    const tableId = logicalIdOf(test, test.stack.table);
    for (const d of departments) {
      const { adapter, secret } = test.stack.departments.get(d.code)!;
      const fn = test.json.Resources[logicalIdOf(test, adapter)]!;
      expect(fn.Properties.Environment.Variables).toMatchObject({
        DEPARTMENT: d.code,
        TABLE_NAME: { Ref: tableId },
        DEPARTMENT_ENDPOINT_URL: '',
        DEPARTMENT_SECRET_ARN: { Ref: logicalIdOf(test, secret) },
        MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount),
        // its own queue, for backoff through ChangeMessageVisibility
        QUEUE_URL: { Ref: logicalIdOf(test, test.stack.departments.get(d.code)!.queue) },
      });
      const roleId = logicalIdOf(test, adapter.serviceRole);
      const policy = resourcesOf(test, 'AWS::IAM::Policy').find(([, p]) =>
        p.Properties.Roles.some((r: any) => r.Ref === roleId && !JSON.stringify(p.Properties).includes('xray')),
      );
      expect(policy?.[1].Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
          Resource: { Ref: logicalIdOf(test, secret) },
        }),
      );
    }
  });

  it('gives the partner API, and only it, the key sealing inbox page tokens', () => {
    const keyId = logicalIdOf(test, test.stack.pagingTokenKey);
    const fn = test.json.Resources[logicalIdOf(test, test.stack.functions.partnerApi)]!;
    expect(fn.Properties.Environment.Variables.PAGING_TOKEN_KEY_ARN).toEqual({ Ref: keyId });
    test.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(test, test.stack.key), 'Arn'] },
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
    const readers = resourcesOf(test, 'AWS::IAM::Policy').filter(([, p]) =>
      p.Properties.PolicyDocument.Statement.some((st: any) => JSON.stringify(st.Resource) === JSON.stringify({ Ref: keyId })),
    );
    expect(readers.map(([, p]) => p.Properties.Roles)).toEqual([[{ Ref: logicalIdOf(test, test.stack.functions.partnerApi.serviceRole) }]]);
  });

  it('alarms when a dead-letter queue holds at least one message, per department', () => {
    for (const d of departments) {
      const { deadLetterQueue } = test.stack.departments.get(d.code)!;
      test.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(test, deadLetterQueue), 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: logicalIdOf(test, test.stack.alarmTopic) }],
      });
    }
    test.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: OVERDUE_METRIC.namespace,
      MetricName: OVERDUE_METRIC.metricName,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    test.template.resourceCountIs('AWS::CloudWatch::Alarm', departments.length + 1);
    test.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('REST API', () => {
  /** Method logical id → "GET /v1/health", walking the Resource tree. */
  function methodRoutes(s: Synthesised): Map<string, any> {
    const resources = Object.fromEntries(resourcesOf(s, 'AWS::ApiGateway::Resource'));
    const pathOf = (ref: any): string => {
      if (!ref?.Ref) return '';
      const r = resources[ref.Ref]!;
      return `${pathOf(r.Properties.ParentId)}/${r.Properties.PathPart}`;
    };
    return new Map(
      resourcesOf(s, 'AWS::ApiGateway::Method').map(([, m]) => [
        `${m.Properties.HttpMethod} ${pathOf(m.Properties.ResourceId)}`,
        m.Properties,
      ]),
    );
  }

  it('is one REST API (v1) with a REQUEST authorizer on the Authorization header', () => {
    test.template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
    test.template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    test.template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
    });
    test.template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
  });

  it('has exactly the topology routes, CUSTOM auth where auth: true and NONE otherwise', () => {
    const methods = methodRoutes(test);
    expect([...methods.keys()].sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    const [authorizerId] = onlyResource(test, 'AWS::ApiGateway::Authorizer');
    for (const route of routes) {
      const m = methods.get(`${route.method} ${route.path}`)!;
      if (route.auth) {
        expect(m.AuthorizationType).toBe('CUSTOM');
        expect(m.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(m.AuthorizationType).toBe('NONE');
        expect(m.AuthorizerId).toBeUndefined();
      }
      expect(m.RequestValidatorId).toBeDefined();
      expect(m.Integration.Type).toBe('AWS_PROXY');
      const target = test.stack.functions[route.fn];
      expect(JSON.stringify(m.Integration.Uri)).toContain(`"${logicalIdOf(test, target)}"`);
    }
    expect(methods.get('GET /v1/health')?.AuthorizationType).toBe('NONE');
  });

  it('logs access and errors (never bodies) and traces on the stage', () => {
    test.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'test',
      TracingEnabled: true,
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: [Match.objectLike({ LoggingLevel: 'ERROR', DataTraceEnabled: false })],
    });
    aws.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    test.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  it('gives the API functions the table, the queue URLs and the receive count, and the authorizer its issuer', () => {
    const tableId = logicalIdOf(test, test.stack.table);
    for (const fn of [test.stack.functions.api, test.stack.functions.partnerApi]) {
      const env = test.json.Resources[logicalIdOf(test, fn)]!.Properties.Environment.Variables;
      expect(env.TABLE_NAME).toEqual({ Ref: tableId });
      expect(env.MAX_RECEIVE_COUNT).toBe(String(delivery.maxReceiveCount));
      const queueUrls = JSON.stringify(env.QUEUE_URLS);
      for (const d of departments) {
        expect(queueUrls).toContain(`\\"${d.code}\\":`);
        expect(queueUrls).toContain(`"${logicalIdOf(test, test.stack.departments.get(d.code)!.queue)}"`);
      }
    }
    const auth = test.json.Resources[logicalIdOf(test, test.stack.functions.authorizer)]!.Properties.Environment.Variables;
    const { auth: expected } = resolveConfig('test', {});
    expect(auth).toMatchObject({
      AUTH_MODE: 'jwt',
      JWT_ISSUER: expected.issuer,
      JWT_AUDIENCE: expected.audience,
      JWKS_URL: expected.jwksUrl,
    });
    expect(auth.TABLE_NAME).toBeUndefined();
  });
});

describe('functions', () => {
  it('run on the newest Node.js runtime aws-cdk-lib offers, on arm64', () => {
    const nodeRuntimes = Object.keys(lambda.Runtime)
      .map((k) => /^NODEJS_(\d+)_X$/.exec(k)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number);
    expect(HUB_RUNTIME.name).toBe(`nodejs${Math.max(...nodeRuntimes)}.x`);
    const fns = resourcesOf(test, 'AWS::Lambda::Function');
    expect(fns).toHaveLength(departments.length + Object.keys(functions).length);
    for (const [, fn] of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
  });

  it('run on the Node that runs everything here (package.json engines), bundled for it', () => {
    expect(HUB_RUNTIME.name).toBe(`nodejs${NODE_MAJOR}.x`);
    expect(ESBUILD_TARGET).toBe(`node${NODE_MAJOR}`);
  });

  it('runs the redispatch and overdue schedules with table and queue access', () => {
    for (const key of ['redispatch', 'overdue'] as const) {
      const fn = test.stack.functions[key];
      const fnId = logicalIdOf(test, fn);
      test.template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: `rate(${functions[key].everyMinutes} minutes)`,
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })],
      });
      const env = test.json.Resources[fnId]!.Properties.Environment.Variables;
      expect(env.TABLE_NAME).toBeDefined();
      expect(env.QUEUE_URLS).toBeDefined();
      const roleId = logicalIdOf(test, fn.serviceRole);
      const statements = resourcesOf(test, 'AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
      for (const d of departments) {
        const queueId = logicalIdOf(test, test.stack.departments.get(d.code)!.queue);
        const sends = statements.filter((st: any) => [st.Action].flat().includes('sqs:SendMessage'));
        expect(sends.flatMap((st: any) => [st.Resource].flat())).toContainEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
      }
    }
  });

  it('uses Resource "*" only in the dedicated, acknowledged X-Ray and metrics policies', () => {
    for (const [id, p] of resourcesOf(aws, 'AWS::IAM::Policy')) {
      const wildcard = p.Properties.PolicyDocument.Statement.some(
        (st: any) => st.Resource === '*' || [st.Action].flat().some((a: string) => a.includes('*')),
      );
      if (wildcard) expect(id).toMatch(/XRayWrite|PutOverdueMetric/);
    }
    // no AWS managed policy on any function role (only the account-level API Gateway logging role has one)
    const withManaged = resourcesOf(aws, 'AWS::IAM::Role').filter(([, r]) => r.Properties.ManagedPolicyArns);
    expect(withManaged.map(([id]) => id)).toEqual([expect.stringMatching(/^ApiCloudWatchRole/)]);
  });
});

describe('outputs', () => {
  it('exposes the API URL, table name and every department queue and dead-letter queue URL', () => {
    const outputs = test.json.Outputs;
    expect(outputs[outputKeys.apiUrl]).toBeDefined();
    expect(outputs[outputKeys.tableName]?.Value).toEqual({ Ref: logicalIdOf(test, test.stack.table) });
    for (const d of departments) {
      const { queue, deadLetterQueue } = test.stack.departments.get(d.code)!;
      expect(outputs[outputKeys.queueUrl(d.code)]?.Value).toEqual({ Ref: logicalIdOf(test, queue) });
      expect(outputs[outputKeys.deadLetterQueueUrl(d.code)]?.Value).toEqual({ Ref: logicalIdOf(test, deadLetterQueue) });
    }
    expect(outputKeys.queueUrl('medical-insurance')).toBe('QueueUrlMedicalInsurance');
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in any deployment', () => {
    for (const s of [test, aws, local]) {
      // synth() above already ran the plugin (and would have thrown); ask the pack directly as well.
      const report = new AwsSolutionsChecks().validateScope(s.app);
      expect(report.violations).toEqual([]);
      expect(report.success).toBe(true);
    }
  });

  it(
    'fails synthesis on an unacknowledged error-level finding',
    () => {
      expect(() =>
        synth('test', (stack) => new sqs.Queue(stack, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED })),
      ).toThrow(/AwsSolutions-SQS2/);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'fails synthesis on an unacknowledged warning-level finding too',
    () => {
      let report: ReturnType<AwsSolutionsChecks['validateScope']> | undefined;
      expect(() =>
        synth('test', (stack) => {
          new dynamodb.Table(stack, 'NoBackups', {
            partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
            billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
          });
          report = new AwsSolutionsChecks().validateScope(stack);
        }),
      ).toThrow(/AwsSolutions-DDB3/);
      expect(report?.violations).toEqual([
        expect.objectContaining({ ruleName: 'AwsSolutions-DDB3', severity: 'warning' }),
      ]);
    },
    SYNTH_TIMEOUT,
  );
});

describe('authorizer tokens per deployment', () => {
  const functionsOf = (s: Synthesised) => resourcesOf(s, 'AWS::Lambda::Function');
  const envOf = (s: Synthesised, fn: { node: { defaultChild?: unknown } }) =>
    s.json.Resources[logicalIdOf(s, fn)]!.Properties.Environment.Variables as Record<string, unknown>;
  let credentialsFile: string;

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-local-creds-'));
    credentialsFile = join(dir, 'credentials.json');
    writeFileSync(credentialsFile, JSON.stringify({ 'staff:CWI-450100': 'x'.repeat(43) }));
  });

  it('never gives the aws deployment local tokens: every function verifies JWTs or has no AUTH_MODE at all', () => {
    expect(envOf(aws, aws.stack.functions.authorizer)).toMatchObject({ AUTH_MODE: 'jwt' });
    for (const [, fn] of functionsOf(aws)) {
      const env = fn.Properties.Environment?.Variables ?? {};
      expect(env.AUTH_MODE ?? 'jwt').toBe('jwt');
      expect(env).not.toHaveProperty('LOCAL_CREDENTIALS_FILE');
      expect(env).not.toHaveProperty('LOCAL_TOKENS');
    }
    expect(JSON.stringify(aws.json)).not.toMatch(/LOCAL_CREDENTIALS_FILE|LOCAL_TOKENS|"AUTH_MODE":"local"/);
  });

  it('refuses HUB_LOCAL_CREDENTIALS_FILE for aws and test, and a hand-built aws config that asks for it', () => {
    for (const deployment of ['aws', 'test'] as const) {
      expect(() => resolveConfig(deployment, { [LOCAL_CREDENTIALS_ENV]: credentialsFile })).toThrow(/local \(LocalStack\) deployment only/);
    }
    expect(resolveConfig('local', { [LOCAL_CREDENTIALS_ENV]: credentialsFile }).localCredentialsFile).toBe(credentialsFile);
    expect(resolveConfig('local', {}).localCredentialsFile).toBeUndefined();
    const config = { ...resolveConfig('aws', {}), localCredentialsFile: credentialsFile };
    expect(() => createHubApp({ deployment: 'aws', config, context: NO_BUNDLING })).toThrow(/local \(LocalStack\) deployment only/);
  });

  it('keeps JWT verification for local without a credentials file', () => {
    expect(envOf(local, local.stack.functions.authorizer)).toMatchObject({ AUTH_MODE: 'jwt' });
  });

  it(
    'runs the local authorizer on the bundled credentials file when deploy:local passes one, and only the authorizer',
    () => {
      const { app, stack } = createHubApp({
        deployment: 'local',
        config: resolveConfig('local', { [LOCAL_CREDENTIALS_ENV]: credentialsFile }),
        context: NO_BUNDLING,
      });
      const json = app.synth().getStackArtifact(stack.artifactId).template;
      const s = { app, stack, template: Template.fromJSON(json), json } as Synthesised;
      const env = envOf(s, stack.functions.authorizer);
      expect(env).toMatchObject({ AUTH_MODE: 'local', LOCAL_CREDENTIALS_FILE: BUNDLED_CREDENTIALS_PATH });
      expect(env).not.toHaveProperty('JWKS_URL');
      // The tokens themselves travel in the bundle, never in the template.
      expect(JSON.stringify(json)).not.toContain('x'.repeat(43));
      const others = functionsOf(s).filter(([id]) => id !== logicalIdOf(s, stack.functions.authorizer));
      for (const [, fn] of others) expect(fn.Properties.Environment?.Variables?.AUTH_MODE).toBeUndefined();
      expect(() =>
        createHubApp({
          deployment: 'local',
          config: resolveConfig('local', { [LOCAL_CREDENTIALS_ENV]: join(tmpdir(), 'no-such-dir', 'credentials.json') }),
          context: NO_BUNDLING,
        }),
      ).toThrow(/deploy:local/);
    },
    SYNTH_TIMEOUT,
  );
});
