// `hub partner-check` (its options: scripts/cli/program.ts, on commander): the options checked, then runPartnerCheck,
// its output and exit code. Exit codes: 0 every check passed (warnings allowed), 1 a check failed, 2 the check could
// not run (bad arguments).
import { departments, findDepartment, signatureOf, taskTypesOf } from '../../services/topology.ts';
import { DEFAULT_TIMEOUT_MS, runPartnerCheck, type PartnerCheckOptions } from './run.ts';
import { formatRequest, sampleTypeOf, signedSample } from './print-sample.ts';
import { checkLine, formatJson, header, summaryLine } from './report.ts';

export type { CommandIo } from '../cli/output.ts';
import type { CommandIo } from '../cli/output.ts';

export const SECRET_ENV = 'HUB_PARTNER_SECRET';

class UsageError extends Error {}

/** The options as commander read them (scripts/cli/program.ts). */
export interface PartnerCheckArgs {
  department?: string;
  url?: string;
  secret?: string;
  timeout?: string;
  json?: boolean;
  printSample?: string;
  /** Planned for a later round (checking the department's acknowledge/complete calls through the hub API). */
  hubUrl?: string;
  token?: string;
}

export interface ParsedArgs {
  json: boolean;
  /** `--print-sample <type>`: the task type whose signed sample to print instead of checking. */
  printSample?: string;
  options: Pick<PartnerCheckOptions, 'department' | 'url' | 'secret' | 'timeoutMs'>;
}

/** The URL a printed sample names when no --url is given. */
export const SAMPLE_URL = 'https://department-endpoint.example/hub-tasks';

export function checkPartnerCheckArgs(values: PartnerCheckArgs, env: CommandIo['env']): ParsedArgs {
  const planned = values.hubUrl !== undefined ? '--hub-url' : values.token !== undefined ? '--token' : undefined;
  if (planned) {
    throw new UsageError(`${planned} is not supported yet: checking a department's calls back to the hub API is planned (docs/partner-check.md)`);
  }
  const codes = departments.map((d) => d.code).join(', ');
  if (!values.department) throw new UsageError(`missing --department <code>; valid codes: ${codes}`);
  const department = findDepartment(values.department);
  if (!department) throw new UsageError(`unknown department '${values.department}'; valid codes: ${codes}`);
  if (department.delivery !== 'push') {
    throw new UsageError(`${department.code} reads its inbox (pull delivery): the hub pushes nothing to it, so there is no endpoint to check`);
  }

  const printSample = values.printSample;
  if (printSample !== undefined && !sampleTypeOf(department, printSample)) {
    throw new UsageError(`${department.code} has no task type '${printSample}'; its types: ${taskTypesOf(department.code).map((t) => t.contract.type).join(', ')}`);
  }
  if (!values.url && printSample === undefined) throw new UsageError('missing --url <endpoint>: the URL the hub pushes tasks to');
  let url: URL;
  try {
    url = new URL(values.url ?? SAMPLE_URL);
  } catch {
    throw new UsageError(`--url '${values.url}' is not a URL (expected https://… or, for a local test, http://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--url '${values.url}' must be an http or https URL`);
  }

  const secret = values.secret ?? env[SECRET_ENV];
  if (!secret) throw new UsageError(`missing secret: set ${SECRET_ENV} (or pass --secret <secret>): the secret the hub signs pushes with`);

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const s = Number(values.timeout);
    if (!Number.isFinite(s) || s <= 0 || s > 300) throw new UsageError(`--timeout '${values.timeout}' must be a number of seconds, above 0 and at most 300`);
    timeoutMs = Math.round(s * 1000);
  }
  return {
    json: Boolean(values.json),
    ...(printSample !== undefined ? { printSample } : {}),
    options: { department: department.code, url: url.href, secret, timeoutMs },
  };
}

export async function runPartnerCheckCommand(values: PartnerCheckArgs, io: CommandIo): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = checkPartnerCheckArgs(values, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`hub partner-check: ${err.message}\nrun 'hub partner-check --help' for usage\n`);
    return 2;
  }
  const { options, json } = parsed;
  const department = findDepartment(options.department)!;
  if (parsed.printSample !== undefined) {
    io.stdout(formatRequest(options.url, await signedSample(department, sampleTypeOf(department, parsed.printSample)!, options.secret)));
    return 0;
  }
  const facts = {
    department: department.code,
    nameZh: department.nameZh,
    url: options.url,
    taskTypes: taskTypesOf(department.code).length,
    timeoutMs: options.timeoutMs!,
    signature: signatureOf(department.code),
  };
  if (!json) io.stdout(`${header(facts)}\n`);
  const report = await runPartnerCheck({ ...options, onCheck: json ? undefined : (c) => io.stdout(`${checkLine(c)}\n`) });
  io.stdout(json ? formatJson(report) : `\n${summaryLine(report.summary)}\n`);
  return report.ok ? 0 : 1;
}
