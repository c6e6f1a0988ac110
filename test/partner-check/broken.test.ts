// Departments that get something wrong: the check names what, says why it matters to the hub, and exits 1
// (warnings alone exit 0).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { CheckId, CheckResult } from '../../scripts/partner-check/checks.ts';
import { main } from '../../scripts/hub.ts';
import type { PartnerCheckReport } from '../../scripts/partner-check/run.ts';
import { captureIo, SECRET, startFakeDepartment, type Flaws } from './helpers.ts';
import { schoolPlacementV1, schoolRecordTransferV1 } from '../../contracts/education/index.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { signatureOf } from '../../services/topology.ts';

/** Runs the command (JSON output) against a fake department with `flaws`; returns the exit code and the report. */
async function check(code: string, flaws: Flaws, extra: string[] = []) {
  const dept = await startFakeDepartment(code, flaws);
  try {
    const io = captureIo({ HUB_PARTNER_SECRET: SECRET });
    const exit = await main(['partner-check', '-d', code, '-u', dept.url, '--json', ...extra], io);
    expect(io.err).toBe('');
    const report = JSON.parse(io.out) as PartnerCheckReport;
    const by = (status: CheckResult['status']) => report.checks.filter((c) => c.status === status);
    return { exit, report, failed: by('fail'), warned: by('warn'), received: dept.received };
  } finally {
    await dept.close();
  }
}

const ids = (checks: CheckResult[]) => [...new Set(checks.map((c) => c.id))].sort();
const reasonOf = (checks: CheckResult[], id: CheckId) => checks.find((c) => c.id === id)!.reason;

describe('partner check against a broken department', () => {
  it('the fake department without flaws passes, so each flaw below is what fails', async () => {
    const { exit, failed, warned } = await check('education', {});
    expect([exit, failed, warned]).toEqual([0, [], []]);
  });

  it('ignores the signature: every signature check fails, exit 1', async () => {
    const { exit, failed, report, received } = await check('education', { signature: 'ignored' });
    expect(exit).toBe(1);
    expect(report.ok).toBe(false);
    expect(ids(failed)).toEqual([
      'signature-missing',
      'signature-other-scheme',
      'signature-replayed',
      'signature-stale',
      'signature-tampered-body',
      'signature-wrong-secret',
    ]);
    expect(reasonOf(failed, 'signature-wrong-secret')).toMatch(/^accepted it with 202: anyone who can reach the endpoint/);
    expect(reasonOf(failed, 'signature-tampered-body')).toMatch(/not checked over the body/);
    expect(reasonOf(failed, 'signature-stale')).toMatch(/captured request could be replayed/);
    expect(reasonOf(failed, 'signature-missing')).toMatch(/unsigned request/);
    expect(reasonOf(failed, 'signature-replayed')).toMatch(/sent again within the five minutes as a new delivery/);
    // Each badly signed probe was a new task, and was taken as one; so was the replay, under its new key.
    expect(received).toHaveLength(2 + 5 + 1);
  });

  it('an HMAC-SM3 department that accepts anything fails every signature check, as the SM3 simulator passes them', async () => {
    expect(signatureOf(preEnrollmentV1.department)).toBe('hmac-sm3');
    const { exit, failed, report } = await check(preEnrollmentV1.department, { signature: 'ignored' });
    expect([exit, report.signature]).toEqual([1, 'hmac-sm3']);
    expect(ids(failed).filter((id) => id.startsWith('signature-'))).toHaveLength(6);
    expect(reasonOf(failed, 'signature-other-scheme')).toMatch(/takes another algorithm than HMAC-SM3/);
  });

  it('verifies whichever algorithm the prefix names: only the downgrade check fails', async () => {
    const { exit, failed } = await check(preEnrollmentV1.department, { signature: 'any-scheme' });
    expect(exit).toBe(1);
    expect(ids(failed)).toEqual(['signature-other-scheme']);
    expect(failed[0]!.title).toMatch(/signed with HMAC-SHA256 instead of HMAC-SM3/);
  });

  it('checks the signature but keeps no record of those it accepted: only the replay check fails', async () => {
    for (const code of ['education', preEnrollmentV1.department]) {
      const { exit, failed, received } = await check(code, { replays: 'accepted' });
      expect(exit).toBe(1);
      expect(ids(failed)).toEqual(['signature-replayed']);
      expect(failed[0]!.reason).toMatch(/^accepted it with 202/);
      // The replay carried the same body under a new idempotency key: taken as a second delivery.
      expect(new Set(received).size).toBe(received.length);
    }
  });

  it('checks the HMAC but not the timestamp: only the stale check fails', async () => {
    const { exit, failed } = await check('public-security', { signature: 'hmac-only' });
    expect(exit).toBe(1);
    expect(ids(failed)).toEqual(['signature-stale']);
  });

  it('answers 500 to a body it cannot read: every unreadable-body check fails as a poison message', async () => {
    const { exit, failed } = await check('education', { unreadableStatus: 500 });
    expect(exit).toBe(1);
    expect(ids(failed)).toEqual(['body-foreign-format', 'body-not-json', 'missing-field']);
    expect(failed.filter((c) => c.id === 'missing-field').map((c) => c.taskType)).toEqual([
      schoolPlacementV1.type,
      schoolRecordTransferV1.type,
    ]);
    for (const c of failed) {
      expect(c.httpStatus).toBe(500);
      expect(c.reason).toMatch(/after 5 tries, parks the task in the dead-letter queue.*poison message.*answer 400 or 422/);
    }
  });

  it('answers after the time limit: accept and time limit fail per task type', async () => {
    const { exit, failed, report } = await check('medical-insurance', { delayMs: 1500 }, ['--timeout', '0.3']);
    expect(exit).toBe(1);
    expect(report.timeoutMs).toBe(300);
    const forType = failed.filter((c) => c.taskType === preEnrollmentV1.type);
    expect(forType.map((c) => c.id)).toEqual(['accept', 'redelivery', 'missing-field', 'time-limit']);
    expect(reasonOf(forType, 'accept')).toMatch(/^no answer within 0\.3 s: the hub retries/);
    expect(reasonOf(forType, 'time-limit')).toMatch(/^no answer within 0\.3 s: the hub abandons the push/);
    // Nothing answered, so nothing passed but the transport and the (unchecked) clock.
    expect(report.checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual(['clock', 'transport']);
  });

  it('answers a redelivery as a new task without saying so: a warning, exit 0', async () => {
    const { exit, failed, warned } = await check('fire-rescue', { duplicates: 'silent' });
    expect(exit).toBe(0);
    expect(failed).toEqual([]);
    expect(ids(warned)).toEqual(['duplicate']);
    expect(warned[0]!.reason).toMatch(/dedupes on the idempotency-key header/);
  });

  it('says duplicate: false to a redelivery: the duplicate check fails', async () => {
    const { exit, failed } = await check('fire-rescue', { duplicates: 'new' });
    expect(exit).toBe(1);
    expect(ids(failed)).toEqual(['duplicate']);
  });

  it('refuses a redelivery with 409: the redelivery check fails (the hub would fail a delivered task)', async () => {
    const { exit, failed, warned } = await check('fire-rescue', { duplicates: 'refused' });
    expect(exit).toBe(1);
    expect(ids(failed)).toEqual(['redelivery']);
    expect(failed[0]!.reason).toMatch(/^answered 409 \(task already received\): .*already holds/);
    expect(ids(warned)).toEqual(['duplicate']);
  });

  it('refuses bad signatures with 400 rather than 401/403: warnings, exit 0', async () => {
    const { exit, warned } = await check('disability-federation', { signature: 'status-400' });
    expect(exit).toBe(0);
    expect(ids(warned)).toEqual([
      'signature-missing',
      'signature-other-scheme',
      'signature-replayed',
      'signature-stale',
      'signature-tampered-body',
      'signature-wrong-secret',
    ]);
  });

  it('cannot be reached: one failed check, nothing else sent, exit 1', async () => {
    // A port that was just free: nothing listens on it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const io = captureIo({ HUB_PARTNER_SECRET: SECRET });
    const exit = await main(['partner-check', '-d', 'education', '-u', `http://127.0.0.1:${port}/departments/education`], io);
    expect(exit).toBe(1);
    expect(io.out).toMatch(/FAIL {2}\[endpoint\] the endpoint can be reached: could not connect to .* \(ECONNREFUSED\)/);
    expect(io.out).toMatch(/\n1 passed, 1 failed\n$/);
  });
});
