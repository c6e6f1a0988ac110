// What holds for every deployment: one stack, cdk-nag clean (and cdk-nag failing synthesis on a finding),
// partition-aware names, and logs kept as configured (at least 180 days for the real ones).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployments } from '../../../infra/config.ts';
import { projectRoot } from '../../../infra/hub-function.ts';
import { outputKeys } from '../../../infra/outputs.ts';
import { REAL_DEPLOYMENTS, resourcesOf, stringsOf, synth, SYNTH_TIMEOUT, type Synthesised, type Templates } from '../synth.ts';



/** Where the template names a service principal (always `<service>.amazonaws.com`, in every partition). */
const isServicePrincipal = (path: string[], resources: Synthesised['json']['Resources']) =>
  path.slice(-3, -1).join('.') === 'Principal.Service' ||
  path.slice(-2).join('.') === 'Principal.Service' ||
  (path.at(-1) === 'Principal' && resources[path[1]!]?.Type === 'AWS::Lambda::Permission');

export function deploymentsSuite(all: Templates): void {
  const each = () => deployments.map((d) => all[d]);

  describe('every deployment', () => {
    it('yields one stack per app', () => {
      expect(Object.keys(all).sort()).toEqual([...deployments].sort());
      for (const s of each()) expect(s.app.synth().stacks).toHaveLength(1);
    });

    it('is cdk-nag AwsSolutions clean, China included', () => {
      for (const s of each()) {
        // synth() already ran the plugin (and would have thrown); ask the pack directly as well.
        const report = new AwsSolutionsChecks().validateScope(s.app);
        expect({ deployment: s.config.deployment, violations: report.violations }).toEqual({ deployment: s.config.deployment, violations: [] });
        expect(report.success).toBe(true);
      }
    });

    it('builds every ARN from the partition pseudo-parameter and names no endpoint domain', () => {
      for (const s of each()) {
        const strings = stringsOf(s.json);
        expect(strings.filter((x) => /arn:aws/.test(x.value))).toEqual([]);
        const domains = strings.filter((x) => x.value.includes('amazonaws.com'));
        const misplaced = domains.filter((x) => !isServicePrincipal(x.path, s.json.Resources) || !/^[a-z0-9-]+(\.s3)?\.amazonaws\.com$/.test(x.value));
        expect(misplaced.map((x) => `${x.path.join('.')}: ${x.value}`)).toEqual([]);
        expect(domains.length).toBeGreaterThan(0);
        const json = JSON.stringify(s.json);
        expect(json).toContain('{"Ref":"AWS::Partition"}');
        expect(JSON.stringify(s.json.Outputs[outputKeys.apiUrl])).toContain('{"Ref":"AWS::URLSuffix"}');
      }
    });

    it('keeps every log group of the stack for the configured days, 180 or more for aws and China', () => {
      for (const s of each()) {
        const groups = resourcesOf(s, 'AWS::Logs::LogGroup');
        expect(groups.map(([, g]) => g.Properties.RetentionInDays)).toEqual(groups.map(() => s.config.logRetentionDays));
        if (REAL_DEPLOYMENTS.includes(s.config.deployment)) expect(s.config.logRetentionDays).toBeGreaterThanOrEqual(180);
        const ids = new Set(groups.map(([id]) => id));
        // every function logs into one of them, the stage's access logs too, and nothing creates groups on the side
        for (const [, fn] of resourcesOf(s, 'AWS::Lambda::Function')) expect(ids).toContain(fn.Properties.LoggingConfig.LogGroup.Ref);
        for (const [, stage] of resourcesOf(s, 'AWS::ApiGateway::Stage')) {
          const destination = JSON.stringify(stage.Properties.AccessLogSetting.DestinationArn);
          expect([...ids].filter((id) => destination.includes(`{"Ref":"${id}"}`))).toHaveLength(1);
        }
        expect(groups).toHaveLength(resourcesOf(s, 'AWS::Lambda::Function').length + 2);
        // The console's bucket deployment is the one custom resource (aws-cdk-lib's; its function logs to a group of
        // the stack, checked above); no other, so no log group is made on the side (LogRetention and the like).
        const custom = Object.values(s.json.Resources).filter((r) => r.Type.startsWith('Custom::'));
        expect(custom.map((r) => r.Type)).toEqual(s.stack.console ? ['Custom::CDKBucketDeployment'] : []);
      }
    });
  });

  describe('the code that builds the stack', () => {
    it('spells no partition or endpoint domain', () => {
      const dir = join(projectRoot, 'infra');
      const offending = readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((line, i) => ({ where: `infra/${f}:${i + 1}`, line })))
        .filter(({ line }) => /arn:aws[:-]|amazonaws\.com/.test(line));
      expect(offending).toEqual([]);
    });
  });

  describe('cdk-nag as a validation plugin', () => {
    it(
      'fails synthesis on an unacknowledged error-level finding',
      () => {
        expect(() =>
          synth('test', { mutate: (stack) => new sqs.Queue(stack, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED }) }),
        ).toThrow(/AwsSolutions-SQS2/);
      },
      SYNTH_TIMEOUT,
    );

    it(
      'fails synthesis on an unacknowledged warning-level finding too',
      () => {
        let report: ReturnType<AwsSolutionsChecks['validateScope']> | undefined;
        expect(() =>
          synth('cn-northwest-1', {
            mutate: (stack) => {
              new dynamodb.Table(stack, 'NoBackups', {
                partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
                billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
              });
              report = new AwsSolutionsChecks().validateScope(stack);
            },
          }),
        ).toThrow(/AwsSolutions-DDB3/);
        expect(report?.violations).toEqual([expect.objectContaining({ ruleName: 'AwsSolutions-DDB3', severity: 'warning' })]);
      },
      SYNTH_TIMEOUT,
    );
  });
}
