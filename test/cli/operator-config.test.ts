// The operator commands that talk to AWS (migrate, audit verify, redrive) without a region: a configuration problem,
// exit 2, one line naming AWS_REGION; not the SDK's stack from inside its first call. Each a real `hub` process with
// no region anywhere the SDK looks (empty variables count as unset to it; no config file).
import { describe, expect, it } from 'vitest';
import { hubCli } from './helpers.ts';

const noRegion = {
  AWS_REGION: '',
  AWS_DEFAULT_REGION: '',
  AWS_PROFILE: '',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_ENDPOINT_URL: '',
  AWS_ENDPOINT_URL_DYNAMODB: '',
  AWS_ENDPOINT_URL_SQS: '',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
};

describe('an operator command without an AWS region', () => {
  it('migrate, audit verify and redrive exit 2 with one line naming AWS_REGION', async () => {
    const runs = await Promise.all([
      hubCli(['migrate', '--prefix', 'prod-'], noRegion),
      hubCli(['audit', 'verify', '--table', 'prod-hub-state'], noRegion),
      hubCli(['redrive', '--department', 'education'], noRegion),
    ]);
    for (const r of runs) {
      expect(r).toMatchObject({ exit: 2, stdout: '' });
      expect(r.stderr).toMatch(/^hub: no AWS region: set AWS_REGION .*\n$/);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
  });
});

describe('an operator command against an endpoint that does not answer', () => {
  it('names the address in one line, exit 1, no stack', async () => {
    // Port 9 (discard) on the loopback: nothing listens there on a test machine, so the connection is refused.
    const unreachable = {
      ...noRegion,
      AWS_REGION: 'cn-north-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_MAX_ATTEMPTS: '1',
    };
    const runs = await Promise.all([
      hubCli(['audit', 'verify', '--table', 'prod-hub-state'], unreachable),
      hubCli(['redrive', '--department', 'education'], unreachable),
    ]);
    for (const r of runs) {
      expect(r).toMatchObject({ exit: 1, stdout: '' });
      expect(r.stderr).toMatch(/^hub: cannot reach the endpoint: connect ECONNREFUSED 127\.0\.0\.1:9\n$/);
    }
  });
});
