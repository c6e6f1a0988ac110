// Synthesises the hub stack like `cdk synth` does (cdk.json's flags, the cdk-nag validation plugin), without
// bundling, and gives the template both as an assertions Template and as plain JSON to walk.
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { parseConfig, resolveConfig, type Config, type Deployment } from '../../infra/config.ts';
import type { ConfigInput } from '../../infra/config-schema.ts';
import { createHubApp } from '../../infra/create-app.ts';
import type { HubStack } from '../../infra/hub-stack.ts';

export const SYNTH_TIMEOUT = 180_000;
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:appMode': 'inmemory' };

export interface CfnResource {
  Type: string;
  Properties?: any;
  DeletionPolicy?: string;
  DependsOn?: string | string[];
}
/** One synthesis of each deployment, shared by the suites of test/infra/stack.test.ts. */
export type Templates = Record<Deployment, Synthesised>;
/** The deployments that reach a real region, and so get the region's CloudFormation schema check in the tests too. */
export const REAL_DEPLOYMENTS: readonly Deployment[] = ['aws', 'cn-northwest-1', 'cn-north-1'];

export interface Synthesised {
  app: App;
  stack: HubStack;
  config: Config;
  template: Template;
  json: { Resources: Record<string, CfnResource>; Outputs: Record<string, any> };
}

/**
 * Synthesises once; a cdk-nag finding makes this throw. `asTheCliDoes` keeps aws-cdk-lib's CloudFormation schema
 * validation (a WebAssembly engine, slow): the real deployments and the China variants are synthesised so.
 */
export function synth(
  deployment: Deployment,
  options: { config?: Config; mutate?: (stack: HubStack) => void; asTheCliDoes?: boolean } = {},
): Synthesised {
  const { app, stack, config } = createHubApp({
    deployment,
    config: options.config,
    context: NO_BUNDLING,
    cloudFormationValidation: options.asTheCliDoes ?? false,
  });
  options.mutate?.(stack);
  const json = app.synth().getStackArtifact(stack.artifactId).template;
  return { app, stack, config, template: Template.fromJSON(json), json };
}

/** A deployment's config with some fields changed, parsed (and so checked) like the real ones. */
export function configWith(deployment: Deployment, change: (input: ConfigInput) => ConfigInput): Config {
  const base = resolveConfig(deployment, {});
  return parseConfig(change({ ...base }));
}

export const resourcesOf = (s: Synthesised, type: string) =>
  Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);

/** The one resource of a type: [logical id, resource]; fails when there is not exactly one. */
export function onlyResource(s: Synthesised, type: string): [string, any] {
  const found = resourcesOf(s, type);
  expect(found).toHaveLength(1);
  return found[0]!;
}

export const logicalIdOf = (s: Synthesised, construct: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(construct.node.defaultChild as never);

/** Every string in a template with its JSON path (`Resources.X.Properties.…`). */
export function stringsOf(value: unknown, path: string[] = []): { path: string[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, [...path, k]));
  return [];
}

/** The statements of every IAM policy attached to a role. */
export function statementsOfRole(s: Synthesised, roleLogicalId: string): any[] {
  return resourcesOf(s, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleLogicalId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}
