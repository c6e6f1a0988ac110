// `hub partner-check --print-sample <type>`: one signed sample request of a task type, built and signed exactly as
// the check (and the hub's adapter) sends it, to replay with curl or to test a verifier against.
import { ulid } from 'ulid';
import { signedHeaders } from '../../services/delivery/signature.ts';
import { signatureOf, type DepartmentEntry, type TaskTypeEntry, taskTypesOf } from '../../services/topology.ts';
import { loadMapping, loadSamples } from '../departments/modules.ts';
import { buildSample } from './samples.ts';

/** The department's task type named `type` (with or without `.v<N>`), or undefined. */
export const sampleTypeOf = (department: DepartmentEntry, type: string): TaskTypeEntry | undefined =>
  taskTypesOf(department.code).find((t) => t.contract.type === type || `${t.contract.type}.v${t.contract.version}` === type);

export async function signedSample(department: DepartmentEntry, entry: TaskTypeEntry, secret: string, now = Date.now()) {
  const sample = buildSample(department, entry, await loadMapping(department.code), { ulid: () => ulid() }, now, await loadSamples(department.code));
  return { headers: signedHeaders(secret, sample.body, sample.idempotencyKey, now, signatureOf(department.code)), body: sample.body };
}

/** The request as HTTP/1.1 text: request line, headers, a blank line, the exact body bytes that were signed. */
export function formatRequest(url: string, { headers, body }: { headers: Record<string, string>; body: string }): string {
  const u = new URL(url);
  const lines = Object.entries({ host: u.host, ...headers, 'content-length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${u.pathname}${u.search} HTTP/1.1\n${lines.join('\n')}\n\n${body}\n`;
}
