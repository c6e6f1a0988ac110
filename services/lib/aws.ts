// SDK clients, created on first use so that the local runtime and the tests can set endpoints first.
// Endpoints come from the SDK's own variables (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB, _SQS).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';

/** Explicit, because the local SQS emulator's queue URLs name hosts that do not resolve. */
const endpointFor = (service: 'DYNAMODB' | 'SQS') =>
  process.env[`AWS_ENDPOINT_URL_${service}`] || process.env.AWS_ENDPOINT_URL || undefined;

let ddb: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpointFor('DYNAMODB') }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return ddb;
}

export function sqsClient(): SQSClient {
  // Local emulators hand out queue URLs whose hosts do not resolve; always talk to the configured endpoint.
  sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false, endpoint: endpointFor('SQS') });
  return sqs;
}
