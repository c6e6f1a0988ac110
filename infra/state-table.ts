// The state table (docs/decisions/0001-state-table.md): on demand, encrypted with the hub's key, point-in-time
// recovery, and the three indexes of services/topology.ts with the projections the local runtime creates too.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { inboxProjection, readAudit, table as tableTopology } from '../services/topology.ts';
import type { Config } from './config.ts';

const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

export function stateTable(scope: Construct, props: { config: Config; key: kms.IKey }): dynamodb.Table {
  const { config } = props;
  const table = new dynamodb.Table(scope, 'StateTable', {
    tableName: `${config.namePrefix}${tableTopology.name}`,
    partitionKey: key(tableTopology.partitionKey),
    sortKey: key(tableTopology.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: props.key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    // Only the read audit's items carry it: they end after its retention (docs/decisions/0016-read-audit.md).
    timeToLiveAttribute: readAudit.ttlAttribute,
    deletionProtection: config.retainData,
    removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const { inbox, bureau, institution } = tableTopology.indexes;
  table.addGlobalSecondaryIndex({
    indexName: inbox.name,
    partitionKey: key(inbox.partitionKey),
    sortKey: key(inbox.sortKey),
    projectionType: dynamodb.ProjectionType.INCLUDE,
    nonKeyAttributes: [...inboxProjection],
  });
  // A city bureau's inbox: the same projection, the inbox's sort key (docs/decisions/0013-jurisdictions.md).
  table.addGlobalSecondaryIndex({
    indexName: bureau.name,
    partitionKey: key(bureau.partitionKey),
    sortKey: key(bureau.sortKey),
    projectionType: dynamodb.ProjectionType.INCLUDE,
    nonKeyAttributes: [...inboxProjection],
  });
  table.addGlobalSecondaryIndex({
    indexName: institution.name,
    partitionKey: key(institution.partitionKey),
    sortKey: key(institution.sortKey),
    // Keys only: the sort key already carries admission date and child id; details come from the child item.
    projectionType: dynamodb.ProjectionType.KEYS_ONLY,
  });
  return table;
}
