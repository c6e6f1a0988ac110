// `hub partner-check --print-sample <type>` prints a request a department can replay or test its verifier with:
// signed by its scheme with the given secret, a body its wire schema takes. And when the check's valid sample is
// refused, the report shows the body that was sent.
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/hub.ts';
import { loadMapping } from '../../scripts/departments/modules.ts';
import { SAMPLE_URL } from '../../scripts/partner-check/command.ts';
import type { PartnerCheckReport } from '../../scripts/partner-check/run.ts';
import { verify } from '../../services/delivery/signature.ts';
import { departments, signatureOf, taskTypesOf } from '../../services/topology.ts';
import { captureIo, SECRET, startFakeDepartment } from './helpers.ts';

const samples = departments
  .filter((d) => d.delivery === 'push')
  .flatMap((d) => taskTypesOf(d.code).map((t) => [d.code, `${t.contract.type}.v${t.contract.version}`] as const));

/** The printed request, read back: request line, headers, body. */
function readRequest(text: string) {
  const [head, ...rest] = text.split('\n\n');
  const [line, ...headerLines] = head!.split('\n');
  const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
  return { line, headers, body: rest.join('\n\n').replace(/\n$/, '') };
}

describe('hub partner-check --print-sample', () => {
  it.each(samples)('%s %s: a request signed by the department’s scheme, a body its wire schema takes', async (code, type) => {
    const io = captureIo({ HUB_PARTNER_SECRET: SECRET });
    expect(await main(['partner-check', '-d', code, '--print-sample', type], io)).toBe(0);
    const { line, headers, body } = readRequest(io.out);
    expect(line).toBe(`POST ${new URL(SAMPLE_URL).pathname} HTTP/1.1`);
    expect(headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(verify(SECRET, headers, body, Date.now(), { scheme: signatureOf(code) })).toEqual({ ok: true });
    expect(verify('another-secret', headers, body, Date.now(), { scheme: signatureOf(code) })).toMatchObject({ ok: false });
    const wire = (await loadMapping(code)).wireFormat.bodies.find((b) => `${b.contract.type}.v${b.contract.version}` === type)!;
    expect(wire.schema.safeParse(JSON.parse(body)).success).toBe(true);
  });

  it('names the department’s task types when the type is not one of them, and uses --url when given', async () => {
    const io = captureIo({ HUB_PARTNER_SECRET: SECRET });
    expect(await main(['partner-check', '-d', 'education', '--print-sample', 'education.nothing'], io)).toBe(2);
    expect(io.err).toMatch(/^hub partner-check: education has no task type 'education.nothing'; its types: education.school-placement, /);
    const withUrl = captureIo({ HUB_PARTNER_SECRET: SECRET });
    await main(['partner-check', '-d', 'education', '-u', 'http://127.0.0.1:4100/in?x=1', '--print-sample', 'education.school-placement'], withUrl);
    expect(readRequest(withUrl.out)).toMatchObject({ line: 'POST /in?x=1 HTTP/1.1', headers: { host: '127.0.0.1:4100' } });
  });
});

describe('a refused valid sample', () => {
  it('shows the body that was sent, in the text report and the JSON one; passing checks carry none', async () => {
    const dept = await startFakeDepartment('education', {});
    try {
      // The department verifies with SECRET; the check signs with another, so every valid sample is refused (401).
      const text = captureIo({ HUB_PARTNER_SECRET: 'not-the-department-secret' });
      expect(await main(['partner-check', '-d', 'education', '-u', dept.url], text)).toBe(1);
      expect(text.out).toMatch(/FAIL {2}\[school-placement\] accepts a correctly signed sample task with 2xx: .*\n {6}sent: \{"/);
      const json = captureIo({ HUB_PARTNER_SECRET: 'not-the-department-secret' });
      await main(['partner-check', '-d', 'education', '-u', dept.url, '--json'], json);
      const report = JSON.parse(json.out) as PartnerCheckReport;
      const accepts = report.checks.filter((c) => c.id === 'accept');
      expect(accepts).toHaveLength(report.taskTypes.length);
      for (const c of accepts) expect(JSON.parse(c.sent!)).toMatchObject({ ywlx: expect.any(String) });
      expect(report.checks.filter((c) => c.status === 'pass' && c.sent !== undefined)).toEqual([]);
    } finally {
      await dept.close();
    }
  });
});
