// `hub partner-check`: arguments, environment, output and exit code around runPartnerCheck.
// Exit codes: 0 every check passed (warnings allowed), 1 a check failed, 2 the check could not run (bad arguments).
import { parseArgs } from 'node:util';
import { departments, findDepartment, signatureOf } from '../../services/topology.ts';
import { DEFAULT_TIMEOUT_MS, runPartnerCheck, type PartnerCheckOptions } from './run.ts';
import { formatRequest, sampleTypeOf, signedSample } from './print-sample.ts';
import { checkLine, formatJson, header, summaryLine } from './report.ts';

export type { CommandIo } from '../cli/output.ts';
import type { CommandIo } from '../cli/output.ts';

export const SECRET_ENV = 'HUB_PARTNER_SECRET';

export const USAGE = `usage: hub partner-check --department <code> --url <endpoint> [options]

Sends signed sample tasks of each of the department's task types to its endpoint, as the hub's adapter
pushes them, and checks the answers against the contract (see docs/partner-check.md).

  -d, --department <code>  ${departments.map((d) => d.code).join(' | ')}
  -u, --url <endpoint>     the department's push endpoint (use a test endpoint: sample tasks are sent)
      --secret <secret>    the shared signing secret; better: set ${SECRET_ENV} (arguments show in ps)
      --timeout <seconds>  time limit per request (default ${DEFAULT_TIMEOUT_MS / 1000}, the hub's push time limit)
      --json               print the report as JSON (for CI)
      --print-sample <type>
                           print one signed sample request of that task type (headers and body) and send
                           nothing; --url is then optional (the request line and host use it)
  -h, --help               this help

exit code: 0 all checks passed (warnings allowed), 1 a check failed, 2 bad arguments
`;

class UsageError extends Error {}

/** Options planned for a later round (checking the department's acknowledge/complete calls through the hub API). */
const PLANNED = ['--hub-url', '--token'];

export interface ParsedArgs {
  help: boolean;
  json: boolean;
  /** `--print-sample <type>`: the task type whose signed sample to print instead of checking. */
  printSample?: string;
  options: Pick<PartnerCheckOptions, 'department' | 'url' | 'secret' | 'timeoutMs'>;
}

/** The URL a printed sample names when no --url is given. */
export const SAMPLE_URL = 'https://department-endpoint.example/hub-tasks';

export function parsePartnerCheckArgs(argv: string[], env: CommandIo['env']): ParsedArgs {
  const planned = argv.find((a) => PLANNED.includes(a.split('=')[0]!));
  if (planned) {
    throw new UsageError(
      `${planned.split('=')[0]} is not supported yet: checking a department's calls back to the hub API is planned (docs/partner-check.md)`,
    );
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        department: { type: 'string', short: 'd' },
        url: { type: 'string', short: 'u' },
        secret: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        'print-sample': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return { help: true, json: false, options: { department: '', url: '', secret: '' } };

  const codes = departments.map((d) => d.code).join(', ');
  if (!values.department) throw new UsageError(`missing --department <code>; valid codes: ${codes}`);
  const department = findDepartment(values.department);
  if (!department) throw new UsageError(`unknown department '${values.department}'; valid codes: ${codes}`);
  if (department.delivery !== 'push') {
    throw new UsageError(`${department.code} reads its inbox (pull delivery): the hub pushes nothing to it, so there is no endpoint to check`);
  }

  const printSample = values['print-sample'];
  if (printSample !== undefined && !sampleTypeOf(department, printSample)) {
    throw new UsageError(`${department.code} has no task type '${printSample}'; its types: ${department.taskTypes.map((t) => t.contract.type).join(', ')}`);
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
    help: false,
    json: values.json,
    ...(printSample !== undefined ? { printSample } : {}),
    options: { department: department.code, url: url.href, secret, timeoutMs },
  };
}

export async function runPartnerCheckCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parsePartnerCheckArgs(argv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`hub partner-check: ${err.message}\nrun 'hub partner-check --help' for usage\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
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
    taskTypes: department.taskTypes.length,
    timeoutMs: options.timeoutMs!,
    signature: signatureOf(department.code),
  };
  if (!json) io.stdout(`${header(facts)}\n`);
  const report = await runPartnerCheck({ ...options, onCheck: json ? undefined : (c) => io.stdout(`${checkLine(c)}\n`) });
  io.stdout(json ? formatJson(report) : `\n${summaryLine(report.summary)}\n`);
  return report.ok ? 0 : 1;
}
