// Reading a deployed stack for the integration suite (test/helpers/target.ts): outputs files as `cdk deploy
// --outputs-file` writes them, LocalStack's DNS-free API URL, queue ARNs from queue URLs, clear errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputKeys } from '../../infra/outputs.ts';
import { buildLocalCredentials } from '../../scripts/local/credentials.ts';
import { departments } from '../../services/topology.ts';
import { invokeBaseUrl, loadDeployedTarget, queueArnFromUrl, readStackOutputs } from '../helpers/target.ts';

const LS = 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000';

function outputs(): Record<string, string> {
  const o: Record<string, string> = {
    [outputKeys.apiUrl]: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/local/',
    [outputKeys.apiId]: 'a1b2c3d4e5',
    [outputKeys.tableName]: 'hub-state',
  };
  for (const d of departments) {
    o[outputKeys.queueUrl(d.code)] = `${LS}/hub-${d.code}`;
    o[outputKeys.deadLetterQueueUrl(d.code)] = `${LS}/hub-${d.code}-dlq`;
  }
  return o;
}

function files(content: unknown, withCredentials = true) {
  const dir = mkdtempSync(join(tmpdir(), 'hub-target-'));
  writeFileSync(join(dir, 'outputs.json'), JSON.stringify(content));
  if (withCredentials) writeFileSync(join(dir, 'credentials.json'), JSON.stringify(buildLocalCredentials()));
  return join(dir, 'outputs.json');
}

describe('the deployed-stack target', () => {
  it('reads the one stack of a cdk outputs file, the table and every queue, and the tokens beside it', () => {
    const file = files({ 'hub-local': outputs() });
    const t = loadDeployedTarget({ HUB_STACK_OUTPUTS: file, AWS_ENDPOINT_URL: 'http://localhost:4566' });
    expect(t.stackName).toBe('hub-local');
    expect(t.apiUrl).toBe('http://localhost:4566/restapis/a1b2c3d4e5/local/_user_request_');
    expect(t.provisioned.tableName).toBe('hub-state');
    expect(t.provisioned.queues['medical-insurance']).toEqual({
      name: 'hub-medical-insurance',
      url: `${LS}/hub-medical-insurance`,
      arn: 'arn:aws:sqs:us-east-1:000000000000:hub-medical-insurance',
      dlqName: 'hub-medical-insurance-dlq',
      dlqUrl: `${LS}/hub-medical-insurance-dlq`,
      dlqArn: 'arn:aws:sqs:us-east-1:000000000000:hub-medical-insurance-dlq',
    });
    expect(t.tokens['staff:CWI-450100']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // HUB_API_URL wins; without an endpoint the declared URL is used as it is.
    expect(loadDeployedTarget({ HUB_STACK_OUTPUTS: file, HUB_API_URL: 'http://x/y/' }).apiUrl).toBe('http://x/y');
    expect(loadDeployedTarget({ HUB_STACK_OUTPUTS: file }).apiUrl).toBe('https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/local');
  });

  it('accepts a flat outputs object, and asks for HUB_STACK_NAME when the file holds several stacks', () => {
    expect(readStackOutputs(files(outputs())).outputs[outputKeys.tableName]).toBe('hub-state');
    const two = files({ a: outputs(), b: outputs() });
    expect(() => readStackOutputs(two)).toThrow(/2 stacks \(a, b\); set HUB_STACK_NAME/);
    expect(readStackOutputs(two, 'b').stackName).toBe('b');
  });

  it('says what is missing: the file, an output, the credentials', () => {
    expect(() => loadDeployedTarget({ HUB_STACK_OUTPUTS: '/nonexistent/outputs.json' })).toThrow(/no such file.*deploy:local/);
    const { [outputKeys.tableName]: _, ...noTable } = outputs();
    expect(() => loadDeployedTarget({ HUB_STACK_OUTPUTS: files({ s: noTable }) })).toThrow(/no output TableName/);
    expect(() => loadDeployedTarget({ HUB_STACK_OUTPUTS: files({ s: outputs() }, false) })).toThrow(/HUB_CREDENTIALS_FILE/);
  });

  it('keeps a non-API-Gateway URL, and derives queue ARNs from AWS, LocalStack and moto URLs', () => {
    expect(invokeBaseUrl('http://127.0.0.1:3000/', 'http://127.0.0.1:5000')).toBe('http://127.0.0.1:3000');
    expect(queueArnFromUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/q', 'us-east-1')).toBe('arn:aws:sqs:eu-west-1:123456789012:q');
    expect(queueArnFromUrl('http://127.0.0.1:5000/123456789012/q', 'us-east-1')).toBe('arn:aws:sqs:us-east-1:123456789012:q');
  });
});
