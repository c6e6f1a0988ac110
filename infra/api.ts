// The REST API (v1) from the topology's routes: a REQUEST authorizer on the Authorization header, a request
// validator on every method, access logs of ids only, execution logs at ERROR, both kept as long as the config says.
import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { routes, type ApiFunction } from '../services/topology.ts';
import { apiEndpoint } from './api-access.ts';
import type { Config } from './config.ts';
import type { HubFunction } from './hub-function.ts';
import { addGatewayResponses } from './gateway-responses.ts';
import { attachWebAcl } from './web-acl.ts';

/**
 * The access log line: ids, times and outcomes only. No caller IP or user agent, no path values or query string
 * (the resource path is the template, `/v1/children/{childId}`), no request or response content.
 */
export const ACCESS_LOG_FIELDS = {
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
};

/** How long API Gateway may cache an authorizer's answer per token (docs/security.md, revocation delay). */
export const AUTHORIZER_CACHE_TTL = Duration.minutes(5);

export interface HubApiProps {
  config: Config;
  handlers: Record<ApiFunction, HubFunction>;
  authorizer: HubFunction;
}

export function hubApi(scope: Construct, props: HubApiProps): apigateway.RestApi {
  const { config } = props;
  const named = (name: string) => `${config.namePrefix}${name}`;
  const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const accessLogs = new logs.LogGroup(scope, 'ApiAccessLogs', { retention: config.logRetentionDays, removalPolicy });
  const endpoint = apiEndpoint(scope, config.api.access, named('child-welfare-hub'));

  const api = new apigateway.RestApi(scope, 'Api', {
    restApiName: named('child-welfare-hub'),
    description: 'Child welfare hub: welfare staff, supervisors and partner departments',
    endpointConfiguration: endpoint.endpointConfiguration,
    policy: endpoint.policy,
    // Execution logging (AwsSolutions-APIG6) needs the account-level CloudWatch role.
    cloudWatchRole: true,
    cloudWatchRoleRemovalPolicy: removalPolicy,
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
      accessLogFormat: apigateway.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
    },
  });
  // API Gateway would create the execution log group itself on first use, keeping it forever; this one is the
  // stack's, with its retention, and exists before the stage logs anything.
  const executionLogs = new logs.LogGroup(scope, 'ApiExecutionLogs', {
    logGroupName: Fn.join('', ['API-Gateway-Execution-Logs_', api.restApiId, '/', config.api.stageName]),
    retention: config.logRetentionDays,
    removalPolicy,
  });
  api.deploymentStage.node.addDependency(executionLogs);

  const cloudWatchRole = api.node.tryFindChild('CloudWatchRole');
  if (cloudWatchRole) {
    Validations.of(cloudWatchRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The account-level API Gateway logging role uses the AWS managed policy AWS documents for it; API ' +
        'Gateway creates log groups per stage, so no narrower resource list exists.',
    });
  }
  addRoutes(scope, api, props);
  addGatewayResponses(api);

  if (config.webAcl) {
    attachWebAcl(scope, { name: named('hub-api'), stageArn: api.deploymentStage.stageArn });
  } else {
    Validations.of(api.deploymentStage).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason: `The ${config.deployment} deployment has no WAFv2 (LocalStack community lacks it; tests synthesise only); the aws deployments attach a web ACL.`,
    });
  }
  return api;
}

function addRoutes(scope: Construct, api: apigateway.RestApi, props: HubApiProps): void {
  const validator = api.addRequestValidator('RequestValidator', {
    requestValidatorName: 'parameters-and-body',
    validateRequestParameters: true,
    validateRequestBody: true,
  });
  const authorizer = new apigateway.RequestAuthorizer(scope, 'Authorizer', {
    authorizerName: `${props.config.namePrefix}hub-bearer`,
    handler: props.authorizer,
    identitySources: [apigateway.IdentitySource.header('Authorization')],
    resultsCacheTtl: AUTHORIZER_CACHE_TTL,
  });
  const integrations = Object.fromEntries(
    Object.entries(props.handlers).map(([fn, handler]) => [fn, new apigateway.LambdaIntegration(handler, { allowTestInvoke: false })]),
  ) as Record<ApiFunction, apigateway.LambdaIntegration>;

  for (const route of routes) {
    const pathParameters = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const method = api.root.resourceForPath(route.path).addMethod(route.method, integrations[route.fn], {
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
          '(docs/decisions/0006-auth.md); the identity provider is not Cognito (not offered in the China regions either).'
        : `${route.method} ${route.path} is deliberately public (topology auth: false) and returns no case data.`,
    });
    if (!route.auth) {
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.method} ${route.path} is public by design (topology auth: false): the health probe or the published API description, no case data.`,
      });
    }
  }
}
