// Every hub function is a HubFunction: the shared defaults (runtime, architecture, ESM bundling, logging into its
// own log group, tracing, a role with no managed policy) are fixed here once, and the bind* helpers set an
// environment variable and grant exactly the access it implies in one call, so wiring cannot drift from permissions.
import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource, type SqsEventSourceProps } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { HUB_RUNTIME, hubBundling, projectRoot } from './bundling.ts';
import type { Config } from './config.ts';
import { grantSend, grantTable } from './grants.ts';
import type { HubSecret } from './hub-secret.ts';

// scripts/bench/bundles.ts and the tests read the build settings from here.
export { ESBUILD_TARGET, ESM_REQUIRE_BANNER, HUB_RUNTIME, hubBundling, projectRoot } from './bundling.ts';

export const DEFAULT_TIMEOUT = Duration.seconds(10);
export const DEFAULT_MEMORY_MB = 512;

export interface HubFunctionProps
  extends Omit<
    NodejsFunctionProps,
    'entry' | 'handler' | 'runtime' | 'architecture' | 'role' | 'logGroup' | 'logRetention' | 'tracing' | 'functionName'
  > {
  /** Entry file relative to the repository root, as services/topology.ts lists it. */
  entry: string;
  /** Short name, e.g. `api` or `adapter-education`; the function is called `<namePrefix>hub-<name>`. */
  name: string;
  config: Config;
}

export class HubFunction extends NodejsFunction {
  readonly hubName: string;
  readonly serviceRole: iam.Role;
  readonly functionLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HubFunctionProps) {
    const { entry, name, config, bundling, environment, ...rest } = props;
    const functionName = `${config.namePrefix}hub-${name}`;

    // Created beside the function (a subclass cannot create children before super()), under the name Lambda would
    // pick itself, so that its retention is the stack's and not "never expire".
    const functionLogGroup = new logs.LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetentionDays,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // No AWS managed policy: the role may write to its own log group and do what the bind* helpers grant.
    const serviceRole = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda'),
      description: `Execution role of ${functionName}`,
    });

    super(scope, id, {
      memorySize: DEFAULT_MEMORY_MB,
      timeout: DEFAULT_TIMEOUT,
      ...rest,
      functionName,
      entry: path.join(projectRoot, entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      runtime: HUB_RUNTIME,
      architecture: config.lambdaArchitecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      role: serviceRole,
      logGroup: functionLogGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        HUB_DEPLOYMENT: config.deployment,
        POWERTOOLS_SERVICE_NAME: `hub-${name}`,
        ...environment,
      },
      bundling: { ...hubBundling, ...bundling },
    });
    this.hubName = name;
    this.serviceRole = serviceRole;
    this.functionLogGroup = functionLogGroup;

    functionLogGroup.grantWrite(serviceRole);

    if (config.tracing) {
      // Set on the L1 resource so that the X-Ray statement (which cannot name a resource) lives in its own policy,
      // acknowledged there, instead of in the default policy where a `*` would hide other grants.
      (this.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: lambda.Tracing.ACTIVE };
      this.addWildcardPolicy(
        'XRayWrite',
        new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
        'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (Resource must be *).',
      );
    }
  }

  /**
   * A statement that must use `Resource: *` (the service supports no resource-level permissions), in a policy of
   * its own with the cdk-nag acknowledgement on exactly that policy.
   */
  addWildcardPolicy(id: string, statement: iam.PolicyStatement, reason: string): iam.Policy {
    const policy = new iam.Policy(this, id, { statements: [statement], roles: [this.serviceRole] });
    Validations.of(policy).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason });
    return policy;
  }

  /** TABLE_NAME plus access to the table and its indexes (from topology) and to its KMS key, via DynamoDB only. */
  bindTable(table: dynamodb.ITable, access: 'read' | 'readWrite'): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    grantTable(this, table, access);
    return this;
  }

  /** QUEUE_URLS (JSON object department code → queue URL) plus sending to exactly those queues. */
  bindQueues(queues: Record<string, sqs.IQueue>): this {
    const urls = Object.fromEntries(Object.entries(queues).map(([code, queue]) => [code, queue.queueUrl]));
    this.addEnvironment('QUEUE_URLS', this.stack.toJsonString(urls));
    grantSend(this, Object.values(queues));
    return this;
  }

  /**
   * Consume `queue` through an SQS event source, with QUEUE_URL set to it: the grant that comes with the event
   * source (receive, delete, ChangeMessageVisibility, kms:Decrypt) is what the handler needs to back off a
   * message by changing its visibility.
   */
  consume(queue: sqs.IQueue, props: SqsEventSourceProps): this {
    this.addEnvironment('QUEUE_URL', queue.queueUrl);
    this.addEventSource(new SqsEventSource(queue, props));
    return this;
  }

  /** `<envName>` = the secret's ARN, plus read access to it (and decrypt through Secrets Manager). */
  bindSecret(envName: string, secret: HubSecret): this {
    this.addEnvironment(envName, secret.secretArn);
    secret.grantRead(this);
    return this;
  }

  /** Each of `secrets` (environment variable → secret), as bindSecret. */
  bindSecrets(secrets: Map<string, HubSecret>): this {
    for (const [envName, secret] of secrets) this.bindSecret(envName, secret);
    return this;
  }
}
