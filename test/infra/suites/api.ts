// The REST API: routes from the topology, the authorizer, what its logs hold, the web ACL, and who may reach it.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { ACCESS_LOG_FIELDS } from '../../../infra/api.ts';
import { gatewayZh } from '../../../contracts/api/messages-zh.ts';
import { resolveConfig } from '../../../infra/config.ts';
import { delivery, departments, routes } from '../../../services/topology.ts';
import { configWith, logicalIdOf, onlyResource, resourcesOf, synth, SYNTH_TIMEOUT, type Synthesised, type Templates } from '../synth.ts';

const ENDPOINT_ID = 'vpce-0a1b2c3d4e5f67890';
const VPC = {
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  subnets: [
    { subnetId: 'subnet-0a1b2c3d4e5f67890', availabilityZone: 'cn-northwest-1a' },
    { subnetId: 'subnet-0a1b2c3d4e5f67891', availabilityZone: 'cn-northwest-1b' },
  ],
  allowedCidrs: ['10.20.0.0/16', '59.255.0.0/16'],
};
const privateChina = (access: object) =>
  configWith('cn-northwest-1', (c) => ({ ...c, api: { ...c.api, access } }) as typeof c);

export function apiSuite(all: Templates): void {
  let test: Synthesised;
  let aws: Synthesised;
  let china: Synthesised;
  let throughExisting: Synthesised;
  let throughCreated: Synthesised;

  beforeAll(() => {
    test = all.test;
    aws = all.aws;
    china = all['cn-northwest-1'];
    throughExisting = synth('cn-northwest-1', { config: privateChina({ type: 'private', vpcEndpointId: ENDPOINT_ID }) });
    throughCreated = synth('cn-northwest-1', { config: privateChina({ type: 'private', vpc: VPC }) });
  }, SYNTH_TIMEOUT);

  /** Method logical id → "GET /v1/health", walking the Resource tree. */
  function methodRoutes(s: Synthesised): Map<string, any> {
    const resources = Object.fromEntries(resourcesOf(s, 'AWS::ApiGateway::Resource'));
    const pathOf = (ref: any): string => {
      if (!ref?.Ref) return '';
      const r = resources[ref.Ref]!;
      return `${pathOf(r.Properties.ParentId)}/${r.Properties.PathPart}`;
    };
    return new Map(
      resourcesOf(s, 'AWS::ApiGateway::Method').map(([, m]) => [`${m.Properties.HttpMethod} ${pathOf(m.Properties.ResourceId)}`, m.Properties]),
    );
  }

  describe('REST API', () => {
    it('is one REST API (v1) with a REQUEST authorizer on the Authorization header', () => {
      test.template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
      test.template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
      test.template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
        Type: 'REQUEST',
        IdentitySource: 'method.request.header.Authorization',
        AuthorizerResultTtlInSeconds: 300,
      });
      test.template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    });

    it('has exactly the topology routes, CUSTOM auth where auth: true and NONE otherwise', () => {
      const methods = methodRoutes(test);
      expect([...methods.keys()].sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
      const [authorizerId] = onlyResource(test, 'AWS::ApiGateway::Authorizer');
      for (const route of routes) {
        const m = methods.get(`${route.method} ${route.path}`)!;
        if (route.auth) {
          expect(m.AuthorizationType).toBe('CUSTOM');
          expect(m.AuthorizerId).toEqual({ Ref: authorizerId });
        } else {
          expect(m.AuthorizationType).toBe('NONE');
          expect(m.AuthorizerId).toBeUndefined();
        }
        expect(m.RequestValidatorId).toBeDefined();
        expect(m.Integration.Type).toBe('AWS_PROXY');
        const target = test.stack.functions[route.fn];
        expect(JSON.stringify(m.Integration.Uri)).toContain(`"${logicalIdOf(test, target)}"`);
      }
      expect(methods.get('GET /v1/health')?.AuthorizationType).toBe('NONE');
    });

    it('answers its own refusals (401, 403, unknown path, throttling, 4XX/5XX) with Chinese beside API Gateway\'s message', () => {
      for (const s of [test, aws, china]) {
        const responses = new Map(resourcesOf(s, 'AWS::ApiGateway::GatewayResponse').map(([, r]) => [r.Properties.ResponseType, r.Properties]));
        expect([...responses.keys()]).toEqual(expect.arrayContaining(['UNAUTHORIZED', 'ACCESS_DENIED', 'MISSING_AUTHENTICATION_TOKEN', 'THROTTLED', 'DEFAULT_4XX', 'DEFAULT_5XX']));
        for (const r of responses.values()) {
          expect(r.StatusCode).toBeUndefined();
          const template = r.ResponseTemplates['application/json'] as string;
          // A valid JSON body once API Gateway puts its (quoted) message in.
          const body = JSON.parse(template.replace('$context.error.messageString', '"Unauthorized"'));
          expect(body.message).toBe('Unauthorized');
          expect(Object.values(gatewayZh)).toContain(body.message_zh);
        }
        const unauthorized = JSON.parse(responses.get('UNAUTHORIZED').ResponseTemplates['application/json'].replace('$context.error.messageString', '""'));
        expect(unauthorized.message_zh).toBe(gatewayZh.unauthorized);
      }
    });

    it('logs access and errors (never bodies) and traces on the stage where X-Ray exists', () => {
      test.template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: 'test',
        TracingEnabled: true,
        AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
        MethodSettings: [Match.objectLike({ LoggingLevel: 'ERROR', DataTraceEnabled: false })],
      });
      china.template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: 'prod',
        TracingEnabled: false,
        MethodSettings: [Match.objectLike({ LoggingLevel: 'ERROR', DataTraceEnabled: false })],
      });
      aws.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
      china.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
      test.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    });

    it('writes access log lines of ids, times and outcomes only: no IP, agent, path values, query or body', () => {
      for (const s of [aws, china]) {
        const [, stage] = onlyResource(s, 'AWS::ApiGateway::Stage');
        const format = JSON.parse(stage.Properties.AccessLogSetting.Format);
        expect(Object.keys(format).sort()).toEqual(Object.keys(ACCESS_LOG_FIELDS).sort());
        expect(Object.values(format)).toEqual(expect.arrayContaining(['$context.requestId', '$context.resourcePath', '$context.status']));
        const variables = (stage.Properties.AccessLogSetting.Format as string).match(/\$[a-zA-Z.]+/g) ?? [];
        for (const v of variables) {
          expect(v).not.toMatch(/sourceIp|userAgent|identity\.|\$context\.path$|querystring|input|requestOverride|caller|user$/i);
        }
      }
    });

    it('keeps the execution log group itself, named as API Gateway names it, before the stage logs', () => {
      for (const s of [aws, china]) {
        const [apiId] = onlyResource(s, 'AWS::ApiGateway::RestApi');
        const [stageId, stage] = onlyResource(s, 'AWS::ApiGateway::Stage');
        const group = resourcesOf(s, 'AWS::Logs::LogGroup').find(([, g]) => JSON.stringify(g.Properties.LogGroupName ?? '').includes('API-Gateway-Execution-Logs_'));
        expect(group?.[1].Properties.LogGroupName).toEqual({
          'Fn::Join': ['', ['API-Gateway-Execution-Logs_', { Ref: apiId }, `/${stage.Properties.StageName}`]],
        });
        expect(group?.[1].Properties.RetentionInDays).toBe(180);
        expect([s.json.Resources[stageId]!.DependsOn].flat()).toContain(group![0]);
      }
    });

    it('gives the API functions the table, the queue URLs and the receive count, and the authorizer its issuer', () => {
      const tableId = logicalIdOf(test, test.stack.table);
      for (const fn of [test.stack.functions.api, test.stack.functions.partnerApi]) {
        const env = test.json.Resources[logicalIdOf(test, fn)]!.Properties.Environment.Variables;
        expect(env.TABLE_NAME).toEqual({ Ref: tableId });
        expect(env.MAX_RECEIVE_COUNT).toBe(String(delivery.maxReceiveCount));
        const queueUrls = JSON.stringify(env.QUEUE_URLS);
        for (const d of departments) {
          expect(queueUrls).toContain(`\\"${d.code}\\":`);
          expect(queueUrls).toContain(`"${logicalIdOf(test, test.stack.departments.get(d.code)!.queue)}"`);
        }
      }
      const auth = test.json.Resources[logicalIdOf(test, test.stack.functions.authorizer)]!.Properties.Environment.Variables;
      const { auth: expected } = resolveConfig('test', {});
      expect(auth).toMatchObject({ AUTH_MODE: 'jwt', JWT_ISSUER: expected.issuer, JWT_AUDIENCE: expected.audience, JWKS_URL: expected.jwksUrl });
      expect(auth.TABLE_NAME).toBeUndefined();
    });
  });

  describe('API access', () => {
    it('is the public regional endpoint by default, with no resource policy', () => {
      for (const s of [aws, china, test]) {
        const [, api] = onlyResource(s, 'AWS::ApiGateway::RestApi');
        expect(api.Properties.EndpointConfiguration).toEqual({ Types: ['REGIONAL'] });
        expect(api.Properties.Policy).toBeUndefined();
        s.template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
      }
    });

    it('as a private API allows the named VPC endpoint only and denies every other caller', () => {
      const [, api] = onlyResource(throughExisting, 'AWS::ApiGateway::RestApi');
      expect(api.Properties.EndpointConfiguration).toEqual({ Types: ['PRIVATE'], VpcEndpointIds: [ENDPOINT_ID] });
      expect(api.Properties.Policy).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'InvokeThroughTheVpcEndpointOnly',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { StringEquals: { 'aws:SourceVpce': ENDPOINT_ID } },
          },
          {
            Sid: 'DenyEveryOtherPath',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { StringNotEquals: { 'aws:SourceVpce': ENDPOINT_ID } },
          },
        ],
      });
      throughExisting.template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    });

    it('can create the execute-api endpoint, with the aws-cn service name, reachable on 443 from the listed networks', () => {
      const [endpointId, endpoint] = onlyResource(throughCreated, 'AWS::EC2::VPCEndpoint');
      expect(endpoint.Properties).toMatchObject({
        ServiceName: 'cn.com.amazonaws.cn-northwest-1.execute-api',
        VpcEndpointType: 'Interface',
        VpcId: VPC.vpcId,
        SubnetIds: VPC.subnets.map((s) => s.subnetId),
        PrivateDnsEnabled: true,
      });
      const [, api] = onlyResource(throughCreated, 'AWS::ApiGateway::RestApi');
      expect(api.Properties.EndpointConfiguration).toEqual({ Types: ['PRIVATE'], VpcEndpointIds: [{ Ref: endpointId }] });
      const conditions = api.Properties.Policy.Statement.map((st: any) => st.Condition);
      expect(conditions).toEqual([
        { StringEquals: { 'aws:SourceVpce': { Ref: endpointId } } },
        { StringNotEquals: { 'aws:SourceVpce': { Ref: endpointId } } },
      ]);
      const [, group] = onlyResource(throughCreated, 'AWS::EC2::SecurityGroup');
      expect(group.Properties.SecurityGroupIngress).toEqual(
        VPC.allowedCidrs.map((cidr) => expect.objectContaining({ CidrIp: cidr, IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })),
      );
    });
  });
}
