// A 10,000-row bulk import, measured: writes a spreadsheet of children, starts the hub in its own process, runs
// `hub import` on the file and reports wall time, rows per second, and the peak memory (VmHWM) of the hub's process
// and of the importing client's (DynamoDB Local's JVM is apart and not counted).
//   npm run bench:import                      10,000 rows, XLSX, at the hub's pace for the benchmark (500 rows/s)
//   npm run bench:import -- --rows 2000 --format csv --rate 20
//   npm run bench:import -- --rows 500 --profile <dir>   the hub's CPU profile (node --cpu-prof) written to <dir>
import '../require-node.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importColumns } from '../../contracts/api/imports.ts';
import { writeSheet } from '../cli/spreadsheet.ts';
import { main } from '../hub.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '10000' }, format: { type: 'string', default: 'xlsx' }, rate: { type: 'string', default: '500' }, profile: { type: 'string' } },
});
const rows = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const file = join(dir, `children.${values.format}`);
const headers = importColumns.map((c) => c.header);

function* generated(): Generator<string[]> {
  for (let i = 0; i < rows; i++) {
    const cell: Record<string, string> = {
      姓名: `测试${i}`,
      性别: i % 2 ? '男' : '女',
      出生日期: `${2010 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      入院日期: '2026-11-20',
      行键: `BENCH-${i}`,
      父母不明: '否',
      已登记户口: '是',
      残疾: '否',
    };
    yield headers.map((h) => cell[h] ?? '');
  }
}
await writeSheet(file, headers, generated());

const peakKb = (pid: number | 'self') => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', values.profile] : [];
const hubProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/bench/import-hub.ts', dir], {
  env: { ...process.env, IMPORT_ROWS_PER_SECOND: values.rate },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let hubCpu: { hubCpuSeconds: number; dynamodbCpuSeconds: number; requests: Record<string, number> } | undefined;
hubProcess.stdout.on('data', (chunk: Buffer) => {
  const cpu = /^cpu (.*)$/m.exec(chunk.toString());
  if (cpu) hubCpu = JSON.parse(cpu[1]!);
});
await new Promise<void>((resolve, reject) => {
  hubProcess.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? resolve() : undefined));
  hubProcess.on('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
});
const hubStartKb = peakKb(hubProcess.pid!);

let out = '';
const started = Date.now();
const exit = await main(['--json', '--credentials', join(dir, 'credentials.json'), '--as', 'staff:CWI-450100', 'import', file], {
  stdout: (t) => void (out += t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
});
const seconds = (Date.now() - started) / 1000;
const hubPeakKb = peakKb(hubProcess.pid!);
hubProcess.kill('SIGTERM');
await new Promise((r) => hubProcess.once('exit', r));

const summary = exit === 0 ? JSON.parse(out) : undefined;
console.log(
  JSON.stringify(
    {
      rows,
      format: values.format,
      fileKB: Math.round(statSync(file).size / 1024),
      hubPaceRowsPerSecond: Number(values.rate),
      exit,
      admitted: summary?.admitted.length,
      // Rows of a page the gateway gave up on (504) and that were sent again: admitted by the first attempt.
      unchanged: summary?.unchanged.length,
      invalid: summary?.invalid.length,
      // The hub's own count: every row admitted exactly once when it equals the rows.
      jobAdmitted: summary?.progress?.admitted,
      throttledPages: summary?.throttledPages,
      wallSeconds: Number(seconds.toFixed(1)),
      rowsPerSecond: Math.round(rows / seconds),
      hubPeakMB: Math.round(hubPeakKb / 1024),
      hubAtStartMB: Math.round(hubStartKb / 1024),
      clientPeakMB: Math.round(peakKb('self') / 1024),
      hubCpuSeconds: hubCpu && Number(hubCpu.hubCpuSeconds.toFixed(1)),
      dynamodbCpuSeconds: hubCpu && Number(hubCpu.dynamodbCpuSeconds.toFixed(1)),
      clientCpuSeconds: Number(((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1)),
      hubRequestsPerRow: hubCpu && Object.fromEntries(Object.entries(hubCpu.requests).map(([k, v]) => [k, Number((v / rows).toFixed(2))])),
    },
    null,
    2,
  ),
);
rmSync(dir, { recursive: true, force: true });
