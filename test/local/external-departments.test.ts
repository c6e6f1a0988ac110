// A partner's own endpoint on the local hub (`npm start -- --push <dept>=<url> --push-secret <dept>=<secret>`,
// `--pull <dept>`): that department's tasks go to the endpoint, signed with the given secret and the department's
// scheme, or wait in its inbox, and no simulator races the partner. The endpoint here is the generic verifier,
// built from the published documents alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../scripts/contracts/build.ts';
import { externalBanner, parseExternalDepartments, type ExternalDepartments } from '../../scripts/local/external-departments.ts';
import { signatureOf } from '../../services/topology.ts';
import { admitFoundling, readTask, untilTaskStatus, useHub } from '../helpers/hub.ts';
import { startGenericEndpoint } from '../partner-check/generic-verifier.ts';

const SECRET = 'the-secret-the-partner-chose';
const external: ExternalDepartments = { 'medical-insurance': { push: '', secret: SECRET }, 'public-security': { pull: true } };
let endpoint: Awaited<ReturnType<typeof startGenericEndpoint>>;
// Before the hub starts (file hooks run before the describe's): its URL is known only once it listens.
beforeAll(async () => {
  endpoint = await startGenericEndpoint({ openApiFile: OPENAPI_FILE, department: 'medical-insurance', secret: SECRET });
  external['medical-insurance'] = { push: endpoint.url, secret: SECRET };
});
afterAll(() => endpoint.close());

describe('the flags and their environment variables', () => {
  it('reads --push, --push-secret and --pull, and HUB_PUSH, HUB_PUSH_SECRET, HUB_PULL beside them', () => {
    expect(
      parseExternalDepartments(
        { push: ['education=http://127.0.0.1:4100'], pushSecret: ['education=s3cret'] },
        { HUB_PUSH: 'fire-rescue=https://fire.example/in', HUB_PULL: 'public-security, disability-federation' },
      ),
    ).toEqual({
      education: { push: 'http://127.0.0.1:4100/', secret: 's3cret' },
      'fire-rescue': { push: 'https://fire.example/in' },
      'public-security': { pull: true },
      'disability-federation': { pull: true },
    });
  });

  it.each([
    [{ push: ['tax=http://x.example'] }, /^--push: unknown department 'tax'; valid codes: medical-insurance, /],
    [{ push: ['education'] }, /^--push 'education': expected <department>=<value>$/],
    [{ push: ['education=ftp://x.example'] }, /must be an http or https URL$/],
    [{ pushSecret: ['education=s'] }, /^--push-secret education: give --push education=<url> too$/],
    [{ push: ['education=http://x.example'], pull: ['education'] }, /^--pull education: already given --push education$/],
  ])('refuses %j, saying why', (flags, message) => {
    expect(() => parseExternalDepartments(flags)).toThrow(message);
  });

  it('says in the banner where each department’s tasks go, and shows a drawn secret only when none was given', () => {
    const lines = externalBanner({ education: { push: 'http://127.0.0.1:4100/' }, 'fire-rescue': { pull: true } }, { education: 'drawn' });
    expect(lines).toEqual([
      'education        pushes to http://127.0.0.1:4100/, signed with secret drawn (its simulator is off)',
      'fire-rescue      tasks wait in its inbox (GET /v1/departments/fire-rescue/tasks); its simulator is off',
    ]);
  });
});

describe('the local hub with a partner’s endpoint and a pull department', () => {
  const hub = useHub({ external });

  it('pushes to the endpoint, signed with the given secret, and no simulator acts on either department', async () => {
    expect(signatureOf('medical-insurance')).toBe('hmac-sm3');
    const { childId, taskId, res } = await admitFoundling(hub());
    await untilTaskStatus(hub(), childId, taskId, 'delivered');
    expect(endpoint.received.has(taskId)).toBe(true);
    const police = res.body.tasks.find((t: { department: string }) => t.department === 'public-security').taskId as string;
    await untilTaskStatus(hub(), childId, police, 'delivered');
    const inbox = await hub().call('GET', '/v1/departments/public-security/tasks', { as: 'department:public-security' });
    expect(inbox.body.items.map((t: { taskId: string }) => t.taskId)).toContain(police);
    // A simulator would have acknowledged within its 50 ms delay: both stay as delivered, for the partner to act.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await readTask(hub(), childId, taskId)).status).toBe('delivered');
    expect((await readTask(hub(), childId, police)).status).toBe('delivered');
    const ack = await hub().call('POST', `/v1/tasks/${taskId}/acknowledge`, { as: 'department:medical-insurance', body: {} });
    expect(ack.status).toBe(200);
  });
});
