// An adapter Lambda's configuration from the environment the stack gives it: the department's endpoint and secret,
// and each city bureau's own (DEPARTMENT_OFFICES, OFFICE_<city>_SECRET[_ARN]: infra/department-pipeline.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configFromEnv } from '../../services/adapters/lambda.ts';
import { deliveryOf } from '../../services/delivery/offices.ts';

afterEach(() => vi.unstubAllEnvs());

describe('adapter configuration from the environment', () => {
  it('reads the offices with their endpoints and secrets, and pushes a city without one to the department', async () => {
    vi.stubEnv('DEPARTMENT_ENDPOINT_URL', 'https://jyt.example.gov.cn/hub');
    vi.stubEnv('DEPARTMENT_SECRET', 'region-secret');
    vi.stubEnv('DEPARTMENT_OFFICES', JSON.stringify({ '450100': 'https://jyj.nanning.example.gov.cn/hub' }));
    vi.stubEnv('OFFICE_450100_SECRET', 'nanning-secret');
    const config = configFromEnv();
    const nanning = deliveryOf(config, '450100');
    const liuzhou = deliveryOf(config, '450200');
    expect([nanning.endpointUrl, await nanning.secret()]).toEqual(['https://jyj.nanning.example.gov.cn/hub', 'nanning-secret']);
    expect([liuzhou.endpointUrl, await liuzhou.secret()]).toEqual(['https://jyt.example.gov.cn/hub', 'region-secret']);
  });

  it('has no offices when none is configured', () => {
    expect(configFromEnv().offices).toEqual({});
  });

  it('reads its share of the department rate, and pushes unpaced without one', () => {
    expect(configFromEnv().pushesPerSecond).toBe(0);
    vi.stubEnv('PUSHES_PER_SECOND', '4');
    expect(configFromEnv().pushesPerSecond).toBe(4);
  });
});
