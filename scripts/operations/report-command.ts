// `hub report --city <code> --period <YYYY-H1|H2> [--format json|csv|xlsx] [--out <file>]`: the progress report from
// the hub's API (a client of it, as the console is: docs/decisions/0018-supervision-reports.md), as the supervisor
// whose token is in HUB_TOKEN. Exit 0 on a report, 1 on an answer that is not one.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CommandIo } from '../cli/output.ts';

export const USAGE = `usage: hub report --city <code> --period <YYYY-H1|YYYY-H2> [options]

Fetches the progress report of a city (450000: the whole region, for the region's supervisor) with the bearer
token in HUB_TOKEN, and prints it (json) or writes it to a file (csv, xlsx).

      --url <base>     the hub's API (default http://localhost:3000)
      --format <f>     json (default), csv or xlsx
      --out <file>     where to write (default progress-<city>-<period>.<format>; json prints when absent)
`;

export const reportCommand = {
  name: 'report',
  summary: 'the progress report of a city, as JSON, CSV or XLSX',
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: {
        city: { type: 'string' }, period: { type: 'string' }, url: { type: 'string', default: 'http://localhost:3000' },
        format: { type: 'string', default: 'json' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return io.stdout(USAGE), 0;
    const token = io.env.HUB_TOKEN;
    if (!values.city || !values.period || !token || !['json', 'csv', 'xlsx'].includes(values.format)) {
      io.stderr(`hub report: --city, --period and HUB_TOKEN are required; --format is json, csv or xlsx\n${USAGE}`);
      return 2;
    }
    const query = new URLSearchParams({ city: values.city, period: values.period, ...(values.format === 'json' ? {} : { format: values.format }) });
    const res = await fetch(`${values.url}/v1/reports/progress?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const data = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) {
      io.stderr(`hub report: ${res.status} ${data.toString('utf8')}\n`);
      return 1;
    }
    if (values.format === 'json' && !values.out) return io.stdout(`${data.toString('utf8')}\n`), 0;
    const out = values.out ?? `progress-${values.city}-${values.period}.${values.format}`;
    writeFileSync(out, data);
    io.stdout(`report: ${out} (${data.length} bytes)\n`);
    return 0;
  },
};
