// Builds the CDK app: the hub stack for one deployment, with cdk-nag's AwsSolutions pack as a validation
// plugin, so any finding that is not acknowledged (with a reason, on its construct) fails synthesis.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { resolveConfig, type Config, type Deployment } from './config.ts';
import { projectRoot } from './bundling.ts';
import { HubStack } from './hub-stack.ts';

/** The `context` of cdk.json (feature flags), so an app built in a test behaves like one built by the CLI. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface CreateHubAppOptions {
  deployment: Deployment;
  /** Defaults to resolveConfig(deployment). */
  config?: Config;
  /**
   * Context that wins over everything, the CLI's included (App `postCliContext`): tests pass
   * `{ 'aws:cdk:bundling-stacks': [] }` here to skip bundling.
   */
  context?: Record<string, unknown>;
  outdir?: string;
  /**
   * aws-cdk-lib's own template validation (CloudFormation resource schemas of the stack's region: a resource type
   * the region lacks fails synthesis). On by default, as in `cdk synth`; tests that check other things turn it off
   * to save seconds per synthesis.
   */
  cloudFormationValidation?: boolean;
}

export function createHubApp(options: CreateHubAppOptions): { app: App; stack: HubStack; config: Config } {
  const config = options.config ?? resolveConfig(options.deployment);
  const app = new App({
    outdir: options.outdir,
    // cdk.json's flags as defaults (the CLI passes the same through CDK_CONTEXT_JSON, which wins over these).
    context: cdkJsonContext(),
    postCliContext: options.context,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  const stack = new HubStack(app, 'HubStack', {
    stackName: config.stackName,
    description: `Child welfare integration hub (${config.deployment})`,
    env: config.env,
    terminationProtection: config.retainData,
    config,
  });
  Tags.of(stack).add('hub:deployment', config.deployment);
  Tags.of(stack).add('hub:system', 'child-welfare-hub');
  return { app, stack, config };
}
