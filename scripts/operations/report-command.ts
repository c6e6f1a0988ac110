// `hub report --city <code> --period <YYYY-H1|H2> [--format json|csv|xlsx] [--out <file>]`: the progress report from
// the hub's API (a client of it, as the console is: docs/decisions/0018-supervision-reports.md), as the supervisor the
// shared options name (--as, --token or HUB_TOKEN), from the hub they name (--url, HUB_URL, else the local one).
import { writeFileSync } from 'node:fs';
import type { Ctx } from '../cli/context.ts';

export interface ReportOptions {
  city: string;
  period: string;
  format: 'json' | 'csv' | 'xlsx';
  out?: string;
}

export async function report(ctx: Ctx, opts: ReportOptions): Promise<void> {
  const query = new URLSearchParams({ city: opts.city, period: opts.period, ...(opts.format === 'json' ? {} : { format: opts.format }) });
  const path = `/v1/reports/progress?${query}`;
  if (opts.format === 'json' && !opts.out) {
    const body = await ctx.api.call('GET', path);
    return ctx.io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  const data = await ctx.api.download(path);
  const out = opts.out ?? `progress-${opts.city}-${opts.period}.${opts.format}`;
  writeFileSync(out, data);
  ctx.out.result({ file: out, bytes: data.length }, () => ctx.out.line(`report: ${out} (${data.length} bytes)`));
}
