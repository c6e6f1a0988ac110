// `hub partner-check` as a department runs it: argument errors in-process, then the real entry point as a child
// process (npx tsx scripts/hub.ts …) against a running simulator, for its output and exit codes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/hub.ts';
import { checkPartnerCheckArgs } from '../../scripts/partner-check/command.ts';
import { departments } from '../../services/topology.ts';
import { captureIo, SECRET, startRealSimulators } from './helpers.ts';

const run = async (argv: string[], env: Record<string, string | undefined> = { HUB_PARTNER_SECRET: SECRET }) => {
  const io = captureIo(env);
  const exit = await main(argv, io);
  return { exit, out: io.out, err: io.err };
};
const codes = departments.map((d) => d.code).join(', ');

describe('hub command line: arguments', () => {
  it('lists the commands, and refuses an unknown one', async () => {
    expect(await run(['--help'])).toMatchObject({ exit: 0, out: expect.stringMatching(/partner-check \[options\] +check a department/) });
    expect(await run([])).toMatchObject({ exit: 2, out: '', err: expect.stringMatching(/^Usage: hub \[options\] \[command\]/) });
    expect(await run(['help', 'redrive'])).toMatchObject({ exit: 0, out: expect.stringMatching(/^Usage: hub redrive \[options\]/) });
    const unknown = await run(['partner-chek']);
    expect(unknown).toMatchObject({ exit: 2, err: expect.stringMatching(/^error: unknown command 'partner-chek'\n\(Did you mean partner-check\?\)/) });
    expect(await run(['--help'])).toMatchObject({ exit: 0, out: expect.stringMatching(/report \[options\] +the semi-annual progress report/) });
  });

  it('prints the partner check’s usage with --help', async () => {
    const { exit, out } = await run(['partner-check', '--help']);
    expect(exit).toBe(0);
    expect(out).toContain('--department <code>');
    expect(out).toContain('HUB_PARTNER_SECRET');
  });

  it('names the valid department codes when the department is unknown or missing', async () => {
    const unknown = await run(['partner-check', '--department', 'tourism', '--url', 'https://x.example/push']);
    expect(unknown.exit).toBe(2);
    expect(unknown.err).toBe(
      `hub partner-check: unknown department 'tourism'; valid codes: ${codes}\nrun 'hub partner-check --help' for usage\n`,
    );
    expect((await run(['partner-check', '--url', 'https://x.example/push'])).err).toContain(`missing --department <code>; valid codes: ${codes}`);
  });

  it('says what is missing or wrong: url, secret, timeout, unknown or planned options', async () => {
    const dept = ['partner-check', '-d', 'education'];
    expect((await run(dept)).err).toMatch(/missing --url <endpoint>/);
    expect((await run([...dept, '-u', 'dept.example/push'])).err).toMatch(/--url 'dept.example\/push' is not a URL/);
    expect((await run([...dept, '-u', 'ftp://dept.example/push'])).err).toMatch(/must be an http or https URL/);
    const noSecret = await run([...dept, '-u', 'https://dept.example/push'], {});
    expect(noSecret).toMatchObject({ exit: 2, err: expect.stringMatching(/missing secret: set HUB_PARTNER_SECRET \(or pass --secret/) });
    expect((await run([...dept, '-u', 'https://x.example', '--timeout', '0'])).err).toMatch(/--timeout '0' must be a number of seconds/);
    expect(await run([...dept, '-u', 'https://x.example', '--verbose'])).toMatchObject({ exit: 2, err: expect.stringMatching(/^error: unknown option '--verbose'/) });
    expect((await run([...dept, '-u', 'https://x.example', '--hub-url', 'https://hub.example'])).err).toMatch(
      /--hub-url is not supported yet/,
    );
  });

  it('takes the secret from --secret over the environment, and the timeout in seconds', () => {
    const parsed = checkPartnerCheckArgs(
      { department: 'fire-rescue', url: 'https://fire.example/push', secret: 'from-flag', timeout: '2.5', json: true },
      { HUB_PARTNER_SECRET: 'from-env' },
    );
    expect(parsed).toEqual({
      json: true,
      options: { department: 'fire-rescue', url: 'https://fire.example/push', secret: 'from-flag', timeoutMs: 2500 },
    });
  });
});

describe('hub command line: the real entry point as a child process', () => {
  let env: Awaited<ReturnType<typeof startRealSimulators>>;
  beforeAll(async () => {
    env = await startRealSimulators(5);
  });
  afterAll(async () => {
    await env?.close();
  });

  const hub = (args: string[], secret?: string) =>
    promisify(execFile)('npx', ['tsx', 'scripts/hub.ts', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, HUB_PARTNER_SECRET: secret },
      timeout: 100_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  // Three tsx start-ups in parallel: a few seconds each on an idle machine, much more on a busy one.
  it('exits 0 against a simulator, 1 with the wrong secret, 2 for an unknown department', { timeout: 120_000 }, async () => {
    const url = env.simulators.endpointOf('fire-rescue');
    const [good, wrongSecret, badArgs] = await Promise.all([
      hub(['partner-check', '--department', 'fire-rescue', '--url', url], SECRET),
      hub(['partner-check', '-d', 'fire-rescue', '-u', url, '--json'], 'not-the-secret'),
      hub(['partner-check', '--department', 'nope', '--url', url], SECRET),
    ]);

    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/^partner check: fire-rescue \(消防救援支队\) at http:\/\/127\.0\.0\.1:\d+\/departments\/fire-rescue\n/);
    expect(good.stdout).toMatch(/\nPASS {2}\[safety-inspection\] accepts a correctly signed sample task with 2xx: answered 202 in \d+ ms\n/);
    expect(good.stdout).toMatch(/\n\n15 passed, 0 failed\n$/);
    expect(good.code).toBe(0);

    // The hub signs with one secret, the department checks with another: every signed task is refused.
    const report = JSON.parse(wrongSecret.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c: { id: string }) => c.id === 'accept')).toMatchObject({
      status: 'fail',
      httpStatus: 401,
      reason: expect.stringMatching(/check the shared secret/),
    });
    expect(wrongSecret.code).toBe(1);

    expect(badArgs.stdout).toBe('');
    expect(badArgs.stderr).toContain(`unknown department 'nope'; valid codes: ${codes}`);
    expect(badArgs.code).toBe(2);
  });
});
