// The yardstick for bundle size and start-up: a handler holding only the DynamoDB and SQS clients.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const ddb = new DynamoDBClient({});
const sqs = new SQSClient({});
export const handler = async () => [ddb, sqs, GetItemCommand, SendMessageCommand];
