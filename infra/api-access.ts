// Who can reach the REST API at all. Regional (the default): the public endpoint of the region, for trials.
// Private: only through an execute-api interface VPC endpoint, e.g. in a VPC joined to the government network
// (电子政务外网); the resource policy allows that endpoint and denies every other caller, whatever the token says.
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { ApiAccess } from './config-schema.ts';

export interface ApiEndpoint {
  endpointConfiguration: apigateway.EndpointConfiguration;
  policy?: iam.PolicyDocument;
  /** The endpoint a private API is reached through (created, or the one the config names). */
  vpcEndpoint?: ec2.IInterfaceVpcEndpoint;
}

/** The methods of this API only (`execute-api:/` is the API's own ARN prefix in a resource policy). */
const EVERY_METHOD = 'execute-api:/*';

export function apiEndpoint(scope: Construct, access: ApiAccess, name: string): ApiEndpoint {
  if (access.type === 'regional') return { endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] } };

  const vpcEndpoint = access.vpcEndpointId
    ? ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(scope, 'ApiVpcEndpoint', {
        vpcEndpointId: access.vpcEndpointId,
        port: 443,
      })
    : createEndpoint(scope, access.vpc!, name);
  const fromEndpoint = { 'aws:SourceVpce': vpcEndpoint.vpcEndpointId };
  const policy = new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        sid: 'InvokeThroughTheVpcEndpointOnly',
        principals: [new iam.AnyPrincipal()],
        actions: ['execute-api:Invoke'],
        resources: [EVERY_METHOD],
        conditions: { StringEquals: fromEndpoint },
      }),
      new iam.PolicyStatement({
        sid: 'DenyEveryOtherPath',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['execute-api:Invoke'],
        resources: [EVERY_METHOD],
        conditions: { StringNotEquals: fromEndpoint },
      }),
    ],
  });
  return {
    endpointConfiguration: { types: [apigateway.EndpointType.PRIVATE], vpcEndpoints: [vpcEndpoint] },
    policy,
    vpcEndpoint,
  };
}

type EndpointVpc = NonNullable<Extract<ApiAccess, { type: 'private' }>['vpc']>;

/** An execute-api endpoint in the given subnets, open on 443 to the listed networks only. */
function createEndpoint(scope: Construct, spec: EndpointVpc, name: string): ec2.InterfaceVpcEndpoint {
  const vpc = ec2.Vpc.fromVpcAttributes(scope, 'ApiVpc', {
    vpcId: spec.vpcId,
    availabilityZones: [...new Set(spec.subnets.map((s) => s.availabilityZone))],
  });
  const securityGroup = new ec2.SecurityGroup(scope, 'ApiVpcEndpointSecurityGroup', {
    vpc,
    description: `HTTPS to the ${name} API endpoint from the networks allowed to call it`,
    allowAllOutbound: false,
  });
  for (const cidr of spec.allowedCidrs) {
    securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), `HTTPS from ${cidr}`);
  }
  return new ec2.InterfaceVpcEndpoint(scope, 'ApiVpcEndpoint', {
    vpc,
    // The service name carries the partition's prefix (cn.com.amazonaws in aws-cn), hence the pinned region.
    service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
    subnets: { subnets: spec.subnets.map((s, i) => ec2.Subnet.fromSubnetAttributes(scope, `ApiSubnet${i}`, s)) },
    securityGroups: [securityGroup],
    // No rule for the whole VPC: only allowedCidrs.
    open: false,
    privateDnsEnabled: true,
  });
}
