// The department simulators are the reference departments: each must pass every check, without a warning, and the
// sample tasks it accepts must be real enough that the simulator acknowledges and completes them with a result
// its contract accepts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/hub.ts';
import type { PartnerCheckReport } from '../../scripts/partner-check/run.ts';
import { departments, findTaskType, signatureOf, taskTypesOf } from '../../services/topology.ts';
import { captureIo, SECRET, startRealSimulators } from './helpers.ts';

let env: Awaited<ReturnType<typeof startRealSimulators>>;
beforeAll(async () => {
  env = await startRealSimulators(5);
});
afterAll(async () => {
  await env?.close();
});

describe.each(departments.map((d) => [d.code, d] as const))('partner check against the %s simulator', (code, department) => {
  it('passes every check, exit code 0', async () => {
    const io = captureIo({ HUB_PARTNER_SECRET: SECRET });
    const exit = await main(['partner-check', '--department', code, '--url', env.simulators.endpointOf(code), '--json'], io);
    const report = JSON.parse(io.out) as PartnerCheckReport;
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(exit).toBe(0);
    expect(io.err).toBe('');
    expect(report).toMatchObject({ department: code, ok: true, summary: { failed: 0, warnings: 0 } });
    expect(report.taskTypes).toEqual(taskTypesOf(department.code).map((t) => t.contract.type));
    // Five checks per task type, eight about signatures and unreadable bodies, clock and transport.
    expect(report.checks).toHaveLength(5 * taskTypesOf(department.code).length + 10);
    expect(report.signature).toBe(signatureOf(code));
    for (const type of report.taskTypes) {
      expect(report.checks.filter((c) => c.taskType === type).map((c) => c.id)).toEqual([
        'accept',
        'redelivery',
        'duplicate',
        'missing-field',
        'time-limit',
      ]);
    }
  });

  it('took exactly one new task per task type, and the simulator completed each with a valid result', async () => {
    // Every probe but the sample tasks was refused: nothing else reached the department's books.
    const accepted = env.simulators.received(code);
    expect(accepted).toHaveLength(taskTypesOf(department.code).length);
    await vi.waitFor(() => {
      for (const taskId of accepted) expect(env.hub.calls.filter((c) => c.taskId === taskId).map((c) => c.action)).toEqual(['acknowledge', 'complete']);
    });
    for (const taskId of accepted) {
      const complete = env.hub.calls.find((c) => c.taskId === taskId && c.action === 'complete')!;
      expect(complete.authorization).toBe(`Bearer token-${code}`);
    }
    const made = env.results.filter((r) => r.department === code);
    expect(made.map((r) => r.type).sort()).toEqual(taskTypesOf(department.code).map((t) => t.contract.type).sort());
    for (const { type, request, result } of made) {
      const { contract } = findTaskType(type)!;
      expect(contract.request.parse(request)).toEqual(request);
      expect(contract.checkResult?.(contract.result.parse(result), request) ?? []).toEqual([]);
    }
  });
});
