// Properties every task type of the catalogue shares: naming, metadata, JSON Schema export, strictness.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { disabilityFederationTaskTypes } from '../../contracts/disability-federation/index.ts';
import { educationTaskTypes } from '../../contracts/education/index.ts';
import { Envelope } from '../../contracts/envelope.ts';
import { fireRescueTaskTypes } from '../../contracts/fire-rescue/index.ts';
import { publicSecurityTaskTypes } from '../../contracts/public-security/index.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { undocumentedOrOpen } from './fixtures.ts';

const byDepartment: Record<string, readonly TaskTypeContract[]> = {
  education: educationTaskTypes,
  'public-security': publicSecurityTaskTypes,
  'disability-federation': disabilityFederationTaskTypes,
  'fire-rescue': fireRescueTaskTypes,
};
const all = Object.values(byDepartment).flat();

describe('the task catalogue (DOMAIN.md)', () => {
  it('has every task type of the four departments, once', () => {
    expect(all.map((c) => `${c.type}.v${c.version}`).sort()).toEqual([
      'disability-federation.rehab-assistance.v1',
      'disability-federation.rehab-point-certification.v1',
      'education.school-placement.v1',
      'education.school-record-transfer.v1',
      'fire-rescue.safety-inspection.v1',
      'public-security.dna-comparison.v1',
      'public-security.foundling-report.v1',
      'public-security.hukou-migration.v1',
      'public-security.hukou-registration.v1',
    ]);
  });

  it('subjects institutions only for certification and fire inspection', () => {
    const institutional = all.filter((c) => c.subject === 'institution').map((c) => c.type).sort();
    expect(institutional).toEqual(['disability-federation.rehab-point-certification', 'fire-rescue.safety-inspection']);
  });
});

describe.each(all.map((c) => [c.type, c] as const))('%s', (_type, contract) => {
  it('lives in its department’s folder and names it', () => {
    expect(byDepartment[contract.department]).toContain(contract);
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
