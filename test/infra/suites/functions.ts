// The functions: runtime and architecture, schedules, least privilege, outputs, and how the authorizer checks tokens.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BUNDLED_CREDENTIALS_PATH } from '../../../infra/authorizer-auth.ts';
import { LOCAL_CREDENTIALS_ENV, resolveConfig } from '../../../infra/config.ts';
import { createHubApp } from '../../../infra/create-app.ts';
import { ESBUILD_TARGET, HUB_RUNTIME } from '../../../infra/hub-function.ts';
import { outputKeys } from '../../../infra/outputs.ts';
import { OVERDUE_METRIC } from '../../../infra/schedules.ts';
import { NODE_MAJOR } from '../../../scripts/node-version.ts';
import { departments, functions } from '../../../services/topology.ts';
import { logicalIdOf, NO_BUNDLING, resourcesOf, statementsOfRole, synth, SYNTH_TIMEOUT, type Synthesised, type Templates } from '../synth.ts';

export function functionsSuite(all: Templates): void {
  let test: Synthesised;
  let aws: Synthesised;
  let local: Synthesised;
  let china: Synthesised;

  beforeAll(() => {
    test = all.test;
    aws = all.aws;
    local = all.local;
    china = all['cn-north-1'];
  }, SYNTH_TIMEOUT);

  const envOf = (s: Synthesised, fn: { node: { defaultChild?: unknown } }) =>
    s.json.Resources[logicalIdOf(s, fn)]!.Properties.Environment.Variables as Record<string, unknown>;

  describe('functions', () => {
    it('run on the newest Node.js runtime aws-cdk-lib offers, on arm64 (x86_64 in China), each with its log group', () => {
      const nodeRuntimes = Object.keys(lambda.Runtime)
        .map((k) => /^NODEJS_(\d+)_X$/.exec(k)?.[1])
        .filter((v): v is string => v !== undefined)
        .map(Number);
      expect(HUB_RUNTIME.name).toBe(`nodejs${Math.max(...nodeRuntimes)}.x`);
      for (const [s, architecture, tracing] of [[test, 'arm64', true], [china, 'x86_64', false]] as const) {
        const fns = resourcesOf(s, 'AWS::Lambda::Function');
        expect(fns).toHaveLength(departments.length + Object.keys(functions).length);
        for (const [, fn] of fns) {
          expect(fn.Properties.Runtime).toBe('nodejs24.x');
          expect(fn.Properties.Architectures).toEqual([architecture]);
          expect(fn.Properties.Handler).toBe('index.handler');
          expect(fn.Properties.TracingConfig).toEqual(tracing ? { Mode: 'Active' } : undefined);
          expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
        }
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
        const env = envOf(test, fn);
        expect(env.TABLE_NAME).toBeDefined();
        expect(env.QUEUE_URLS).toBeDefined();
        const sends = statementsOfRole(test, logicalIdOf(test, fn.serviceRole)).filter((st: any) => [st.Action].flat().includes('sqs:SendMessage'));
        for (const d of departments) {
          const queueId = logicalIdOf(test, test.stack.departments.get(d.code)!.queue);
          expect(sends.flatMap((st: any) => [st.Resource].flat())).toContainEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
        }
      }
    });

    it('runs the children’s clock sweep daily just after midnight China time, with table and queue access', () => {
      const fn = test.stack.functions.clocks;
      expect(functions.clocks.dailyAtChina).toBe('00:30');
      test.template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'cron(30 16 * * ? *)',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(test, fn), 'Arn'] } })],
      });
      expect(envOf(test, fn)).toMatchObject({ TABLE_NAME: expect.anything(), QUEUE_URLS: expect.anything() });
      expect(resourcesOf(test, 'AWS::Lambda::Function').find(([id]) => id === logicalIdOf(test, fn))![1].Properties.Timeout).toBe(300);
    });

    it('gives the overdue sweep the namespace its alarm watches, and no metrics permission (embedded metrics are log lines)', () => {
      const env = envOf(test, test.stack.functions.overdue);
      expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe(OVERDUE_METRIC.namespace);
      expect(Object.keys(env).filter((k) => k.startsWith('OVERDUE_METRIC'))).toEqual([]);
      expect(JSON.stringify(test.json.Resources)).not.toContain('cloudwatch:PutMetricData');
    });

    it('uses Resource "*" only in the dedicated, acknowledged X-Ray policies', () => {
      for (const s of [aws, china]) {
        for (const [id, p] of resourcesOf(s, 'AWS::IAM::Policy')) {
          const wildcard = p.Properties.PolicyDocument.Statement.some(
            (st: any) => st.Resource === '*' || [st.Action].flat().some((a: string) => a.includes('*')),
          );
          // and aws-cdk-lib's bucket deployment of the console (acknowledged in infra/console-hosting.ts)
          if (wildcard) expect(id).toMatch(/XRayWrite|^CustomCDKBucketDeployment/);
        }
        // no AWS managed policy on any function role (only the account-level API Gateway logging role has one)
        const withManaged = resourcesOf(s, 'AWS::IAM::Role').filter(([, r]) => r.Properties.ManagedPolicyArns);
        // (and the console's bucket deployment function, aws-cdk-lib's, with the basic execution role)
        const expected = [expect.stringMatching(/^ApiCloudWatchRole/), ...(s.stack.console ? [expect.stringMatching(/^CustomCDKBucketDeployment/)] : [])];
        expect(withManaged.map(([id]) => id).sort()).toEqual(expected);
      }
      expect(resourcesOf(china, 'AWS::IAM::Policy').map(([id]) => id).filter((id) => id.includes('XRayWrite'))).toEqual([]);
    });

    it('gives the partner API, and only it, the key sealing inbox page tokens', () => {
      const keyId = logicalIdOf(test, test.stack.pagingTokenKey);
      expect(envOf(test, test.stack.functions.partnerApi).PAGING_TOKEN_KEY_ARN).toEqual({ Ref: keyId });
      test.template.hasResourceProperties('AWS::SecretsManager::Secret', {
        KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(test, test.stack.key), 'Arn'] },
        GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
      });
      const readers = resourcesOf(test, 'AWS::IAM::Policy').filter(([, p]) =>
        p.Properties.PolicyDocument.Statement.some((st: any) => JSON.stringify(st.Resource) === JSON.stringify({ Ref: keyId })),
      );
      expect(readers.map(([, p]) => p.Properties.Roles)).toEqual([[{ Ref: logicalIdOf(test, test.stack.functions.partnerApi.serviceRole) }]]);
    });
  });

  describe('outputs', () => {
    it('exposes the API URL, table name and every department queue and dead-letter queue URL', () => {
      const outputs = test.json.Outputs;
      expect(outputs[outputKeys.apiUrl]).toBeDefined();
      expect(outputs[outputKeys.tableName]?.Value).toEqual({ Ref: logicalIdOf(test, test.stack.table) });
      for (const d of departments) {
        const { queue, deadLetterQueue, secret } = test.stack.departments.get(d.code)!;
        expect(outputs[outputKeys.queueUrl(d.code)]?.Value).toEqual({ Ref: logicalIdOf(test, queue) });
        expect(outputs[outputKeys.deadLetterQueueUrl(d.code)]?.Value).toEqual({ Ref: logicalIdOf(test, deadLetterQueue) });
        expect(outputs[outputKeys.departmentSecretArn(d.code)]?.Value).toEqual({ Ref: logicalIdOf(test, secret) });
      }
      expect(outputKeys.queueUrl('medical-insurance')).toBe('QueueUrlMedicalInsurance');
    });
  });

  describe('authorizer tokens per deployment', () => {
    let credentialsFile: string;

    beforeAll(() => {
      const dir = mkdtempSync(join(tmpdir(), 'hub-local-creds-'));
      credentialsFile = join(dir, 'credentials.json');
      writeFileSync(credentialsFile, JSON.stringify({ 'staff:CWI-450100': 'x'.repeat(43) }));
    });

    it('never gives the aws deployments local tokens: every function verifies JWTs or has no AUTH_MODE at all', () => {
      for (const s of [aws, china]) {
        expect(envOf(s, s.stack.functions.authorizer)).toMatchObject({ AUTH_MODE: 'jwt' });
        for (const [, fn] of resourcesOf(s, 'AWS::Lambda::Function')) {
          const env = fn.Properties.Environment?.Variables ?? {};
          expect(env.AUTH_MODE ?? 'jwt').toBe('jwt');
          expect(env).not.toHaveProperty('LOCAL_CREDENTIALS_FILE');
          expect(env).not.toHaveProperty('LOCAL_TOKENS');
        }
        expect(JSON.stringify(s.json)).not.toMatch(/LOCAL_CREDENTIALS_FILE|LOCAL_TOKENS|"AUTH_MODE":"local"/);
      }
    });

    it('refuses HUB_LOCAL_CREDENTIALS_FILE for aws and test, and a hand-built aws config that asks for it', () => {
      for (const deployment of ['aws', 'cn-northwest-1', 'test'] as const) {
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
        const s = synth('local', { config: resolveConfig('local', { [LOCAL_CREDENTIALS_ENV]: credentialsFile }) });
        const env = envOf(s, s.stack.functions.authorizer);
        expect(env).toMatchObject({ AUTH_MODE: 'local', LOCAL_CREDENTIALS_FILE: BUNDLED_CREDENTIALS_PATH });
        expect(env).not.toHaveProperty('JWKS_URL');
        // The tokens themselves travel in the bundle, never in the template.
        expect(JSON.stringify(s.json)).not.toContain('x'.repeat(43));
        const others = resourcesOf(s, 'AWS::Lambda::Function').filter(([id]) => id !== logicalIdOf(s, s.stack.functions.authorizer));
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
}
