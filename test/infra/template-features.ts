// What a synthesised template uses, as the ids of infra/china-availability.json: every resource type, and the
// features within resources that a region may lack (a runtime, an architecture, X-Ray, an endpoint type, …).
import type { Synthesised } from './synth.ts';

type Detect = (properties: any) => string[];

const lambdaFunction: Detect = (p) => [
  `lambda.runtime.${p.Runtime}`,
  ...(p.Architectures ?? ['x86_64']).map((a: string) => `lambda.architecture.${a}`),
  ...(p.TracingConfig?.Mode === 'Active' ? ['lambda.xray'] : []),
  ...(p.LoggingConfig ? ['lambda.logging-config'] : []),
];

const detectors: Record<string, Detect> = {
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Lambda::Url': () => ['lambda.function-url'],
  'AWS::Lambda::EventSourceMapping': (p) => [
    ...(p.ScalingConfig?.MaximumConcurrency ? ['lambda.esm.maximum-concurrency'] : []),
    ...((p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures') ? ['lambda.esm.partial-batch-response'] : []),
  ],
  'AWS::IAM::Role': (p) => (JSON.stringify(p.AssumeRolePolicyDocument).includes('"Service"') ? ['iam.service-principals'] : []),
  'AWS::Lambda::Permission': (p) => (typeof p.Principal === 'string' && p.Principal.endsWith('.amazonaws.com') ? ['iam.service-principals'] : []),
  'AWS::IAM::Policy': (p) => (JSON.stringify(p.PolicyDocument).includes('kms:ViaService') ? ['kms.via-service'] : []),
  'AWS::DynamoDB::Table': (p) => [
    ...(p.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled ? ['dynamodb.pitr'] : []),
    ...(p.DeletionProtectionEnabled ? ['dynamodb.deletion-protection'] : []),
    ...(p.SSESpecification?.KMSMasterKeyId ? ['dynamodb.sse-kms-cmk'] : []),
  ],
  'AWS::SQS::Queue': (p) => [...(p.KmsMasterKeyId ? ['sqs.sse-kms'] : []), ...(p.RedrivePolicy ? ['sqs.dead-letter-queue'] : [])],
  'AWS::SNS::Topic': (p) => (p.KmsMasterKeyId ? ['sns.sse-kms'] : []),
  'AWS::SNS::Subscription': (p) => (p.Protocol === 'email' ? ['sns.email'] : []),
  'AWS::ApiGateway::RestApi': (p) => (p.EndpointConfiguration?.Types ?? ['EDGE']).map((t: string) => `apigateway.endpoint.${t}`),
  'AWS::ApiGateway::Authorizer': (p) => [p.Type === 'COGNITO_USER_POOLS' ? 'apigateway.authorizer.cognito' : 'apigateway.authorizer.lambda'],
  'AWS::ApiGateway::Stage': (p) => (p.TracingEnabled ? ['apigateway.xray'] : []),
  'AWS::WAFv2::WebACL': (p) => [
    ...(p.Scope === 'CLOUDFRONT' ? ['wafv2.scope.CLOUDFRONT'] : []),
    ...(p.Rules ?? []).flatMap((r: any) => {
      const managed = r.Statement?.ManagedRuleGroupStatement;
      return managed ? [`wafv2.managed.${managed.Name}`] : [];
    }),
  ],
};

/** Every id the template uses, with the logical ids of the resources that use it. */
export function featuresOf(s: Synthesised): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const add = (id: string, by: string) => used.set(id, [...(used.get(id) ?? []), by]);
  for (const [logicalId, resource] of Object.entries(s.json.Resources)) {
    add(resource.Type, logicalId);
    for (const id of detectors[resource.Type]?.(resource.Properties ?? {}) ?? []) add(id, logicalId);
  }
  // The overdue sweep's metric reaches CloudWatch as embedded metric format log lines.
  if (Object.values(s.json.Resources).some((r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties?.Namespace === 'ChildWelfareHub')) {
    add('cloudwatch.embedded-metric-format', 'OverdueTasksAlarm');
  }
  return used;
}
