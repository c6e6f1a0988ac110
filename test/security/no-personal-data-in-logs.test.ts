// No personal data in logs (docs/security.md): a whole scenario (admissions, a foundling's police report, the
// adapters' pushes to the simulated departments, their answers, the sweeps) runs with every log at DEBUG, and what
// the API, the adapters, the sweeps and the local runtime wrote is searched for the children's names, identity
// numbers and found places, and for the departments' signing secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../services/lib/logger.ts';
import { admission, eventually, NANNING, readChild, useHub } from '../helpers/hub.ts';

const runtime: string[] = [];
const hub = useHub({ log: (line) => void runtime.push(line) });

const secrets = {
  names: ['韦秘密测试', '覃隐私测试'],
  idNumbers: ['450102202001010030'],
  places: ['南宁市青秀区保密路十八号门口'],
};

describe('no personal data in logs', () => {
  const written: string[] = [];
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  beforeAll(() => {
    logger.setLogLevel('DEBUG');
    const capture = (to: typeof original.out) => ((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (to as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stdout.write = capture(original.out);
    process.stderr.write = capture(original.err);
  });
  afterAll(() => {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
    logger.setLogLevel((process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO');
  });

  it('a scenario’s logs hold no child’s name, identity number or found place', async (ctx) => {
    if (hub().mode !== 'embedded') ctx.skip();
    const withId = await hub().call('POST', '/v1/children', {
      as: `staff:${NANNING}#u1`,
      body: admission({ name: secrets.names[0], idNumber: secrets.idNumbers[0], birthDate: '2020-01-01', disabled: true, parentsUnknown: true, foundlingCertificateNumber: 'NN-GA-2026-77' }),
    });
    expect(withId.status).toBe(201);
    const found = await hub().call('POST', '/v1/children', {
      as: `staff:${NANNING}`,
      body: admission({ name: secrets.names[1], parentsUnknown: true, foundPlace: secrets.places[0], foundCountyCode: '450103', foundOn: '2026-11-18' }),
    });
    expect(found.status).toBe(201);
    // Every task reaches the department and gets its answer (the simulators complete or refuse).
    for (const { body } of [withId, found]) {
      await eventually(async () => {
        const tasks = (await readChild(hub(), body.childId)).tasks;
        return tasks.every((t: any) => !['requested', 'dispatched'].includes(t.status) || t.waitingFor) ? tasks : undefined;
      }, 30_000, 'every task delivered');
    }
    await hub().redispatch();
    await hub().flagOverdue();
    await hub().openRecurring();
    const logs = [...written, ...runtime].join('\n');
    // The signing secrets the adapters pushed with (random per hub start locally, Secrets Manager on AWS).
    const signing = Object.values(hub().secrets);
    expect(signing.length).toBeGreaterThan(0);
    const leaks = [...secrets.names, ...secrets.idNumbers, ...secrets.places, ...signing].filter((s) => logs.includes(s));
    console.log(`[logs] ${written.length + runtime.length} log writes (${logs.length} characters) searched for ${secrets.names.length} names, ${secrets.idNumbers.length} identity number(s), ${secrets.places.length} found place(s), ${signing.length} signing secrets: ${leaks.length} found`);
    expect(logs.length).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
  }, 60_000);
});
