// A partner's own endpoint in place of its department's simulator, for testing against the local hub:
//   npm start -- --push education=http://127.0.0.1:4100 --push-secret education=<secret>   pushes go there, signed
//   npm start -- --pull education                                                            tasks wait in the inbox
// or HUB_PUSH / HUB_PUSH_SECRET / HUB_PULL (comma-separated, same forms) for scripts. That department's simulator is
// off; the others keep theirs. Pure: parsing and the start banner's lines.
import type { DepartmentCode } from '../../contracts/common.ts';
import { departments, findDepartment } from '../../services/topology.ts';

/** How a department is served when not by its simulator. */
export type ExternalDepartment = { push: string; secret?: string } | { pull: true };
export type ExternalDepartments = Partial<Record<DepartmentCode, ExternalDepartment>>;

const split = (list: string | undefined) => (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function codeOf(raw: string, flag: string): DepartmentCode {
  const d = findDepartment(raw);
  if (!d) throw new Error(`${flag}: unknown department '${raw}'; valid codes: ${departments.map((x) => x.code).join(', ')}`);
  return d.code;
}

function pairs(items: string[], flag: string): [DepartmentCode, string][] {
  return items.map((item) => {
    const at = item.indexOf('=');
    if (at < 1) throw new Error(`${flag} '${item}': expected <department>=<value>`);
    return [codeOf(item.slice(0, at), flag), item.slice(at + 1)];
  });
}

/** The departments served by the partner, from the flags (each may repeat) and, beside them, the environment. */
export function parseExternalDepartments(
  flags: { push?: string[]; pushSecret?: string[]; pull?: string[] },
  env: Record<string, string | undefined> = {},
): ExternalDepartments {
  const out: ExternalDepartments = {};
  for (const [code, url] of pairs([...(flags.push ?? []), ...split(env.HUB_PUSH)], '--push')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`--push ${code}: '${url}' is not a URL`);
    }
    if (!/^https?:$/.test(parsed.protocol)) throw new Error(`--push ${code}: '${url}' must be an http or https URL`);
    out[code] = { push: parsed.href };
  }
  for (const [code, secret] of pairs([...(flags.pushSecret ?? []), ...split(env.HUB_PUSH_SECRET)], '--push-secret')) {
    const entry = out[code];
    if (!entry || !('push' in entry)) throw new Error(`--push-secret ${code}: give --push ${code}=<url> too`);
    if (!secret) throw new Error(`--push-secret ${code}: the secret is empty`);
    entry.secret = secret;
  }
  for (const raw of [...(flags.pull ?? []), ...split(env.HUB_PULL)]) {
    const code = codeOf(raw, '--pull');
    if (out[code]) throw new Error(`--pull ${code}: already given --push ${code}`);
    out[code] = { pull: true };
  }
  return out;
}

/** One banner line per department a partner serves, saying where its tasks go and that its simulator is off. */
export function externalBanner(external: ExternalDepartments, secrets: Record<string, string>): string[] {
  return (Object.entries(external) as [string, ExternalDepartment][]).map(([code, e]) =>
    'push' in e
      ? `${code.padEnd(16)} pushes to ${e.push}, signed with ${e.secret ? 'the given secret' : `secret ${secrets[code]}`} (its simulator is off)`
      : `${code.padEnd(16)} tasks wait in its inbox (GET /v1/departments/${code}/tasks); its simulator is off`,
  );
}
