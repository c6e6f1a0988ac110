// The functions behind the REST API (services/topology.ts `functions`): the staff API and the partner API with the
// table and the queues, the supervision API with the table, the published-document function with nothing, and the authorizer with its identity provider.
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { delivery, functions, type ApiFunction } from '../services/topology.ts';
import { authorizerAuth } from './authorizer-auth.ts';
import type { Config } from './config.ts';
import { HubFunction } from './hub-function.ts';
import { HubSecret } from './hub-secret.ts';
import { pascalCase } from './outputs.ts';

export interface ApiFunctions {
  handlers: Record<ApiFunction, HubFunction>;
  authorizer: HubFunction;
  /** Seals the inbox's page tokens (services/api/paging-token.ts, docs/security.md); the partner API's only. */
  pagingTokenKey: HubSecret;
}

export function addApiFunctions(
  scope: Construct,
  props: { config: Config; key: kms.IKey; table: dynamodb.ITable; queues: Record<string, sqs.IQueue> },
): ApiFunctions {
  const { config } = props;
  const withTableAndQueues = (key: 'api' | 'partnerApi', name: string) =>
    new HubFunction(scope, pascalCase(name), {
      name,
      entry: functions[key].entry,
      description: functions[key].description,
      config,
      environment: { MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount) },
    })
      .bindTable(props.table, 'readWrite')
      .bindQueues(props.queues);
  const api = withTableAndQueues('api', 'staff-api');
  const partnerApi = withTableAndQueues('partnerApi', 'partner-api');

  const pagingTokenKey = new HubSecret(scope, 'PagingTokenKey', {
    secretName: `${config.namePrefix}hub/partner-api/paging-token-key`,
    description: 'Key sealing the partner API inbox page tokens (nextToken): AES-256-GCM, bound to caller and query',
    key: props.key,
    retain: config.retainData,
    noRotationReason:
      'Rotating the key only ends the page tokens outstanding (a department pages again from the first page); ' +
      'it is a manual change, which the partner API picks up within 5 minutes (it keeps a secret it read that long).',
  });
  partnerApi.bindSecret('PAGING_TOKEN_KEY_ARN', pagingTokenKey);

  // No table, no queues: it only returns the committed document.
  const docs = new HubFunction(scope, 'DocsApi', {
    name: 'docs-api',
    entry: functions.docs.entry,
    description: functions.docs.description,
    config,
  });
  const authorizer = new HubFunction(scope, 'AuthorizerFunction', {
    name: 'authorizer',
    entry: functions.authorizer.entry,
    description: functions.authorizer.description,
    config,
    ...authorizerAuth(config),
  });
  // The table only: reads a city's items, writes a submitted report and an acknowledged escalation; sends nothing.
  const supervisionApi = new HubFunction(scope, 'SupervisionApi', {
    name: 'supervision-api',
    entry: functions.supervisionApi.entry,
    description: functions.supervisionApi.description,
    config,
  }).bindTable(props.table, 'readWrite');
  return { handlers: { api, partnerApi, docs, supervisionApi }, authorizer, pagingTokenKey };
}
