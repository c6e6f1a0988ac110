// How the partner check reads answers: as the hub's push does (kept equal here), and what each check concludes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { push } from '../../services/delivery/push.ts';
import { hubReading, reasonOf } from '../../scripts/partner-check/checks.ts';
import { judgeClock, judgeTransport } from '../../scripts/partner-check/judge-endpoint.ts';
import {
  judgeAccept,
  judgeDuplicate,
  judgeMalformedRefusal,
  judgeRedelivery,
  judgeSignatureRefusal,
  judgeTimeLimit,
} from '../../scripts/partner-check/judge-tasks.ts';
import type { Exchange } from '../../scripts/partner-check/http.ts';
import { formatText, summaryLine } from '../../scripts/partner-check/report.ts';
import { summarise, type PartnerCheckReport } from '../../scripts/partner-check/run.ts';
import { schoolPlacementV1 } from '../../contracts/education/index.ts';

const j = { timeoutMs: 10_000, maxReceiveCount: 5 };
const ex = (status: number | undefined, body?: unknown, more: Partial<Exchange> = {}): Exchange => ({
  ...(status === undefined ? { error: 'timeout' } : { status }),
  body,
  elapsedMs: 12,
  sentAt: Date.now(),
  ...more,
});

describe('the hub’s reading of a status', () => {
  const server = createServer((req, res) => {
    const status = Number(req.url!.slice(1));
    res.writeHead(status, { 'content-type': 'application/json' }).end(status === 204 ? undefined : '{"reason":"r"}');
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('is the one services/delivery/push.ts acts on, status by status', async () => {
    const statuses = [200, 201, 202, 204, 400, 401, 403, 404, 408, 409, 410, 413, 422, 429, 500, 502, 503, 504];
    const expected = { delivered: 'delivered', refused: 'refused', unavailable: 'retried' } as const;
    for (const status of statuses) {
      const outcome = await push(`${url}/${status}`, 's', { a: 1 }, 'k', 2000);
      expect([status, hubReading(status)]).toEqual([status, expected[outcome.kind]]);
    }
  });
});

describe('partner-check verdicts', () => {
  it('accept: 2xx passes; 4xx fails as final; 5xx and silence fail as retried into the dead-letter queue', () => {
    expect(judgeAccept(ex(202), j, 't').status).toBe('pass');
    expect(judgeAccept(ex(422, { reason: 'no' }), j, 't')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/422 \(no\).*failed at once/) });
    expect(judgeAccept(ex(401), j, 't').reason).toMatch(/shared secret and the signature scheme .*x-hub-signature/);
    expect(judgeAccept(ex(503), j, 't').reason).toMatch(/after 5 tries.*dead-letter queue/);
    expect(judgeAccept(ex(undefined), j, 't').reason).toMatch(/no answer within 10 s/);
  });

  it('redelivery: a 409 for a known key fails (the hub would fail a task the department holds)', () => {
    expect(judgeRedelivery(ex(200, { duplicate: true }), j, 't').status).toBe('pass');
    expect(judgeRedelivery(ex(409), j, 't')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/already holds/) });
  });

  it('duplicate: passes on duplicate: true, fails on duplicate: false, warns when the answer says nothing', () => {
    expect(judgeDuplicate(ex(202, { received: true }), ex(200, { duplicate: true }), 't').status).toBe('pass');
    expect(judgeDuplicate(ex(202), ex(202, { duplicate: false }), 't').status).toBe('fail');
    expect(judgeDuplicate(ex(202), ex(202, 'ok'), 't')).toMatchObject({ status: 'warn', reason: expect.stringMatching(/idempotency-key/) });
    expect(judgeDuplicate(ex(202, { duplicate: true }), ex(200, { duplicate: true }), 't').status).toBe('warn');
    expect(judgeDuplicate(ex(500), ex(200, { duplicate: true }), 't').reason).toMatch(/first delivery was not accepted/);
  });

  it('signature: 401/403 pass, another 4xx warns, 2xx and 5xx fail', () => {
    const judge = (e: Exchange) => judgeSignatureRefusal('signature-missing', 'title', 'it was taken', e, j);
    expect(judge(ex(401)).status).toBe('pass');
    expect(judge(ex(403)).status).toBe('pass');
    expect(judge(ex(400))).toMatchObject({ status: 'warn', reason: expect.stringMatching(/401 or 403/) });
    expect(judge(ex(202))).toMatchObject({ status: 'fail', reason: 'accepted it with 202: it was taken' });
    expect(judge(ex(500)).status).toBe('fail');
  });

  it('unreadable body: any final 4xx passes; 408/429/5xx fail as a poison message; 2xx fails', () => {
    const judge = (e: Exchange) => judgeMalformedRefusal('body-not-json', 'title', e, j);
    expect(judge(ex(400)).status).toBe('pass');
    expect(judge(ex(422)).status).toBe('pass');
    for (const s of [408, 429, 500, 503]) expect(judge(ex(s))).toMatchObject({ status: 'fail', reason: expect.stringMatching(/poison message/) });
    expect(judge(ex(200)).reason).toMatch(/must be refused with 4xx/);
  });

  it('time limit: the slowest answer counts; over half the limit warns; a timeout fails', () => {
    expect(judgeTimeLimit([ex(202), ex(200, undefined, { elapsedMs: 900 })], j, 't')).toMatchObject({ status: 'pass', elapsedMs: 900 });
    expect(judgeTimeLimit([ex(202, undefined, { elapsedMs: 6000 })], j, 't').status).toBe('warn');
    expect(judgeTimeLimit([ex(202), ex(undefined)], j, 't')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/no answer within 10 s/) });
  });

  it('transport: https passes, http passes only on loopback', () => {
    expect(judgeTransport(new URL('https://dept.example/push')).status).toBe('pass');
    expect(judgeTransport(new URL('http://127.0.0.1:8080/x')).status).toBe('pass');
    expect(judgeTransport(new URL('http://dept.example/push'))).toMatchObject({ status: 'warn', reason: expect.stringMatching(/TLS/) });
  });

  it('clock: compares the Date header with the time the request was in flight', () => {
    const at = Date.UTC(2026, 10, 20, 2, 0, 0);
    const answer = (skewSeconds: number) => ex(202, undefined, { sentAt: at, elapsedMs: 0, date: new Date(at + skewSeconds * 1000).toUTCString() });
    expect(judgeClock([answer(0)])).toMatchObject({ status: 'pass', reason: 'within a second' });
    expect(judgeClock([answer(-120)])).toMatchObject({ status: 'warn', reason: expect.stringMatching(/^120 s behind/) });
    expect(judgeClock([answer(400)])).toMatchObject({ status: 'fail', reason: expect.stringMatching(/^400 s ahead/) });
    expect(judgeClock([ex(undefined)]).reason).toMatch(/not checked/);
  });

  it('quotes the department’s own reason', () => {
    expect(reasonOf({ reason: 'signature stale' })).toBe('signature stale');
    expect(reasonOf({ message: 'bad' })).toBe('bad');
    expect(reasonOf('  plain text  ')).toBe('plain text');
    expect(reasonOf({ ok: false })).toBeUndefined();
  });
});

describe('partner-check report', () => {
  it('prints one line per check and the summary', () => {
    const checks = [
      judgeAccept(ex(202), j, schoolPlacementV1.type),
      judgeSignatureRefusal('signature-stale', 'refuses a stale task', 'replayable', ex(202), j),
      judgeDuplicate(ex(202), ex(202), schoolPlacementV1.type),
    ];
    const summary = summarise(checks);
    expect(summary).toEqual({ passed: 1, failed: 1, warnings: 1 });
    expect(summaryLine(summary)).toBe('1 passed, 1 failed, 1 warning');
    expect(summaryLine({ passed: 3, failed: 0, warnings: 0 })).toBe('3 passed, 0 failed');
    const report: PartnerCheckReport = {
      department: 'education',
      url: 'http://127.0.0.1:1/departments/education',
      startedAt: new Date(0).toISOString(),
      durationMs: 5,
      timeoutMs: 10_000,
      signature: 'hmac-sm3',
      taskTypes: [schoolPlacementV1.type],
      checks,
      summary,
      ok: false,
    };
    expect(formatText(report, '教育局').split('\n')).toEqual([
      'partner check: education (教育局) at http://127.0.0.1:1/departments/education',
      '1 task type, signed with HMAC-SM3, time limit 10 s',
      '',
      'PASS  [school-placement] accepts a correctly signed sample task with 2xx: answered 202 in 12 ms',
      'FAIL  [signature] refuses a stale task: accepted it with 202: replayable',
      expect.stringMatching(/^WARN {2}\[school-placement\] does not take the redelivery for a new task: answered 202 but/),
      '',
      '1 passed, 1 failed, 1 warning',
      '',
    ]);
  });
});
