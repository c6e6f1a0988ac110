// The hub on AWS, built from services/topology.ts: one state table, one queue + dead-letter queue + adapter per
// department, the REST API from `routes`, the schedules, alarms and outputs. See docs/decisions/0003-cdk-stack.md.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { DepartmentCode } from '../contracts/common.ts';
import {
  adapterEntry,
  deadLetterQueueName,
  delivery,
  departments,
  functions,
  inboxProjection,
  queueName,
  routes,
  table as tableTopology,
  type ApiFunction,
} from '../services/topology.ts';
import type { Config } from './config.ts';
import { HubFunction, projectRoot, type HubFunctionProps } from './hub-function.ts';
import { outputKeys, pascalCase } from './outputs.ts';

/** The overdue schedule publishes this metric (namespace and name reach it as env vars); one alarm watches it. */
export const OVERDUE_METRIC = { namespace: 'ChildWelfareHub', metricName: 'OverdueTasks' } as const;

/** SQS event source batching window: small, so a lone task is not held back. */
export const ADAPTER_BATCHING_WINDOW_SECONDS = 1;
export const ADAPTER_BATCH_SIZE = 10;
/**
 * AWS asks for a queue visibility timeout of at least six times the function timeout (plus the batching window)
 * for Lambda event sources. The queue's timeout is the topology's (delivery.visibilityTimeoutSeconds = 60), so
 * the adapter timeout follows from it: floor((60 - 1) / 6) = 9 s for a batch of up to 10 pushes.
 */
export const ADAPTER_TIMEOUT_SECONDS = Math.floor(
  (delivery.visibilityTimeoutSeconds - ADAPTER_BATCHING_WINDOW_SECONDS) / 6,
);
/** Failed deliveries wait in a dead-letter queue for the redrive tool; keep them for SQS's maximum, 14 days. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface HubStackProps extends StackProps {
  config: Config;
}

export interface DepartmentResources {
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
  secret: secretsmanager.Secret;
  adapter: HubFunction;
  deadLetterAlarm: cloudwatch.Alarm;
}

export class HubStack extends Stack {
  readonly config: Config;
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly alarmTopic: sns.Topic;
  readonly departments = new Map<DepartmentCode, DepartmentResources>();
  readonly api: apigateway.RestApi;
  readonly functions: Record<keyof typeof functions, HubFunction>;
  readonly pagingTokenKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: HubStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    const named = (name: string) => `${config.namePrefix}${name}`;
    const stateful = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    if (ADAPTER_TIMEOUT_SECONDS < 3) {
      throw new Error(`delivery.visibilityTimeoutSeconds (${delivery.visibilityTimeoutSeconds}) leaves adapters under 3 s`);
    }
    if (config.adapterMaxConcurrency < 2) throw new Error('adapterMaxConcurrency must be at least 2 (SQS event source)');

    // ── Encryption and alarm fan-out ────────────────────────────────────────────────────────────────────────
    this.key = new kms.Key(this, 'DataKey', {
      alias: `alias/${named('child-welfare-hub')}`,
      description: 'Child welfare hub: state table, queues, department secrets, alarm topic',
      enableKeyRotation: true,
      removalPolicy: stateful,
      pendingWindow: config.retainData ? Duration.days(30) : Duration.days(7),
    });
    // CloudWatch alarms publish to the encrypted topic only if CloudWatch may use the key.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        // As documented for alarms on encrypted topics (no condition: CloudWatch does not promise source keys).
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      topicName: named('hub-alarms'),
      displayName: 'Child welfare hub alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new snsSubscriptions.EmailSubscription(config.alarmEmail));
    const alarmAction = new cloudwatchActions.SnsAction(this.alarmTopic);

    // ── State table (ARCHITECTURE.md decision 4) ────────────────────────────────────────────────────────────
    this.table = new dynamodb.Table(this, 'StateTable', {
      tableName: named(tableTopology.name),
      partitionKey: { name: tableTopology.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableTopology.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.retainData,
      removalPolicy: stateful,
    });
    const { inbox, institution } = tableTopology.indexes;
    this.table.addGlobalSecondaryIndex({
      indexName: inbox.name,
      partitionKey: { name: inbox.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: inbox.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: [...inboxProjection],
    });
    this.table.addGlobalSecondaryIndex({
      indexName: institution.name,
      partitionKey: { name: institution.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: institution.sortKey, type: dynamodb.AttributeType.STRING },
      // Keys only: the sort key already carries admission date and child id; details come from the child item.
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });

    // ── Per department: queue, dead-letter queue, HMAC secret, adapter, alarm (decisions 5-7) ───────────────
    for (const department of departments) {
      const { code } = department;
      // One grouping construct per department, so its resources share a construct path.
      const scope = new Construct(this, pascalCase(code));

      const deadLetterQueue = new sqs.Queue(scope, 'DeadLetterQueue', {
        queueName: named(deadLetterQueueName(code)),
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: this.key,
        enforceSSL: true,
        retentionPeriod: DEAD_LETTER_RETENTION,
      });
      const queue = new sqs.Queue(scope, 'Queue', {
        queueName: named(queueName(code)),
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: this.key,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(delivery.visibilityTimeoutSeconds),
        retentionPeriod: Duration.days(4),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: delivery.maxReceiveCount },
      });

      const secret = new secretsmanager.Secret(scope, 'HmacSecret', {
        secretName: named(`hub/departments/${code}/hmac-key`),
        description: `HMAC-SHA256 key signing pushes to ${department.nameEn} (${code})`,
        encryptionKey: this.key,
        generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
        removalPolicy: stateful,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'The HMAC key is shared out of band with the department, which must install a new key before the hub ' +
          'signs with it; rotation is a coordinated manual procedure, not an automatic Secrets Manager rotation.',
      });

      const adapter = new HubFunction(scope, 'Adapter', {
        name: `adapter-${code}`,
        entry: adapterEntry(code),
        description: `Delivers tasks to ${department.nameEn} (${code})`,
        config,
        timeout: Duration.seconds(ADAPTER_TIMEOUT_SECONDS),
        memorySize: 256,
        environment: {
          DEPARTMENT: code,
          DEPARTMENT_ENDPOINT_URL: config.departmentEndpoints[code] ?? '',
          MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount),
        },
      })
        .bindTable(this.table, 'readWrite')
        .bindSecret('DEPARTMENT_SECRET_ARN', secret)
        .consume(queue, {
          batchSize: ADAPTER_BATCH_SIZE,
          maxBatchingWindow: Duration.seconds(ADAPTER_BATCHING_WINDOW_SECONDS),
          reportBatchItemFailures: true,
          maxConcurrency: config.adapterMaxConcurrency,
        });

      const deadLetterAlarm = new cloudwatch.Alarm(scope, 'DeadLetterAlarm', {
        alarmName: named(`hub-${code}-dead-letters`),
        alarmDescription: `Tasks for ${code} failed delivery ${delivery.maxReceiveCount} times and wait in ${deadLetterQueueName(code)} for a redrive.`,
        metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      deadLetterAlarm.addAlarmAction(alarmAction);
      deadLetterAlarm.addOkAction(alarmAction);

      this.departments.set(code, { queue, deadLetterQueue, secret, adapter, deadLetterAlarm });
    }
    const queues = Object.fromEntries([...this.departments].map(([code, d]) => [code, d.queue]));

    // ── HTTP API functions (decisions 8-9) ──────────────────────────────────────────────────────────────────
    const apiFunction = (key: 'api' | 'partnerApi', name: string) =>
      new HubFunction(this, pascalCase(name), {
        name,
        entry: functions[key].entry,
        description: functions[key].description,
        config,
        environment: { MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount) },
      })
        .bindTable(this.table, 'readWrite')
        .bindQueues(queues);
    const api = apiFunction('api', 'staff-api');
    const partnerApi = apiFunction('partnerApi', 'partner-api');
    // Seals the inbox's page tokens (services/api/paging-token.ts, docs/security.md).
    this.pagingTokenKey = new secretsmanager.Secret(this, 'PagingTokenKey', {
      secretName: named('hub/partner-api/paging-token-key'),
      description: 'Key sealing the partner API inbox page tokens (nextToken): AES-256-GCM, bound to caller and query',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: stateful,
    });
    Validations.of(this.pagingTokenKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the key only ends the page tokens outstanding (a department pages again from the first page); ' +
        'the partner API reads it once per container, so a rotation is a manual change followed by a redeploy.',
    });
    partnerApi.bindSecret('PAGING_TOKEN_KEY_ARN', this.pagingTokenKey);
    // No table, no queues: it only returns the committed document.
    const docs = new HubFunction(this, 'DocsApi', {
      name: 'docs-api',
      entry: functions.docs.entry,
      description: functions.docs.description,
      config,
    });

    const authorizerFn = new HubFunction(this, 'AuthorizerFunction', {
      name: 'authorizer',
      entry: functions.authorizer.entry,
      description: functions.authorizer.description,
      config,
      ...authorizerAuth(config),
    });

    // ── Schedules (decision 6) ──────────────────────────────────────────────────────────────────────────────
    const scheduled = (key: 'redispatch' | 'overdue', extraEnv: Record<string, string> = {}) => {
      const fn = new HubFunction(this, pascalCase(key), {
        name: key,
        entry: functions[key].entry,
        description: functions[key].description,
        config,
        timeout: Duration.minutes(1),
        environment: { MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount), ...extraEnv },
      })
        .bindTable(this.table, 'readWrite')
        .bindQueues(queues);
      new events.Rule(this, `${pascalCase(key)}Schedule`, {
        ruleName: named(`hub-${key}`),
        description: `${functions[key].description}, every ${functions[key].everyMinutes} minutes`,
        schedule: events.Schedule.rate(Duration.minutes(functions[key].everyMinutes)),
        targets: [new eventsTargets.LambdaFunction(fn, { retryAttempts: 2 })],
      });
      return fn;
    };
    const redispatch = scheduled('redispatch');
    const overdue = scheduled('overdue', {
      OVERDUE_METRIC_NAMESPACE: OVERDUE_METRIC.namespace,
      OVERDUE_METRIC_NAME: OVERDUE_METRIC.metricName,
      POWERTOOLS_METRICS_NAMESPACE: OVERDUE_METRIC.namespace,
    });
    // For PutMetricData callers; CloudWatch embedded metric format (a log line) needs no permission at all.
    overdue.addWildcardPolicy(
      'PutOverdueMetric',
      new iam.PolicyStatement({
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': OVERDUE_METRIC.namespace } },
      }),
      'cloudwatch:PutMetricData supports no resource-level permissions; the statement is limited to the ' +
        `${OVERDUE_METRIC.namespace} namespace by condition.`,
    );

    this.functions = { api, partnerApi, docs, authorizer: authorizerFn, redispatch, overdue };

    const overdueAlarm = new cloudwatch.Alarm(this, 'OverdueTasksAlarm', {
      alarmName: named('hub-overdue-tasks'),
      alarmDescription: 'Tasks are past their deadline (published by the overdue schedule).',
      metric: new cloudwatch.Metric({
        namespace: OVERDUE_METRIC.namespace,
        metricName: OVERDUE_METRIC.metricName,
        period: Duration.minutes(functions.overdue.everyMinutes),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    overdueAlarm.addAlarmAction(alarmAction);
    overdueAlarm.addOkAction(alarmAction);

    // ── REST API from topology routes ───────────────────────────────────────────────────────────────────────
    this.api = this.buildApi(config, { api, partnerApi, docs }, authorizerFn);

    // ── Outputs (keys documented in infra/outputs.ts) ───────────────────────────────────────────────────────
    new CfnOutput(this, outputKeys.apiUrl, { value: this.api.url, description: 'REST API stage URL (ends with /)' });
    new CfnOutput(this, outputKeys.apiId, { value: this.api.restApiId });
    new CfnOutput(this, outputKeys.tableName, { value: this.table.tableName });
    new CfnOutput(this, outputKeys.queueUrls, {
      value: this.toJsonString(queueUrlsOf(this.departments)),
      description: 'JSON: department code → queue URL',
    });
    new CfnOutput(this, outputKeys.alarmTopicArn, { value: this.alarmTopic.topicArn });
    for (const [code, d] of this.departments) {
      new CfnOutput(this, outputKeys.queueUrl(code), { value: d.queue.queueUrl });
      new CfnOutput(this, outputKeys.deadLetterQueueUrl(code), { value: d.deadLetterQueue.queueUrl });
      new CfnOutput(this, outputKeys.departmentSecretArn(code), { value: d.secret.secretArn });
    }
  }

  private buildApi(
    config: Config,
    handlers: Record<ApiFunction, HubFunction>,
    authorizerFn: HubFunction,
  ): apigateway.RestApi {
    const named = (name: string) => `${config.namePrefix}${name}`;
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: config.logRetention,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    const api = new apigateway.RestApi(this, 'Api', {
      restApiName: named('child-welfare-hub'),
      description: 'Child welfare hub: welfare staff, supervisors and partner departments',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // Execution logging (AwsSolutions-APIG6) needs the account-level CloudWatch role.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: config.api.stageName,
        tracingEnabled: config.tracing,
        metricsEnabled: true,
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        // Never log request/response bodies: they carry minors' personal information.
        dataTraceEnabled: false,
        throttlingRateLimit: config.api.throttlingRateLimit,
        throttlingBurstLimit: config.api.throttlingBurstLimit,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        // Ids only (decision 9): no caller IP, no user agent, no path values beyond the resource template.
        accessLogFormat: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: apigateway.AccessLogField.contextRequestId(),
            requestTime: apigateway.AccessLogField.contextRequestTime(),
            httpMethod: apigateway.AccessLogField.contextHttpMethod(),
            resourcePath: apigateway.AccessLogField.contextResourcePath(),
            status: apigateway.AccessLogField.contextStatus(),
            responseLength: apigateway.AccessLogField.contextResponseLength(),
            responseLatency: apigateway.AccessLogField.contextResponseLatency(),
            integrationLatency: apigateway.AccessLogField.contextIntegrationLatency(),
            principal: apigateway.AccessLogField.contextAuthorizerPrincipalId(),
            authorizerError: apigateway.AccessLogField.contextAuthorizerError(),
            errorMessage: apigateway.AccessLogField.contextErrorMessage(),
          }),
        ),
      },
    });
    const cloudWatchRole = api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'The account-level API Gateway logging role uses the AWS managed policy AWS documents for it; API ' +
          'Gateway creates log groups per stage, so no narrower resource list exists.',
      });
    }

    const validator = api.addRequestValidator('RequestValidator', {
      requestValidatorName: 'parameters-and-body',
      validateRequestParameters: true,
      validateRequestBody: true,
    });

    const authorizer = new apigateway.RequestAuthorizer(this, 'Authorizer', {
      authorizerName: named('hub-bearer'),
      handler: authorizerFn,
      identitySources: [apigateway.IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.minutes(5),
    });

    const integrations = {
      api: new apigateway.LambdaIntegration(handlers.api, { allowTestInvoke: false }),
      partnerApi: new apigateway.LambdaIntegration(handlers.partnerApi, { allowTestInvoke: false }),
      docs: new apigateway.LambdaIntegration(handlers.docs, { allowTestInvoke: false }),
    };

    for (const route of routes) {
      const resource = api.root.resourceForPath(route.path);
      const pathParameters = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const method = resource.addMethod(route.method, integrations[route.fn], {
        ...(route.auth
          ? { authorizationType: apigateway.AuthorizationType.CUSTOM, authorizer }
          : { authorizationType: apigateway.AuthorizationType.NONE }),
        requestValidator: validator,
        requestParameters: Object.fromEntries(pathParameters.map((p) => [`method.request.path.${p}`, true])),
      });
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-COG4',
        reason: route.auth
          ? 'Authorized by the Lambda REQUEST authorizer verifying JWTs of the deployment identity provider ' +
            '(ARCHITECTURE.md decisions 8-9); the identity provider is not Cognito.'
          : `${route.method} ${route.path} is deliberately public (topology auth: false) and returns no case data.`,
      });
      if (!route.auth) {
        Validations.of(method).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (topology auth: false): the health probe or the published API description, no case data.`,
        });
      }
    }

    if (config.webAcl) {
      this.attachWebAcl(api, named('hub-api'));
    } else {
      Validations.of(api.deploymentStage).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason: `The ${config.deployment} deployment has no WAFv2 (LocalStack community lacks it; tests synthesise only); the aws deployment attaches a web ACL.`,
      });
    }
    return api;
  }

  private attachWebAcl(api: apigateway.RestApi, name: string): void {
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      // Sampled requests would store request contents (minors' personal information) in WAF.
      sampledRequestsEnabled: false,
    });
    const managed = (priority: number, ruleGroup: string, overrides: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
      name: ruleGroup,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: ruleGroup,
          ruleActionOverrides: overrides.length
            ? overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
            : undefined,
        },
      },
      visibilityConfig: visibility(ruleGroup),
    });
    const acl = new wafv2.CfnWebACL(this, 'ApiWebAcl', {
      name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      rules: [
        // Request bodies (admissions, task results) may exceed the common rule set's 8 KB body limit: count only.
        managed(0, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
        managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        {
          name: 'RateLimitPerIp',
          priority: 2,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'ApiWebAclAssociation', {
      resourceArn: api.deploymentStage.stageArn,
      webAclArn: acl.attrArn,
    });
  }
}

/** Where the `local` deployment's authorizer finds its credentials file: the root of its bundle (LAMBDA_TASK_ROOT). */
export const BUNDLED_CREDENTIALS_PATH = '/var/task/local-credentials.json';

/**
 * The authorizer's verification mode. Every deployment verifies JWTs of its identity provider, except a `local`
 * (LocalStack) deployment given a local credentials file: its bundle then carries that file and the authorizer runs
 * with AUTH_MODE=local, so a tester uses the tokens `npm run deploy:local` wrote. Never for `aws`: refused here even
 * if a hand-built Config asks for it (resolveConfig already refuses the environment variable).
 */
function authorizerAuth(config: Config): Pick<HubFunctionProps, 'environment' | 'bundling'> {
  const jwt = {
    environment: {
      AUTH_MODE: 'jwt',
      JWT_ISSUER: config.auth.issuer,
      JWT_AUDIENCE: config.auth.audience,
      JWKS_URL: config.auth.jwksUrl,
    },
  };
  if (!config.localCredentialsFile) return jwt;
  if (config.deployment !== 'local') {
    throw new Error(`local credentials are for the local (LocalStack) deployment only; the ${config.deployment} deployment verifies JWTs`);
  }
  const file = path.resolve(config.localCredentialsFile);
  let entries = 0;
  try {
    const parsed: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) entries = Object.keys(parsed).length;
  } catch {
    // reported below
  }
  if (!entries) {
    throw new Error(`local credentials file ${file} is missing, not JSON or empty; \`npm run deploy:local\` writes it`);
  }
  const inProject = path.relative(projectRoot, file);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    environment: { AUTH_MODE: 'local', LOCAL_CREDENTIALS_FILE: BUNDLED_CREDENTIALS_PATH },
    bundling: {
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        // Docker bundling mounts the project at inputDir; local bundling (esbuild installed) has it in place.
        afterBundling: (inputDir: string, outputDir: string) => [
          `cp ${quote(inProject.startsWith('..') ? file : path.posix.join(inputDir, inProject.split(path.sep).join('/')))} ${quote(
            path.posix.join(outputDir, path.basename(BUNDLED_CREDENTIALS_PATH)),
          )}`,
        ],
      },
    },
  };
}

function queueUrlsOf(departments: Map<DepartmentCode, DepartmentResources>): Record<string, string> {
  return Object.fromEntries([...departments].map(([code, d]) => [code, d.queue.queueUrl]));
}
