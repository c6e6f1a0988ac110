// On an emulator every script defaults a region and test credentials as `npm start` does; real ones stay.
import { describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS, ensureEmulatorAwsEnv } from '../../scripts/local/aws-env.ts';

describe('the AWS environment on an emulator', () => {
  it('defaults region and test credentials when AWS_ENDPOINT_URL names one', () => {
    const env: Record<string, string | undefined> = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' };
    ensureEmulatorAwsEnv(env);
    expect(env).toEqual({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', ...EMULATOR_DEFAULTS });
  });

  it('leaves a given region and credentials alone, and touches nothing on AWS itself', () => {
    const given = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_REGION: 'cn-north-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const env: Record<string, string | undefined> = { ...given };
    ensureEmulatorAwsEnv(env);
    expect(env).toEqual(given);
    const aws: Record<string, string | undefined> = {};
    ensureEmulatorAwsEnv(aws);
    expect(aws).toEqual({});
    ensureEmulatorAwsEnv(aws, true);
    expect(aws).toEqual(EMULATOR_DEFAULTS);
  });
});
