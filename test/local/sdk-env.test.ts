// The global setup's promise to code under test: plain SDK clients, built with no endpoint, reach the emulators
// through AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS.
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { emulatorConfig, hasEmulators, sdkClients, uniquePrefix } from '../helpers/emulators.ts';

describe.runIf(hasEmulators())('global setup environment', () => {
  it('exports the endpoints, region and fake credentials it provides', () => {
    const c = emulatorConfig();
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(c.dynamodbEndpoint);
    expect(process.env.AWS_ENDPOINT_URL_SQS).toBe(c.sqsEndpoint);
    expect(process.env.AWS_REGION).toBe(c.region);
    expect(process.env.AWS_ACCESS_KEY_ID).toBe(c.accessKeyId);
    expect(process.env.AWS_SECRET_ACCESS_KEY).toBe(c.secretAccessKey);
    if (c.mode === 'embedded') {
      expect(c.dynamodbEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(c.sqsEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(c.dynamodbEndpoint).not.toBe(c.sqsEndpoint);
    }
  });

  it('a DynamoDBClient built with no options sees the tables of the configured emulator', async () => {
    const name = `${uniquePrefix('env')}probe`;
    await sdkClients().dynamodb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const plain = new DynamoDBClient({});
    try {
      const { Table } = await plain.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.TableName).toBe(name);
    } finally {
      plain.destroy();
      await sdkClients().dynamodb.send(new DeleteTableCommand({ TableName: name }));
    }
  });

  it('an SQSClient needs only useQueueUrlAsEndpoint: false', async () => {
    const { QueueUrl } = await sdkClients().sqs.send(new CreateQueueCommand({ QueueName: `${uniquePrefix('env')}probe` }));
    const plain = new SQSClient({ useQueueUrlAsEndpoint: false });
    try {
      const { Attributes } = await plain.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      expect(Attributes?.QueueArn).toMatch(/^arn:aws:sqs:us-east-1:\d{12}:env-[0-9a-f]{10}-probe$/);
    } finally {
      plain.destroy();
    }
  });

  it.runIf(hasEmulators() && emulatorConfig().mode === 'embedded')(
    'without it, the SDK follows fauxqs queue URLs to a host that does not resolve',
    async () => {
      const { QueueUrl } = await sdkClients().sqs.send(new CreateQueueCommand({ QueueName: `${uniquePrefix('env')}probe` }));
      expect(new URL(QueueUrl!).hostname).toBe('sqs.us-east-1.localhost');
      const plain = new SQSClient({ maxAttempts: 1, logger: { debug() {}, info() {}, warn() {}, error() {} } });
      try {
        await expect(plain.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).rejects.toThrow(
          /ENOTFOUND|EAI_AGAIN/,
        );
      } finally {
        plain.destroy();
      }
    },
  );
});
