// The China templates use only what infra/china-availability.json lists as offered in their region, and every
// fact it could not confirm offline carries the check a deployer runs (docs/deploy.md lists them too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CfnResource } from 'aws-cdk-lib';
import * as z from 'zod/mini';
import { projectRoot } from '../../../infra/hub-function.ts';
import { configWith, synth, SYNTH_TIMEOUT, type Synthesised, type Templates } from '../synth.ts';
import { featuresOf } from '../template-features.ts';

const status = z.enum(['available', 'conditional', 'unconfirmed', 'unavailable']);
const row = z
  .object({
    id: z.string().check(z.minLength(1)),
    service: z.string().check(z.minLength(1)),
    feature: z.optional(z.string()),
    'cn-north-1': status,
    'cn-northwest-1': status,
    basis: z.string().check(z.minLength(1)),
    source: z.url(),
    check: z.optional(z.string().check(z.minLength(1))),
  }).check(z.refine((r) => r.check || ![r['cn-north-1'], r['cn-northwest-1']].some((s) => s === 'unconfirmed' || s === 'conditional'), {
    message: 'an unconfirmed or conditional row says how a deployer checks it',
  }));
const list = z.object({ about: z.string(), checked: z.iso.date(), rows: z.array(row) });
const availability = list.parse(JSON.parse(readFileSync(join(projectRoot, 'infra/china-availability.json'), 'utf8')));
const byId = new Map(availability.rows.map((r) => [r.id, r]));

type Region = 'cn-north-1' | 'cn-northwest-1';
/** What a template uses that the list does not offer in the region: [id, status or 'not listed', used by]. */
function refused(s: Synthesised, region: Region): [string, string, string][] {
  return [...featuresOf(s)]
    .map(([id, by]) => [id, byId.get(id)?.[region] ?? 'not listed', by.slice(0, 3).join(', ')] as [string, string, string])
    .filter(([, state]) => state === 'unavailable' || state === 'not listed');
}

const VPC = {
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  subnets: [{ subnetId: 'subnet-0a1b2c3d4e5f67890', availabilityZone: 'cn-north-1a' }],
  allowedCidrs: ['10.0.0.0/8'],
};

export function chinaAvailabilitySuite(all: Templates): void {
  let ningxia: Synthesised;
  let beijingPrivate: Synthesised;

  beforeAll(() => {
    // The plain China templates are checked against their regions' CloudFormation schemas where they are
    // synthesised (test/infra/stack.test.ts); this variant (private endpoint, e-mail subscription) is checked here.
    ningxia = all['cn-northwest-1'];
    beijingPrivate = synth('cn-north-1', {
      asTheCliDoes: true,
      config: configWith('cn-north-1', (c) => ({ ...c, alarmEmail: 'ops@example.gov.cn', api: { ...c.api, access: { type: 'private', vpc: VPC } } })),
    });
  }, SYNTH_TIMEOUT);

  describe('China availability', () => {
    it('lists each id once, checked on a date, with a source', () => {
      expect(byId.size).toBe(availability.rows.length);
      expect(availability.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('finds nothing in the Ningxia template that the list does not offer there', () => {
      expect(refused(ningxia, 'cn-northwest-1')).toEqual([]);
    });

    it('finds nothing in a Beijing template with the private endpoint and alarm e-mail that the list does not offer there', () => {
      const used = featuresOf(beijingPrivate);
      expect([...used.keys()]).toEqual(expect.arrayContaining(['AWS::EC2::VPCEndpoint', 'apigateway.endpoint.PRIVATE', 'sns.email']));
      expect(refused(beijingPrivate, 'cn-north-1')).toEqual([]);
    });

    it('refuses a template that uses what China lacks: X-Ray on Lambda, an edge-optimized endpoint, an unlisted resource type', () => {
      // The config schema refuses tracing for aws-cn; a template built around it must still be caught here.
      const s = all.test;
      const found = refused(s, 'cn-northwest-1').map(([id, state]) => `${id}: ${state}`);
      expect(found).toContain('lambda.xray: unavailable');
      expect(featuresOf(s).has('apigateway.xray')).toBe(true);
      const edge = { ...s, json: { ...s.json, Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} }, Bucket: { Type: 'AWS::S3::Bucket' } } } };
      expect(refused(edge, 'cn-northwest-1').map(([id, state]) => `${id}: ${state}`)).toEqual([
        'apigateway.endpoint.EDGE: unavailable',
        'AWS::S3::Bucket: not listed',
      ]);
    }, SYNTH_TIMEOUT);

    it('fails synthesis of a China stack holding a resource type its region does not have', () => {
      expect(() =>
        synth('cn-northwest-1', { asTheCliDoes: true, mutate: (stack) => new CfnResource(stack, 'UserPool', { type: 'AWS::Cognito::UserPool' }) }),
      ).toThrow(/Resource type 'AWS::Cognito::UserPool' does not exist in 'cn-northwest-1'/);
    }, SYNTH_TIMEOUT);

    it('names every fact a China deployer must check in docs/deploy.md', () => {
      const deployDoc = readFileSync(join(projectRoot, 'docs/deploy.md'), 'utf8');
      const used = new Set([...featuresOf(ningxia).keys(), ...featuresOf(beijingPrivate).keys()]);
      const toCheck = availability.rows.filter((r) => r.check && used.has(r.id)).map((r) => r.id);
      expect(toCheck.length).toBeGreaterThan(0);
      expect(toCheck.filter((id) => !deployDoc.includes(`\`${id}\``))).toEqual([]);
    });
  });
}
