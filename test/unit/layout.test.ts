// Where things are, as docs/decisions/0011-layout.md says: every read and write of the state table, and every
// DynamoDB expression, is in services/state/ (services/lib/aws.ts only builds the client).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const deployed = execFileSync('git', ['ls-files', 'services'], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));

describe('layout', () => {
  it('talks to DynamoDB only from services/state/', () => {
    const outside = deployed.filter((f) => !f.startsWith('services/state/') && f !== 'services/lib/aws.ts');
    expect(outside.length).toBeGreaterThan(30);
    const offending = outside.filter((f) => /@aws-sdk\/(lib|client)-dynamodb|\b\w*Expression\b\s*:/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
