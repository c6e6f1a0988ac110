// Every hub function is a HubFunction: the shared defaults (runtime, architecture, ESM bundling, logging,
// tracing, least-privilege role) are fixed here once, and the bind* helpers set an environment variable and
// grant exactly the access it implies in one call, so wiring cannot drift from permissions.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  NodejsFunction,
  OutputFormat,
  type BundlingOptions,
  type NodejsFunctionProps,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SqsEventSource, type SqsEventSourceProps } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { table as tableTopology } from '../services/topology.ts';
import type { Config } from './config.ts';

/** The repository root: entries in services/topology.ts are relative to it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest Node.js runtime aws-cdk-lib 2.276 offers (ARCHITECTURE.md decision 11). */
export const HUB_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** esbuild target matching HUB_RUNTIME. */
export const ESBUILD_TARGET = 'node24';
/** ESM bundles of CommonJS dependencies (the AWS SDK among them) need a real `require`. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const DEFAULT_TIMEOUT = Duration.seconds(10);
export const DEFAULT_MEMORY_MB = 512;

/** Bundling every hub function shares; a function may add to it, not replace the ESM settings. */
export const hubBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  target: ESBUILD_TARGET,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Ship the SDK version the tests ran against instead of the one the runtime happens to carry.
  bundleAwsSDK: true,
};

// Same action sets as Table.grantReadData / grantReadWriteData, but on the table and its named indexes
// (no `index/*` wildcard), and KMS actions spelled out (no `GenerateDataKey*` / `ReEncrypt*` wildcards).
const TABLE_READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:Query',
  'dynamodb:Scan',
];
const TABLE_WRITE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const KMS_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const KMS_READ_WRITE_ACTIONS = [
  ...KMS_READ_ACTIONS,
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];
/** What a producer of a KMS-encrypted SQS queue needs (SQS SSE key management). */
const QUEUE_SEND_ACTIONS = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const KMS_QUEUE_SEND_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'];

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
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // Created beside the function (a subclass cannot create children before super()). The role has no AWS
    // managed policy: it may write to its own log group and do what the bind* helpers grant, nothing else.
    const functionLogGroup = new logs.LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetention,
      removalPolicy,
    });
    const serviceRole = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
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
      architecture: lambda.Architecture.ARM_64,
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
      // Active tracing set on the L1 resource so that the X-Ray statement (which cannot name a resource) lives in
      // its own policy, acknowledged there, instead of in the default policy where a `*` would hide other grants.
      (this.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: lambda.Tracing.ACTIVE };
      this.addWildcardPolicy(
        'XRayWrite',
        new iam.PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
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

  /**
   * TABLE_NAME plus access to the table and its indexes (from topology) and to its KMS key, via DynamoDB only.
   */
  bindTable(table: dynamodb.Table, access: 'read' | 'readWrite'): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const indexArns = Object.values(tableTopology.indexes).map((index) => `${table.tableArn}/index/${index.name}`);
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: [table.tableArn, ...indexArns],
      }),
    );
    if (table.encryptionKey) {
      this.grantKeyVia(table.encryptionKey, 'dynamodb', access === 'read' ? KMS_READ_ACTIONS : KMS_READ_WRITE_ACTIONS);
    }
    return this;
  }

  /**
   * QUEUE_URLS (JSON object department code → queue URL) plus permission to send to exactly those queues and to
   * use their KMS key through SQS.
   */
  bindQueues(queues: Record<string, sqs.IQueue>): this {
    const urls = Object.fromEntries(Object.entries(queues).map(([code, queue]) => [code, queue.queueUrl]));
    this.addEnvironment('QUEUE_URLS', this.stack.toJsonString(urls));
    const keys = new Set<kms.IKey>();
    for (const queue of Object.values(queues)) {
      queue.grant(this, ...QUEUE_SEND_ACTIONS);
      if (queue.encryptionMasterKey) keys.add(queue.encryptionMasterKey);
    }
    for (const key of keys) this.grantKeyVia(key, 'sqs', KMS_QUEUE_SEND_ACTIONS);
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
  bindSecret(envName: string, secret: secretsmanager.ISecret): this {
    this.addEnvironment(envName, secret.secretArn);
    secret.grantRead(this);
    return this;
  }

  private grantKeyVia(key: kms.IKey, service: string, actions: string[]): void {
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions,
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `${service}.${Aws.REGION}.${Aws.URL_SUFFIX}` } },
      }),
    );
  }
}
