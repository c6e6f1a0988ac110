// The tables and queues one test run creates on an external endpoint (AWS_ENDPOINT_URL: LocalStack, moto), found by
// the run's id in their names and removed when the run ends, so that repeated runs do not fill the endpoint. Every
// test prefix carries the id (test/helpers/emulators.ts uniquePrefix: `<label>-<run id><random>-`); names of other
// runs, or of anything else on the endpoint, never match.
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient, paginateListTables } from '@aws-sdk/client-dynamodb';
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';

/** The environment variable that carries the run's id to the test workers. */
export const RUN_ID_ENV = 'HUB_TEST_RUN';
export const newRunId = () => randomBytes(2).toString('hex');

/** A name made from a test prefix of this run: `<label>-<run id><6 hex>-…`. */
export const ofRun = (runId: string) => new RegExp(`^[A-Za-z0-9_-]{1,30}-${runId}[0-9a-f]{6}-`);

export interface Endpoints {
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Deletes the run's tables and queues; returns what it removed. */
export async function removeRunResources(c: Endpoints, runId: string): Promise<{ tables: string[]; queues: string[] }> {
  const credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
  const dynamodb = new DynamoDBClient({ endpoint: c.dynamodbEndpoint, region: c.region, credentials });
  const sqs = new SQSClient({ endpoint: c.sqsEndpoint, region: c.region, credentials, useQueueUrlAsEndpoint: false });
  const match = ofRun(runId);
  try {
    const tables: string[] = [];
    for await (const page of paginateListTables({ client: dynamodb }, {})) tables.push(...(page.TableNames ?? []).filter((t) => match.test(t)));
    const queues: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await sqs.send(new ListQueuesCommand({ MaxResults: 1000, NextToken }));
      queues.push(...(page.QueueUrls ?? []).filter((u) => match.test(u.slice(u.lastIndexOf('/') + 1))));
      NextToken = page.NextToken;
    } while (NextToken);
    await Promise.all([
      ...tables.map((TableName) => dynamodb.send(new DeleteTableCommand({ TableName }))),
      ...queues.map((QueueUrl) => sqs.send(new DeleteQueueCommand({ QueueUrl }))),
    ]);
    return { tables, queues: queues.map((u) => u.slice(u.lastIndexOf('/') + 1)) };
  } finally {
    dynamodb.destroy();
    sqs.destroy();
  }
}
