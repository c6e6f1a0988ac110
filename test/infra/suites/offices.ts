// Per-office delivery in the stack: a city bureau named in `officeEndpoints` gets its own HMAC secret, its
// department's adapter gets the office's endpoint and that secret's ARN, and an adapter may read its own
// department's secrets only (the region-wide one and its offices'), never another department's.
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICES_ENV } from '../../../services/delivery/offices.ts';
import { configWith, logicalIdOf, resourcesOf, statementsOfRole, synth, SYNTH_TIMEOUT, type Synthesised } from '../synth.ts';

const officeEndpoints = {
  'education@450100': 'https://jyj.nanning.example.gov.cn/hub',
  'education@450200': 'https://jyj.liuzhou.example.gov.cn/hub',
  'public-security@450100': 'https://gaj.nanning.example.gov.cn/hub',
};

/** The secrets an adapter's role may read. */
const readableSecrets = (s: Synthesised, code: string) =>
  statementsOfRole(s, logicalIdOf(s, s.stack.departments.get(code)!.adapter.serviceRole))
    .filter((st) => [st.Action].flat().includes('secretsmanager:GetSecretValue'))
    .flatMap((st) => [st.Resource].flat().map((r: { Ref: string }) => r.Ref))
    .sort();

export function officesSuite(): void {
  let s: Synthesised;
  beforeAll(() => {
    s = synth('test', { config: configWith('test', (c) => ({ ...c, officeEndpoints })) });
  }, SYNTH_TIMEOUT);

  describe('per-office delivery', () => {
    it('creates one secret per configured office, named after it', () => {
      const names = resourcesOf(s, 'AWS::SecretsManager::Secret').map(([, r]) => r.Properties.Name as string);
      for (const office of Object.keys(officeEndpoints)) expect(names).toContain(`test-hub/departments/${office}/hmac-key`);
      expect(names.filter((n) => n.includes('@'))).toHaveLength(3);
      // Each one's ARN is an output, to share the key with that office out of band.
      expect(s.json.Outputs.DepartmentSecretArnEducation450200.Value).toEqual({ Ref: logicalIdOf(s, s.stack.departments.get('education')!.officeSecrets.get('450200')!) });
    });

    it('hands each adapter its offices’ endpoints and secrets, and lets it read its own department’s secrets only', () => {
      const education = s.stack.departments.get('education')!;
      const env = s.json.Resources[logicalIdOf(s, education.adapter)]!.Properties.Environment.Variables;
      expect(JSON.parse(env[OFFICES_ENV])).toEqual({ '450100': officeEndpoints['education@450100'], '450200': officeEndpoints['education@450200'] });
      expect(env.OFFICE_450100_SECRET_ARN).toEqual({ Ref: logicalIdOf(s, education.officeSecrets.get('450100')!) });
      expect(env.OFFICE_450200_SECRET_ARN).toEqual({ Ref: logicalIdOf(s, education.officeSecrets.get('450200')!) });
      const own = [education.secret, ...education.officeSecrets.values()].map((x) => logicalIdOf(s, x)).sort();
      expect(readableSecrets(s, 'education')).toEqual(own);
      const police = s.stack.departments.get('public-security')!;
      expect(readableSecrets(s, 'public-security')).toEqual([police.secret, police.officeSecrets.get('450100')!].map((x) => logicalIdOf(s, x)).sort());
      // A department without offices: its one secret, and no offices variable.
      expect(readableSecrets(s, 'fire-rescue')).toEqual([logicalIdOf(s, s.stack.departments.get('fire-rescue')!.secret)]);
      expect(s.json.Resources[logicalIdOf(s, s.stack.departments.get('fire-rescue')!.adapter)]!.Properties.Environment.Variables[OFFICES_ENV]).toBeUndefined();
    });
  });
}
