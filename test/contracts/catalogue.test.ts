// Properties every task type of the catalogue shares: naming, metadata, JSON Schema export, strictness, and the
// parts it plays in the shared mechanisms. The catalogue is the topology's; docs/task-types.md prints it.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Envelope } from '../../contracts/envelope.ts';
import { departments, taskTypes, taskTypesOf } from '../../services/topology.ts';
import { undocumentedOrOpen } from './fixtures.ts';

const all = taskTypes.map((t) => t.contract);

describe('the task catalogue', () => {
  it('names every task type once, under the department that carries it', () => {
    const ids = all.map((c) => `${c.type}.v${c.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of departments) for (const { contract } of taskTypesOf(d.code)) expect(contract.type.startsWith(`${d.code}.`)).toBe(true);
  });

  it('lets only child tasks feed child facts, be opened by admission or belong to a transfer', () => {
    for (const c of all.filter((x) => x.subject === 'institution')) {
      expect([c.type, c.feeds, c.admission, c.workflow]).toEqual([c.type, undefined, undefined, undefined]);
    }
  });
});

describe.each(all.map((c) => [c.type, c] as const))('%s', (_type, contract) => {
  it('lives in its department’s folder and names it', async () => {
    const index = (await import(`../../contracts/${contract.department}/index.ts`)) as Record<string, unknown>;
    expect(Object.values(index).flat()).toContain(contract);
    expect(contract.type.startsWith(`${contract.department}.`)).toBe(true);
  });

  it('carries metadata the envelope and the console can use', () => {
    expect(contract.version).toBe(1);
    expect(contract.titleZh).toMatch(/\p{Script=Han}/u);
    expect(contract.policy).toMatch(/^[一二三四]\([一二三四五六七八九]\)(, [一二三四]\([一二三四五六七八九]\))*$/);
    expect(Envelope.shape.type.safeParse(`${contract.type}.v${contract.version}`).success).toBe(true);
  });

  it.each(['input', 'request', 'result'] as const)('exports its %s as a strict, self-describing JSON Schema', (part) => {
    const json = z.toJSONSchema(contract[part]);
    expect(json.title).toMatch(new RegExp(`^${contract.type.replace('.', '\\.')} v1 ${part}$`));
    expect(undocumentedOrOpen(json as never)).toEqual([]);
  });
});
