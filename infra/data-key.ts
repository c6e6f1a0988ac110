// The one customer-managed KMS key (rotation on) of the table, the queues, the secrets and the alarm topic.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { Config } from './config.ts';

export function dataKey(scope: Construct, config: Config): kms.Key {
  const key = new kms.Key(scope, 'DataKey', {
    alias: `alias/${config.namePrefix}child-welfare-hub`,
    description: 'Child welfare hub: state table, queues, department secrets, alarm topic',
    enableKeyRotation: true,
    removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    pendingWindow: config.retainData ? Duration.days(30) : Duration.days(7),
  });
  // CloudWatch alarms publish to the encrypted topic only if CloudWatch may use the key.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopic',
      principals: [new iam.ServicePrincipal('cloudwatch')],
      // As documented for alarms on encrypted topics (no condition: CloudWatch does not promise source keys).
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  return key;
}
