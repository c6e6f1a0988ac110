// A generated key in Secrets Manager, encrypted with the hub's KMS key. The L1 resource rather than the `Secret`
// construct: that one adds a key-policy statement conditioned on Secrets Manager's endpoint name with the global
// URL suffix hard-coded, which is not the aws-cn partition's; readers get their access through grantSecretRead (infra/grants.ts) instead.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { grantSecretRead, type PolicyHolder } from './grants.ts';

export interface HubSecretProps {
  secretName: string;
  description: string;
  key: kms.IKey;
  retain: boolean;
  /** Why the secret is not rotated by Secrets Manager (the cdk-nag AwsSolutions-SMG4 acknowledgement). */
  noRotationReason: string;
}

export class HubSecret extends Construct {
  readonly secretArn: string;
  readonly key: kms.IKey;
  readonly resource: secretsmanager.CfnSecret;

  constructor(scope: Construct, id: string, props: HubSecretProps) {
    super(scope, id);
    this.key = props.key;
    this.resource = new secretsmanager.CfnSecret(this, 'Resource', {
      name: props.secretName,
      description: props.description,
      kmsKeyId: props.key.keyArn,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    this.resource.applyRemovalPolicy(props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
    this.secretArn = this.resource.ref;
    Validations.of(this.resource).acknowledge({ id: 'AwsSolutions-SMG4', reason: props.noRotationReason });
  }

  grantRead(holder: PolicyHolder): void {
    grantSecretRead(holder, this.secretArn, this.key);
  }
}
