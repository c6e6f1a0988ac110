// Secrets at run time (services/lib/secret.ts): through the real AWS SDK and Powertools parameters, against a
// stand-in Secrets Manager endpoint on this machine that counts its GetSecretValue calls and can rotate or fail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SECRET_MAX_AGE_SECONDS, secretFromEnv } from '../../services/lib/secret.ts';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:hub-department-education-AbCdEf';
const store = { value: 'first-secret-value', failing: false, calls: [] as string[] };
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      store.calls.push(`${target} ${JSON.parse(text).SecretId}`);
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (store.failing) {
        res.writeHead(400).end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'no such secret' }));
      } else {
        res.writeHead(200).end(JSON.stringify({ ARN, Name: 'hub-department-education', VersionId: 'v1', SecretString: store.value }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Set before the first read: Powertools builds its Secrets Manager client once, from the environment.
  vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.useRealTimers();
  store.calls.length = 0;
  store.failing = false;
});

describe('a secret bound by its ARN', () => {
  it('is read once for concurrent first reads, then kept for its maximum age, then read again (a rotation lands)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('DEPARTMENT_SECRET_ARN', ARN);
    const secret = secretFromEnv('DEPARTMENT_SECRET');
    expect(await Promise.all([secret(), secret(), secret()])).toEqual(Array(3).fill('first-secret-value'));
    expect(store.calls).toEqual([`secretsmanager.GetSecretValue ${ARN}`]);

    store.value = 'rotated-secret-value';
    vi.advanceTimersByTime((SECRET_MAX_AGE_SECONDS - 1) * 1000);
    expect(await secret()).toBe('first-secret-value');
    expect(store.calls).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(await secret()).toBe('rotated-secret-value');
    expect(store.calls).toHaveLength(2);
  });

  it('keeps no failed read: the call after a failure asks again', async () => {
    vi.stubEnv('PAGING_TOKEN_KEY_ARN', `${ARN}-paging`);
    const secret = secretFromEnv('PAGING_TOKEN_KEY');
    store.failing = true;
    await expect(secret()).rejects.toThrow(/no such secret/);
    store.failing = false;
    store.value = 'paging-key-value';
    expect(await secret()).toBe('paging-key-value');
    expect(store.calls).toHaveLength(2);
  });

  it('takes its maximum age from POWERTOOLS_PARAMETERS_MAX_AGE', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('POWERTOOLS_PARAMETERS_MAX_AGE', '10');
    vi.stubEnv('OTHER_SECRET_ARN', `${ARN}-other`);
    const secret = secretFromEnv('OTHER_SECRET');
    await secret();
    vi.advanceTimersByTime(11_000);
    await secret();
    expect(store.calls).toHaveLength(2);
  });
});

describe('a secret without an ARN', () => {
  it('is the variable itself, else the fallback, else an error naming both variables', async () => {
    vi.stubEnv('LOCAL_SECRET_ARN', undefined);
    vi.stubEnv('LOCAL_SECRET', 'from-the-variable');
    expect(await secretFromEnv('LOCAL_SECRET', () => 'fallback')()).toBe('from-the-variable');
    vi.stubEnv('LOCAL_SECRET', '');
    expect(await secretFromEnv('LOCAL_SECRET', () => 'fallback')()).toBe('fallback');
    await expect(secretFromEnv('LOCAL_SECRET')()).rejects.toThrow('Environment variable LOCAL_SECRET (or LOCAL_SECRET_ARN) is required');
    expect(store.calls).toEqual([]);
  });
});
