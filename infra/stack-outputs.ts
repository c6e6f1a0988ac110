// The stack's outputs under the stable keys of infra/outputs.ts.
import { CfnOutput, type Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { DepartmentCode } from '../contracts/common.ts';
import type { ConsoleHosting } from './console-hosting.ts';
import type { DepartmentPipeline } from './department-pipeline.ts';
import { outputKeys } from './outputs.ts';

export interface OutputSources {
  api: apigateway.RestApi;
  table: dynamodb.ITable;
  alarmTopic: sns.ITopic;
  departments: ReadonlyMap<DepartmentCode, DepartmentPipeline>;
  console?: ConsoleHosting;
}

export function addOutputs(stack: Stack, { api, table, alarmTopic, departments, console }: OutputSources): void {
  new CfnOutput(stack, outputKeys.apiUrl, { value: api.url, description: 'REST API stage URL (ends with /)' });
  new CfnOutput(stack, outputKeys.apiId, { value: api.restApiId });
  new CfnOutput(stack, outputKeys.tableName, { value: table.tableName });
  new CfnOutput(stack, outputKeys.queueUrls, {
    value: stack.toJsonString(Object.fromEntries([...departments].map(([code, d]) => [code, d.queue.queueUrl]))),
    description: 'JSON: department code → queue URL',
  });
  new CfnOutput(stack, outputKeys.alarmTopicArn, { value: alarmTopic.topicArn });
  if (console) new CfnOutput(stack, outputKeys.consoleUrl, { value: `https://${console.distribution.distributionDomainName}/`, description: 'The web console (and the API under /v1/ at the same origin)' });
  for (const [code, d] of departments) {
    new CfnOutput(stack, outputKeys.queueUrl(code), { value: d.queue.queueUrl });
    new CfnOutput(stack, outputKeys.deadLetterQueueUrl(code), { value: d.deadLetterQueue.queueUrl });
    new CfnOutput(stack, outputKeys.departmentSecretArn(code), { value: d.secret.secretArn });
    for (const [city, secret] of d.officeSecrets) new CfnOutput(stack, outputKeys.officeSecretArn(code, city), { value: secret.secretArn });
  }
}
